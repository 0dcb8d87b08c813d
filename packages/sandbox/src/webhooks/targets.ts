import type { WebhookVersion } from 'cashfree-kit';
import type { SandboxContext, SandboxEvent } from '../context.js';
import { orderDetails } from '../entities/order.js';
import type { LinkDetails } from '../store/links.js';
import { endpointReceives } from './endpoint-products.js';
import type { EndpointRow } from './store.js';

/** One receiver of an event. */
export interface Target {
  url: string;
  version: WebhookVersion;
  /** The registered endpoint, or `null` for a `notify_url` from the order or link. */
  endpointId: string | null;
}

function notifyUrl(meta: { notify_url?: string | null | undefined } | null | undefined): string | undefined {
  const url = meta?.notify_url;
  return typeof url === 'string' && url !== '' ? url : undefined;
}

/**
 * Where Cashfree would send the event: the `notify_url` the merchant gave with the order (payment
 * and refund webhooks) or with the link (`PAYMENT_LINK_EVENT`), in the sandbox's payload version,
 * then every registered endpoint in its own version (Cashfree's dashboard endpoints) unless it asked
 * for another product's events only (`products: ['pg']` keeps Payouts events away). Settlement
 * webhooks go to endpoints only, as they belong to no order.
 */
export function targetsFor(
  ctx: SandboxContext,
  event: SandboxEvent,
  endpoints: readonly EndpointRow[],
  defaultVersion: WebhookVersion,
): Target[] {
  const targets: Target[] = [];
  let url: string | undefined;
  if (event.type === 'PAYMENT_LINK_EVENT') {
    const link = event.link_id === null ? undefined : ctx.store.links.byLinkId(event.link_id);
    if (link) url = notifyUrl((JSON.parse(link.details) as LinkDetails).link_meta);
  } else if (event.order_id !== null) {
    const order = ctx.store.orders.byOrderId(event.order_id);
    if (order) url = notifyUrl(orderDetails(order).order_meta);
  }
  if (url !== undefined) targets.push({ url, version: defaultVersion, endpointId: null });
  for (const endpoint of endpoints) {
    if (!endpointReceives(endpoint, event.type)) continue;
    targets.push({ url: endpoint.url, version: endpoint.version, endpointId: endpoint.id });
  }
  return targets;
}
