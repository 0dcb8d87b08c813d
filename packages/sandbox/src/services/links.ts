import { HOUR_MS } from '../clock/time.js';
import type { SandboxContext } from '../context.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import {
  afterLinkPayment,
  cancelLink,
  checkLinkPayment,
  expireLink,
  type LinkAmounts,
} from '../state/link-machine.js';
import type { LinkDetails, LinkRow } from '../store/links.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import { randomLowerAlphanumeric } from '../util/ids.js';
import { formatPaise } from '../util/money.js';
import { appendLinkEvent } from './event-data.js';
import { createOrder, terminateOrder } from './orders.js';

/** Job kind: a link reaches its `link_expiry_time`. */
export const LINK_EXPIRE = 'link.expire';

/** A validated create-link request. */
export interface NewLink {
  linkId: string;
  amount: number;
  currency: string;
  purpose: string;
  partialPayments: boolean;
  minimumPartialAmount: number | null;
  expiresAt: number;
  details: LinkDetails;
}

function amountsOf(link: LinkRow): LinkAmounts {
  return {
    status: link.status,
    amount: link.amount,
    amountPaid: link.amount_paid,
    partialPayments: link.partial_payments === 1,
    minimumPartialAmount: link.minimum_partial_amount,
  };
}

/** `POST /links`: an ACTIVE link, expiring on its own. Call inside `ctx.transact`. */
export function createLink(ctx: SandboxContext, input: NewLink): LinkRow {
  if (ctx.store.links.byLinkId(input.linkId)) {
    throw conflict('link_already_exists', 'link with same id is already present');
  }
  const link: LinkRow = {
    cf_link_id: ctx.store.ids.link.next(),
    link_id: input.linkId,
    link_code: randomLowerAlphanumeric(12),
    status: 'ACTIVE',
    amount: input.amount,
    amount_paid: 0,
    currency: input.currency,
    partial_payments: input.partialPayments ? 1 : 0,
    minimum_partial_amount: input.minimumPartialAmount,
    purpose: input.purpose,
    created_at: ctx.clock.now(),
    expires_at: input.expiresAt,
    details: JSON.stringify(input.details),
  };
  ctx.store.links.insert(link);
  ctx.scheduler.schedule(LINK_EXPIRE, link.cf_link_id, input.expiresAt);
  return link;
}

/** The link with this merchant `link_id`, or Cashfree's 404 (`message` differs per operation). */
export function findLink(
  ctx: SandboxContext,
  linkId: string,
  message = `No request found with link Id ${linkId}`,
): LinkRow {
  const link = ctx.store.links.byLinkId(linkId);
  if (!link) throw notFound('link_not_found', message);
  return link;
}

function moveLink(
  ctx: SandboxContext,
  link: LinkRow,
  changes: Pick<LinkRow, 'status' | 'amount_paid'>,
): LinkRow {
  const next = { ...link, ...changes };
  ctx.store.links.update(next);
  if (next.status !== 'ACTIVE' && next.status !== 'PARTIALLY_PAID') {
    ctx.scheduler.cancel(LINK_EXPIRE, link.cf_link_id);
    closeOpenLinkOrders(ctx, next);
  }
  return next;
}

/**
 * A closed link takes no more money, so the orders its page opened and nobody paid (another tab,
 * an abandoned checkout) are terminated; one with a payment in flight waits in
 * TERMINATION_REQUESTED, and if that payment succeeds it is refunded (see `linkRefusesPayment`).
 */
function closeOpenLinkOrders(ctx: SandboxContext, link: LinkRow): void {
  for (const order of ctx.store.orders.byLink(link.cf_link_id)) {
    if (order.status === 'ACTIVE') terminateOrder(ctx, order);
  }
}

/**
 * Why a successful payment on a link order cannot go to its link, or undefined when it can: the
 * link was paid from another order, cancelled or expired meanwhile, or less than this amount is
 * left to pay. Such a payment is cancelled and refunded rather than overpaying the link.
 */
export function linkRefusesPayment(ctx: SandboxContext, order: OrderRow, amount: number): string | undefined {
  if (order.cf_link_id === null) return undefined;
  const link = ctx.store.links.byId(order.cf_link_id);
  if (!link) return undefined;
  const check = checkLinkPayment(amountsOf(link), amount);
  if (check.ok) return undefined;
  return check.code === 'link_not_active'
    ? `payment link ${link.link_id} is ${link.status}`
    : `payment link ${link.link_id} has only ₹${formatPaise(link.amount - link.amount_paid)} left to pay, less than this ₹${formatPaise(amount)}`;
}

/** `POST /links/{id}/cancel`. Call inside `ctx.transact`. */
export function cancelLinkNow(ctx: SandboxContext, link: LinkRow): LinkRow {
  const t = cancelLink(link.status);
  if (!t.ok) throw badRequest(t.code, t.message);
  const next = moveLink(ctx, link, { status: t.status, amount_paid: link.amount_paid });
  appendLinkEvent(ctx, next);
  return next;
}

/** Job: the link's expiry time has come. */
export function expireLinkNow(ctx: SandboxContext, cfLinkId: number): void {
  const link = ctx.store.links.byId(cfLinkId);
  if (!link) return;
  const t = expireLink(link.status);
  if (t.ok && t.changed)
    appendLinkEvent(ctx, moveLink(ctx, link, { status: t.status, amount_paid: link.amount_paid }));
}

/**
 * Opens an order for paying a link (what the link page does when the customer clicks Pay), with
 * Cashfree's `CFPay_<link code>_<n>` order id and `cf_link_id` tag. `amount` (paise) is for
 * partial payments; it defaults to what remains. Call inside `ctx.transact`.
 */
export function createLinkOrder(ctx: SandboxContext, link: LinkRow, amount: number | undefined): OrderRow {
  const check = checkLinkPayment(amountsOf(link), amount);
  if (!check.ok) throw badRequest(check.code, check.message);
  const details = JSON.parse(link.details) as LinkDetails;
  const attempt = ctx.store.orders.byLink(link.cf_link_id).length + 1;
  const customer = { customer_id: `link_customer_${link.cf_link_id}`, ...details.customer_details };
  return createOrder(ctx, {
    orderId: `CFPay_${link.link_code}_${attempt}`,
    amount: check.amount,
    currency: link.currency,
    expiresAt: Math.min(link.expires_at, ctx.clock.now() + HOUR_MS),
    cfLinkId: link.cf_link_id,
    details: {
      customer_details: customer,
      order_meta: details.link_meta,
      order_note: link.purpose,
      order_tags: { cf_link_id: String(link.cf_link_id), link_id: link.link_id },
      order_splits: details.order_splits,
      cart_details: null,
      terminal: null,
      products: null,
    },
  });
}

/** A link order's payment succeeded: the link collects it (PARTIALLY_PAID or PAID). */
export function onLinkOrderPaid(ctx: SandboxContext, order: OrderRow, payment: PaymentRow): void {
  if (order.cf_link_id === null) return;
  const link = ctx.store.links.byId(order.cf_link_id);
  if (!link) return;
  const after = afterLinkPayment(amountsOf(link), payment.amount);
  const next = moveLink(ctx, link, { status: after.status, amount_paid: after.amountPaid });
  appendLinkEvent(ctx, next, { order, payment });
}
