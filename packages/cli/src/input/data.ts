/**
 * Request bodies from the command line: `--data` gives a whole JSON body (a file, `-` for stdin,
 * or inline JSON), and flags for the common fields are laid over it. Flag values arrive as text;
 * amounts that look like numbers become numbers, anything else is passed on as text so the SDK's
 * validation names the field and the fix.
 */
import { readFile } from 'node:fs/promises';
import { CliError } from '../output/exit-codes.js';
import { type Runtime, readAll } from '../runtime.js';

/** Reads `--data`: `-` (stdin), inline JSON (starts with `{`), or a file path. `{}` when absent. */
export async function readJsonData(
  spec: string | undefined,
  runtime: Runtime,
): Promise<Record<string, unknown>> {
  if (spec === undefined) return {};
  let text: string;
  let where: string;
  if (spec === '-') {
    text = (await readAll(runtime.stdin)).toString('utf8');
    where = 'stdin';
  } else if (spec.trimStart().startsWith('{')) {
    text = spec;
    where = 'the inline JSON';
  } else {
    try {
      text = await readFile(spec, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new CliError(
        `--data: cannot read '${spec}'${code ? ` (${code})` : ''}. Pass a JSON file, - to read stdin, or inline JSON such as '{"order_amount": 499}'.`,
      );
    }
    where = `'${spec}'`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `--data: ${where} is not valid JSON (${(error as Error).message}). Fix the JSON and retry.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliError(
      `--data: ${where} must be a JSON object (the request body), not ${Array.isArray(parsed) ? 'an array' : typeof parsed}.`,
    );
  }
  return parsed as Record<string, unknown>;
}

/** A number when the flag reads as a plain decimal, else the text as given (validation will say why). */
export function amountFlag(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : value;
}

/**
 * Sets `path` (dot-separated) in `target` when `value` is defined, creating objects on the way;
 * flags given on the command line override the same field from `--data`.
 */
export function setField(target: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined) return;
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

/** A readable id for things the CLI creates, e.g. `cli_refund_m3x9k2_4821`. */
export function generatedId(prefix: string): string {
  const random = Math.floor(Math.random() * 1e6)
    .toString()
    .padStart(6, '0');
  return `${prefix}_${Date.now().toString(36)}_${random}`;
}

/**
 * The body as the SDK request type `T`, after `validate` (the SDK's own checks for it) passes, so
 * a bad field fails here, before any credential is read. The type is not proven by the checks: the
 * SDK runs the operation's checks again before sending, and Cashfree answers for the rest.
 */
export function asRequest<T>(body: Record<string, unknown>, validate?: (body: unknown) => void): T {
  validate?.(body);
  return body as T;
}
