import type { RequestOptions, RequestParts } from '../core/options.js';
import { fillPath, type PathParams } from '../internal/path.js';
import type { Transport } from '../internal/transport.js';
import type { Endpoint } from '../operations/operation.js';

/**
 * The base of every resource: it holds the transport, and sends each call to the method and path
 * of its entry in the endpoint table (`ENDPOINTS`), so the SDK and the table cannot disagree.
 */
export abstract class ApiResource {
  declare protected readonly transport: Transport;

  constructor(transport: Transport) {
    // Not enumerable, so that logging or JSON.stringify of the client does not walk into it.
    Object.defineProperty(this, 'transport', { value: transport, enumerable: false });
  }

  /**
   * Calls `endpoint` with its path parameters filled in and encoded. Async, so that a bad path
   * parameter rejects the returned promise instead of throwing past the caller's `.catch()`.
   */
  protected async send<T, E extends Endpoint>(
    endpoint: E,
    params: PathParams<E['path']>,
    parts: RequestParts,
    options: RequestOptions | undefined,
  ): Promise<T> {
    return this.transport.request<T>(endpoint.method, fillPath(endpoint.path, params), parts, options);
  }
}
