/**
 * `cashfree webhooks trigger` against the local sandbox, as `stripe trigger` does: the objects the
 * event is about are made for real through the API (an order, its payment, a refund, a payment
 * link, a settlement), then the sandbox sends its own webhook for them to `--to`, signed with its
 * secret, so a handler that confirms the event with `orders.get` finds the order it names.
 */
import type { AttemptView, DeliveryView } from '@cashfree-kit/sandbox';
import { type Cashfree, NotFoundError } from 'cashfree-kit';
import type { WebhookVersion } from 'cashfree-kit/webhooks';
import { CliError, EXIT } from '../output/exit-codes.js';
import type { SandboxAdmin } from '../sandbox/admin-client.js';
import { WebhookAdmin } from './admin.js';

/** What to trigger and where to send it. */
export interface LocalTriggerRequest {
  type: string;
  to: string;
  version: WebhookVersion;
  /** Rupees, for the order or link made for the event. */
  amount: number;
  /** An existing order to use (or the id of the one to create). */
  orderId?: string | undefined;
}

/** The objects made (or used) for the event, by their ids. */
export interface TriggeredObjects {
  order_id: string;
  link_id?: string;
  /** Set when the sandbox clock was moved so the payment settles. */
  clock_advanced_days?: number;
}

/** The sandbox sent its own webhook: the delivery and its first attempt. */
export interface SandboxDelivery {
  kind: 'sandbox';
  objects: TriggeredObjects;
  delivery: DeliveryView;
  attempt: AttemptView;
}

/** The sandbox has no such event (disputes): a real paid order for a sample to name. */
export interface SampleAboutOrder {
  kind: 'sample';
  objects: TriggeredObjects;
}

/** A payment settles in the next cycle (T+1 by 11:00 IST): two days always reach it. */
const SETTLE_DAYS = 2;
const PAY = 'PAYMENT_SUCCESS_WEBHOOK';

/** Opens an order for the event, or finds the one `--order-id` names. */
async function orderFor(client: Cashfree, request: LocalTriggerRequest): Promise<string> {
  if (request.orderId !== undefined) {
    try {
      return (await client.orders.get(request.orderId)).order_id;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  const order = await client.orders.create({
    ...(request.orderId !== undefined ? { order_id: request.orderId } : {}),
    order_amount: request.amount,
    order_currency: 'INR',
    customer_details: { customer_id: 'cust_webhooks_trigger', customer_phone: '9999999999' },
    order_note: `cashfree webhooks trigger ${request.type}`,
  });
  return order.order_id;
}

/** Pays the order (a no-op repeat for one already paid) before `--to` is registered, so it hears nothing of it. */
async function payFirst(client: Cashfree, webhooks: WebhookAdmin, orderId: string): Promise<void> {
  const order = await client.orders.get(orderId);
  if (order.order_status === 'ACTIVE') await webhooks.trigger(PAY, orderId);
}

/** A payment link and the order that pays it (what the link page opens). */
async function linkOrder(
  client: Cashfree,
  admin: SandboxAdmin,
  request: LocalTriggerRequest,
): Promise<{ orderId: string; linkId: string }> {
  const linkId = `link_trigger_${Date.now().toString(36)}`;
  await client.links.create({
    link_id: linkId,
    link_amount: request.amount,
    link_currency: 'INR',
    link_purpose: `cashfree webhooks trigger ${request.type}`,
    customer_details: { customer_phone: '9999999999' },
  });
  const order = await admin.call<{ order_id: string }>(
    'POST',
    `/links/${encodeURIComponent(linkId)}/orders`,
    {},
  );
  return { orderId: order.order_id, linkId };
}

/** Waits for the first attempt of a delivery (bounded by the sandbox's own webhook timeout). */
async function firstAttempt(webhooks: WebhookAdmin, delivery: DeliveryView): Promise<DeliveryView> {
  const deadline = Date.now() + 60_000;
  let current = delivery;
  while (current.attempts.length === 0) {
    if (Date.now() > deadline) {
      throw new CliError(
        `The sandbox made delivery ${delivery.id} but has not attempted it after 60 s; see it in the dashboard (/_sandbox/).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = await webhooks.delivery(delivery.id);
  }
  return current;
}

/**
 * Makes the objects `request.type` is about on the local sandbox and has the sandbox deliver its
 * webhook to `request.to`; for a type the sandbox does not emulate, a paid order for a sample.
 */
export async function triggerOnLocalSandbox(
  client: Cashfree,
  admin: SandboxAdmin,
  request: LocalTriggerRequest,
): Promise<SandboxDelivery | SampleAboutOrder> {
  const webhooks = new WebhookAdmin(admin.origin);
  const supported = (await admin.call<{ types: string[] }>('GET', '/webhooks/trigger')).types;
  const { type } = request;
  const objects: TriggeredObjects =
    type === 'PAYMENT_LINK_EVENT' && request.orderId === undefined
      ? await linkOrder(client, admin, request).then(({ orderId, linkId }) => ({
          order_id: orderId,
          link_id: linkId,
        }))
      : { order_id: await orderFor(client, request) };
  const orderId = objects.order_id;
  if (!supported.includes(type)) {
    await payFirst(client, webhooks, orderId);
    return { kind: 'sample', objects };
  }
  if (type === 'REFUND_STATUS_WEBHOOK') await payFirst(client, webhooks, orderId);
  if (type === 'SETTLEMENT_INITIATED' || type === 'SETTLEMENT_SUCCESS') {
    await payFirst(client, webhooks, orderId);
    const settled = await client.settlements.forOrder(orderId).catch(() => undefined);
    if (!settled?.cf_settlement_id || type === 'SETTLEMENT_SUCCESS') {
      await admin.call('POST', '/clock/advance', { days: SETTLE_DAYS });
      objects.clock_advanced_days = SETTLE_DAYS;
    }
  }

  const endpoint = await webhooks.createEndpoint(request.to, request.version);
  try {
    const triggered = await webhooks.trigger(type, orderId);
    const delivery = triggered.deliveries.find((d) => d.endpoint_id === endpoint.id);
    if (!delivery) {
      throw new CliError(
        `The sandbox made no ${type} delivery to ${request.to} for order ${orderId}.`,
        EXIT.failure,
      );
    }
    const attempted = await firstAttempt(webhooks, delivery);
    return { kind: 'sandbox', objects, delivery: attempted, attempt: attempted.attempts[0] as AttemptView };
  } finally {
    await webhooks.deleteEndpoint(endpoint.id).catch(() => {});
  }
}
