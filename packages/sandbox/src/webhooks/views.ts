import type { ProductName, WebhookVersion } from 'cashfree-kit';
import { formatIst } from '../clock/time.js';
import { endpointProducts } from './endpoint-products.js';
import type { AttemptRow, DeliveryRow, DeliveryStatus, EndpointRow } from './store.js';

/**
 * A registered endpoint as the admin API shows it.
 *
 * @example
 * const sandbox = createSandboxApp();
 * const response = await sandbox.request('/_sandbox/webhooks/endpoints', {
 *   method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: 'http://127.0.0.1:3000/webhooks' }),
 * });
 * const endpoint = (await response.json()) as EndpointView;
 * sandbox.close();
 */
export interface EndpointView {
  id: string;
  url: string;
  version: WebhookVersion;
  created_at: string;
  /** The products whose events it receives (`['pg', 'payouts']` unless it asked for fewer). */
  products: ProductName[];
}

/**
 * One attempt as the admin API shows it (`at` on the sandbox clock, IST).
 *
 * @example
 * const failures = (attempts: AttemptView[]) => attempts.filter((attempt) => attempt.error !== null);
 */
export interface AttemptView {
  attempt: number;
  at: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_body: string | null;
}

/**
 * A delivery as the admin API shows it (the interface the CLI's `webhooks listen` reads).
 *
 * @example
 * const sandbox = createSandboxApp();
 * const page = (await (await sandbox.request('/_sandbox/webhooks/deliveries')).json()) as { data: DeliveryView[] };
 * for (const delivery of page.data) console.log(delivery.status, delivery.attempts.length);
 * sandbox.close();
 */
export interface DeliveryView {
  id: string;
  seq: number;
  event_id: string;
  event_type: string;
  order_id: string | null;
  url: string;
  endpoint_id: string | null;
  version: WebhookVersion;
  status: DeliveryStatus;
  request: { headers: Record<string, string>; body: string };
  attempts: AttemptView[];
  next_attempt_at: string | null;
  created_at: string;
}

export function endpointView(row: EndpointRow): EndpointView {
  return {
    id: row.id,
    url: row.url,
    version: row.version,
    created_at: formatIst(row.created_at),
    products: endpointProducts(row),
  };
}

export function attemptView(row: AttemptRow): AttemptView {
  return {
    attempt: row.attempt,
    at: formatIst(row.at),
    status_code: row.status_code,
    latency_ms: row.latency_ms,
    error: row.error,
    response_body: row.response_body,
  };
}

export function deliveryView(row: DeliveryRow, attempts: readonly AttemptRow[]): DeliveryView {
  return {
    id: row.id,
    seq: row.seq,
    event_id: String(row.event_id),
    event_type: row.event_type,
    order_id: row.order_id,
    url: row.url,
    endpoint_id: row.endpoint_id,
    version: row.version,
    status: row.status,
    request: { headers: JSON.parse(row.request_headers) as Record<string, string>, body: row.body },
    attempts: attempts.map(attemptView),
    next_attempt_at: row.next_attempt_at === null ? null : formatIst(row.next_attempt_at),
    created_at: formatIst(row.created_at),
  };
}
