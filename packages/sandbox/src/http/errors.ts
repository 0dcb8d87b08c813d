import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The `type` values Cashfree puts in error bodies.
 *
 * @example
 * const type: CashfreeErrorType = 'invalid_request_error';
 */
export type CashfreeErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'idempotency_error'
  | 'rate_limit_error'
  | 'api_error';

/**
 * The JSON body of every error response: Cashfree's `{message, code, type}` plus optional `help`.
 *
 * @example
 * const sandbox = createSandboxApp();
 * const response = await sandbox.request('/pg/orders/nope', { headers: { 'x-api-version': '2025-01-01' } });
 * const body = (await response.json()) as CashfreeErrorBody; // { code: 'request_failed', type: 'authentication_error', … }
 * sandbox.close();
 */
export interface CashfreeErrorBody {
  message: string;
  code: string;
  type: CashfreeErrorType;
  help?: string;
}

/**
 * The one HTTP error of the sandbox. Routes throw it; the app's single `onError` renders it as
 * Cashfree's `{message, code, type}` body with its status and extra headers.
 *
 * @example throw new SandboxHttpError(404, 'order_not_found', 'Order Reference Id does not exist');
 */
export class SandboxHttpError extends Error {
  override readonly name = 'SandboxHttpError' as const;

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly type: CashfreeErrorType = 'invalid_request_error',
    readonly help?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The response body in Cashfree's shape. */
  toBody(): CashfreeErrorBody {
    const body: CashfreeErrorBody = { message: this.message, code: this.code, type: this.type };
    if (this.help !== undefined) body.help = this.help;
    return body;
  }
}

/** 400 `invalid_request_error`. */
export function badRequest(code: string, message: string, help?: string): SandboxHttpError {
  return new SandboxHttpError(400, code, message, 'invalid_request_error', help);
}

/** 404 `invalid_request_error`. */
export function notFound(code: string, message: string, help?: string): SandboxHttpError {
  return new SandboxHttpError(404, code, message, 'invalid_request_error', help);
}

/** 409 `invalid_request_error`. */
export function conflict(code: string, message: string): SandboxHttpError {
  return new SandboxHttpError(409, code, message, 'invalid_request_error');
}
