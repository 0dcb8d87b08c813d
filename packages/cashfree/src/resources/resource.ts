import type { Cashfree, RequestOptions, RequestParts } from '../client.js';
import type { Endpoint } from '../endpoints/endpoint.js';
import { fillPath, type PathParams } from '../internal/path.js';

/**
 * The base of every resource: it holds the client, and sends each call to the method and path of
 * its entry in the endpoint table (`ENDPOINTS`), so the SDK and the table cannot disagree.
 */
export abstract class ApiResource {
  declare protected readonly client: Cashfree;

  constructor(client: Cashfree) {
    // Not enumerable, so that logging or JSON.stringify of the client does not walk back into it.
    Object.defineProperty(this, 'client', { value: client, enumerable: false });
  }

  /** Calls `endpoint` with its path parameters filled in and encoded. */
  protected send<T, E extends Endpoint>(
    endpoint: E,
    params: PathParams<E['path']>,
    parts: RequestParts,
    options: RequestOptions | undefined,
  ): Promise<T> {
    return this.client.request<T>(endpoint.method, fillPath(endpoint.path, params), parts, options);
  }
}
