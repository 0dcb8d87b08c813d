/**
 * A small client for the local sandbox's webhook admin API (`/_sandbox/webhooks/…`, no API keys;
 * interface agreed in the sandbox's webhook design): register a forwarding endpoint, read
 * deliveries in order, remove the endpoint.
 */
import type { DeliveryView, EndpointView } from '@cashfree-kit/sandbox';
import { ConnectionError } from 'cashfree-kit';
import { CliError, EXIT } from '../output/exit-codes.js';

/** A registered endpoint, a delivery and one of its attempts, as the admin API shows them. */
export type {
  AttemptView as DeliveryAttempt,
  DeliveryView as WebhookDeliveryRecord,
  EndpointView as WebhookEndpoint,
} from '@cashfree-kit/sandbox';

/** The sandbox's origin for a configured API base URL (`http://127.0.0.1:8080/pg` → `http://127.0.0.1:8080`). */
export function sandboxOrigin(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/pg$/, '');
}

/** The admin API answered with an error status. */
export class AdminError extends CliError {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message, status === 404 ? EXIT.notFound : EXIT.failure);
    this.status = status;
  }
}

/** Talks to one sandbox's admin API. */
export class WebhookAdmin {
  readonly origin: string;

  constructor(origin: string) {
    this.origin = origin.replace(/\/+$/, '');
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.origin}/_sandbox/webhooks${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new ConnectionError(
        `Could not reach the sandbox at ${this.origin}${cause ? ` (${cause})` : ''}. Start it with 'cashfree sandbox start' ` +
          'and point CASHFREE_BASE_URL (or --base-url) at the URL it prints.',
        { cause: error },
      );
    }
    const text = await response.text();
    if (!response.ok) {
      throw new AdminError(
        `The sandbox refused ${method} /_sandbox/webhooks${path}: HTTP ${response.status} ${text.slice(0, 300)}`,
        response.status,
      );
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      // Something answers at this URL, but not the sandbox's admin API (another app, a proxy page).
      throw new CliError(
        `${this.origin} answered ${method} /_sandbox/webhooks${path} with something that is not JSON ` +
          `(${JSON.stringify(text.slice(0, 60))}): it is not the cashfree-kit local sandbox. ` +
          "Run 'cashfree sandbox start' and point CASHFREE_BASE_URL (or --base-url) at the URL it prints.",
        EXIT.notFound,
      );
    }
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
