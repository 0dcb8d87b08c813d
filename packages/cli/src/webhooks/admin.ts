/**
 * A small client for the local sandbox's webhook admin API (`/_sandbox/webhooks/…`, no API keys;
 * interface agreed in the sandbox's webhook design): register a forwarding endpoint, read
 * deliveries in order, remove the endpoint.
 */
import type { DeliveryView, EndpointView } from '@cashfree-kit/sandbox';
import { CliError, EXIT } from '../output/exit-codes.js';
import { AdminError, SandboxAdmin } from '../sandbox/admin-client.js';

/** A registered endpoint, a delivery and one of its attempts, as the admin API shows them. */
export type {
  AttemptView as DeliveryAttempt,
  DeliveryView as WebhookDeliveryRecord,
  EndpointView as WebhookEndpoint,
} from '@cashfree-kit/sandbox';
export { AdminError, sandboxOrigin } from '../sandbox/admin-client.js';

/** Talks to one sandbox's webhook admin API. */
export class WebhookAdmin {
  readonly origin: string;
  readonly #admin: SandboxAdmin;

  constructor(origin: string) {
    this.#admin = new SandboxAdmin(origin);
    this.origin = this.#admin.origin;
  }

  #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.#admin.call<T>(method, `/webhooks${path}`, body);
  }

  /** Registers `url` to receive every webhook the sandbox sends. */
  async createEndpoint(url: string, version?: string): Promise<EndpointView> {
    try {
      return await this.#call<EndpointView>('POST', '/endpoints', version ? { url, version } : { url });
    } catch (error) {
      if (error instanceof AdminError && error.status === 404) {
        throw new CliError(
          `${this.origin} has no webhook admin API (POST /_sandbox/webhooks/endpoints answered 404). ` +
            "'webhooks listen' needs the cashfree-kit local sandbox: run 'cashfree sandbox start' and use the URL it prints.",
          EXIT.notFound,
        );
      }
      throw error;
    }
  }

  /** Removes an endpoint. */
  async deleteEndpoint(id: string): Promise<void> {
    await this.#call('DELETE', `/endpoints/${encodeURIComponent(id)}`);
  }

  /** One delivery with its attempts so far. */
  delivery(id: string): Promise<DeliveryView> {
    return this.#call('GET', `/deliveries/${encodeURIComponent(id)}`);
  }

  /**
   * Has the sandbox make a real event of `type` for the order (see its `TRIGGER_TYPES`): pays it,
   * fails a payment, refunds it, …; the deliveries it made for the event come back.
   */
  trigger(type: string, orderId: string): Promise<{ event_id: string | null; deliveries: DeliveryView[] }> {
    return this.#call('POST', '/trigger', { type, order_id: orderId });
  }

  /** Deliveries after sequence number `after`, oldest first. */
  deliveries(query: { endpointId?: string; after?: number; limit?: number }): Promise<{
    data: DeliveryView[];
    cursor: number | null;
  }> {
    const params = new URLSearchParams();
    if (query.endpointId) params.set('endpoint_id', query.endpointId);
    if (query.after !== undefined) params.set('after', String(query.after));
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    return this.#call('GET', `/deliveries?${params}`);
  }
}
