/**
 * The exit codes of `cashfree`, one per class of failure, so scripts can branch on them. The
 * table is printed by `cashfree --help` and documented in the README.
 */
import {
  isApiError,
  isAuthenticationError,
  isBadRequestError,
  isConflictError,
  isConnectionError,
  isIdempotencyError,
  isNotFoundError,
  isRateLimitError,
  isServerError,
  isValidationError,
  isWebhookVerificationError,
} from 'cashfree-kit';

/**
 * The exit codes of `cashfree` by name: 0 success, 1 a failed check, 2 bad input, then one per
 * class of API failure. {@link EXIT_CODE_TABLE} describes each.
 *
 * @example
 * ```ts
 * const code = await run(['doctor']);
 * if (code === EXIT.auth) console.error('Set CASHFREE_APP_ID and CASHFREE_SECRET_KEY for this environment.');
 * ```
 */
export const EXIT = {
  ok: 0,
  /** A check failed (smoke step, doctor, webhook signature) or an unexpected error. */
  failure: 1,
  /** Bad flags or arguments, or input refused before any request was sent. */
  usage: 2,
  /** Credentials missing, or rejected by Cashfree (401). */
  auth: 3,
  /** The order, payment, refund, link or settlement does not exist (404). */
  notFound: 4,
  /** Rate limited (429), after the client's retries. */
  rateLimited: 5,
  /** Cashfree (or the sandbox) could not be reached, or timed out. */
  network: 6,
  /** Already exists (409) or idempotency key reused with another body (422). */
  conflict: 7,
  /** Cashfree refused the request (400), e.g. a field it validates and the CLI does not. */
  rejected: 8,
  /** Cashfree failed (5xx). */
  server: 9,
} as const;

/**
 * Each exit code with what it means, as `cashfree --help` and docs/cli.md print them.
 *
 * @example
 * ```ts
 * const meaning = new Map(EXIT_CODE_TABLE).get(await run(['smoke'])); // e.g. 'success'
 * ```
 */
export const EXIT_CODE_TABLE: readonly (readonly [number, string])[] = [
  [EXIT.ok, 'success'],
  [EXIT.failure, 'a check failed (smoke, doctor, webhooks verify) or an unexpected error'],
  [EXIT.usage, 'bad flags or input, refused before any request was sent'],
  [EXIT.auth, 'credentials missing, or rejected by Cashfree (401)'],
  [EXIT.notFound, 'not found (404), or an unknown code in errors explain'],
  [EXIT.rateLimited, 'rate limited (429), after retries'],
  [EXIT.network, 'network: Cashfree or the sandbox unreachable, or timed out'],
  [EXIT.conflict, 'conflict: already exists (409) or idempotency key reused (422)'],
  [EXIT.rejected, 'Cashfree refused the request (400)'],
  [EXIT.server, 'Cashfree server error (5xx)'],
];

/**
 * An error the CLI raises itself (bad flag value, missing credentials, failed check), with the
 * exit code it should end the process with. Its message is printed as `cashfree: <message>`.
 */
export class CliError extends Error {
  override name = 'CliError' as const;
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * The exit code `cashfree` ends with for an error: the CLI's own errors carry theirs, the SDK's
 * map by class (a `ValidationError` is {@link EXIT}.usage, a `NotFoundError` EXIT.notFound, a
 * `ConnectionError` EXIT.network…), anything else is EXIT.failure. A script that calls the SDK
 * itself can exit the way the CLI would.
 *
 * @example
 * ```ts
 * import { Cashfree } from 'cashfree-kit';
 *
 * try {
 *   await Cashfree.fromEnv().orders.get('order_001');
 * } catch (error) {
 *   process.exitCode = exitCodeFor(error); // 4 when the order does not exist
 * }
 * ```
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (isValidationError(error)) return EXIT.usage;
  if (isConnectionError(error)) return EXIT.network;
  if (isWebhookVerificationError(error)) return EXIT.failure;
  if (isAuthenticationError(error)) return EXIT.auth;
  if (isNotFoundError(error)) return EXIT.notFound;
  if (isRateLimitError(error)) return EXIT.rateLimited;
  if (isConflictError(error) || isIdempotencyError(error)) return EXIT.conflict;
  if (isBadRequestError(error)) return EXIT.rejected;
  if (isServerError(error)) return EXIT.server;
  if (isApiError(error)) return EXIT.rejected;
  return EXIT.failure;
}

/**
 * Thrown by a command that has already printed its outcome (a failed smoke step, a doctor
 * problem, an invalid signature) to end the run with `exitCode` and print nothing more.
 */
export class ExitWith extends Error {
  override name = 'ExitWith' as const;
  readonly exitCode: number;

  constructor(exitCode: number) {
    super(`exit ${exitCode}`);
    this.exitCode = exitCode;
  }
}
