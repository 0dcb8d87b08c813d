import type { RequestOptions, RequestParts } from '../core/options.js';
import { fillPath, type PathParams } from '../internal/path.js';
import type { Transport } from '../internal/transport.js';
import type { Operation } from '../operations/operation.js';
import { checkRequest } from '../validation/request.js';

/**
 * The base of every resource: it holds the transport, and sends each call to the method and path
 * of its row in the operation table (`OPERATIONS`) after the row's request checks, so the SDK and
 * the table cannot disagree on where a call goes or what it refuses.
 */
export abstract class ApiResource {
  declare protected readonly transport: Transport;

  constructor(transport: Transport) {
    // Not enumerable, so that logging or JSON.stringify of the client does not walk into it.
    Object.defineProperty(this, 'transport', { value: transport, enumerable: false });
  }

  /**
   * Calls `operation` with its path parameters filled in and encoded, and its body checked against
   * the row. Async, so that a bad path parameter rejects the returned promise instead of throwing
   * past the caller's `.catch()`.
   */
  protected async send<T, O extends Operation>(
    operation: O,
    params: PathParams<O['path']>,
    // No `validate`: what a call checks is its row's to say.
    parts: Omit<RequestParts, 'validate'>,
    options: RequestOptions | undefined,
  ): Promise<T> {
    // Handed to the transport rather than run here, so that a rejected value (which the error
    // quotes) is scrubbed of the secret key like every other error of the call.
    const validate = (body: unknown) => checkRequest(operation, body);
    return this.transport.request<T>(
      operation.method,
      fillPath(operation.path, params),
      { ...parts, validate },
      options,
    );
  }
}
