import { formatWithOptions } from 'node:util';
import { secretFilter } from './secrets.js';

/** The store's console: what it prints at start and the errors it reports. */
export interface Log {
  info(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/**
 * An error as one line, `Error: message ← cause: message`, without the stack: for a failure that
 * is expected to pass by itself and is retried (a webhook for an order Cashfree does not show
 * paid yet), so each retry adds a line to the log instead of a screenful.
 */
export function oneLine(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' ← cause: ').replace(/\s*\n\s*/g, ' ');
}

interface Writable {
  write(text: string): unknown;
}

/**
 * A console whose every line has the secret key filtered out. Errors print their message, stack
 * and cause, and any of those can quote a request or an answer, so the filter runs on the whole
 * formatted line rather than trusting each caller.
 */
export function createLog(
  secret: string | readonly string[],
  out: Writable = process.stdout,
  err: Writable = process.stderr,
): Log {
  const filter = secretFilter(secret);
  const write = (stream: Writable, args: unknown[]) =>
    stream.write(`${filter(formatWithOptions({ colors: false }, ...args))}\n`);
  return {
    info: (...args) => write(out, args),
    error: (...args) => write(err, args),
  };
}
