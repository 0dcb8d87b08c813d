/** How the fault runs name the error a call ended in, in their assertion messages and tallies. */
import { isCashfreeError } from 'cashfree-kit';

/** A cashfree-kit error's name, with its HTTP status when it has one; `untyped …` for anything else. */
export function describeError(error: unknown): string {
  if (!isCashfreeError(error)) return `untyped ${String(error)}`;
  return 'status' in error ? `${error.name} ${String(error.status)}` : error.name;
}
