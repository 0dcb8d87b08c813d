/**
 * What a command may touch of the outside world: environment variables, the three standard
 * streams and the process signals. `run()` takes one, so tests can drive the CLI in-process; the
 * `cashfree` binary passes the real process.
 */
import type { Readable } from 'node:stream';

/**
 * A stream the CLI writes to; `isTTY` decides colours, spinners and the default output mode (JSON
 * when stdout is not a terminal).
 *
 * @example
 * ```ts
 * const chunks: string[] = [];
 * const capture: OutputStream = { write: (text) => chunks.push(text), isTTY: false };
 * ```
 */
export interface OutputStream {
  /** Writes `text` as is; the CLI adds the line breaks. The return value is ignored. */
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

/**
 * The outside world of one CLI run: what {@link run} reads and writes instead of `process`.
 *
 * @example
 * ```ts
 * import { Readable } from 'node:stream';
 *
 * const runtime: Runtime = {
 *   env: { CASHFREE_BASE_URL: 'http://127.0.0.1:8787/pg' },
 *   stdout: process.stdout,
 *   stderr: process.stderr,
 *   stdin: Readable.from([]),
 *   untilStopped: () => new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000)),
 * };
 * await run(['webhooks', 'listen', '--forward-to', 'http://127.0.0.1:3000/webhooks/cashfree'], runtime);
 * ```
 */
export interface Runtime {
  env: Record<string, string | undefined>;
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: Readable;
  /**
   * Resolves when the user asks a long-running command (sandbox start, webhooks listen) to stop:
   * Ctrl-C (SIGINT), SIGTERM or SIGHUP. Resolves with the signal's name.
   */
  untilStopped(): Promise<string>;
}

/** The runtime of the real process. */
export function processRuntime(): Runtime {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    untilStopped: () =>
      new Promise<string>((resolve) => {
        const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
        const stop = (signal: string) => {
          for (const name of signals) process.off(name, stop);
          // A second Ctrl-C while shutting down is ignored rather than killing the process half
          // way through closing the database.
          for (const name of signals) process.on(name, ignore);
          resolve(signal);
        };
        for (const name of signals) process.on(name, stop);
      }),
  };
}

function ignore(): void {}

/** Reads a whole stream as bytes (stdin for `--data -` and `webhooks verify`). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
