import { SUBSCRIPTION_WEBHOOK_EVENT_TYPES } from 'cashfree-kit/webhooks';
import type { SandboxContext } from '../../context.js';
import {
  subscriptionPaymentData,
  subscriptionRefundData,
  subscriptionStatusData,
} from '../../entities/subscription-webhook-data.js';
import type { SubscriptionStatus } from '../../state/subscription-machine.js';
import type { SubscriptionPaymentRow } from '../../store/subscriptions/payments.js';
import type { SubscriptionRefundRow } from '../../store/subscriptions/refunds.js';
import type { SubscriptionRow } from '../../store/subscriptions/subscriptions.js';

/**
 * The subscription events of the outbox (2025-01-01 names; delivery renames
 * `SUBSCRIPTION_STATUS_CHANGED` for 2023-08-01 endpoints). A subscription belongs to no order, so
 * its events go to the registered webhook endpoints.
 */

const NO_REFERENCES = {
  order_id: null,
  cf_payment_id: null,
  cf_refund_id: null,
  link_id: null,
  cf_settlement_id: null,
} as const;

/**
 * The statuses Cashfree's subscription webhooks page lists for `SUBSCRIPTION_STATUS_CHANGED`. The
 * merchant's own PAUSE and CANCEL are not among them: the manage call's answer reports those.
 */
const REPORTED: ReadonlySet<SubscriptionStatus> = new Set([
  'ACTIVE',
  'ON_HOLD',
  'COMPLETED',
  'CUSTOMER_CANCELLED',
  'CUSTOMER_PAUSED',
  'EXPIRED',
  'LINK_EXPIRED',
  'BANK_APPROVAL_PENDING',
]);

/** Appends `SUBSCRIPTION_STATUS_CHANGED` when the subscription's new status is one Cashfree reports. */
export function appendStatusChanged(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  auth: SubscriptionPaymentRow | undefined,
): void {
  if (!REPORTED.has(sub.status as SubscriptionStatus)) return;
  ctx.appendEvent({
    type: STATUS_CHANGED,
    ...NO_REFERENCES,
    data: subscriptionStatusData(sub, auth),
  });
}

/** The auth and payment events (the SDK's list), by what happened to the payment. */
export type SubscriptionPaymentEvent = (typeof SUBSCRIPTION_WEBHOOK_EVENT_TYPES.subscriptionPayment)[number];

/** The 2025-01-01 name of the status event, the one the outbox stores. */
const STATUS_CHANGED = SUBSCRIPTION_WEBHOOK_EVENT_TYPES.subscriptionStatus[0];
/** The refund event's name. */
const REFUND_STATUS = SUBSCRIPTION_WEBHOOK_EVENT_TYPES.subscriptionRefund[0];

/** Appends an auth or payment event with the payment as its data. */
export function appendPaymentEvent(
  ctx: SandboxContext,
  type: SubscriptionPaymentEvent,
  sub: SubscriptionRow,
  payment: SubscriptionPaymentRow,
  auth: SubscriptionPaymentRow | undefined,
): void {
  ctx.appendEvent({
    type,
    ...NO_REFERENCES,
    cf_payment_id: String(payment.cf_payment_id),
    data: subscriptionPaymentData(sub, payment, auth),
  });
}

/** Appends `SUBSCRIPTION_REFUND_STATUS`. */
export function appendRefundEvent(
  ctx: SandboxContext,
  sub: SubscriptionRow,
  refund: SubscriptionRefundRow,
  payment: SubscriptionPaymentRow,
): void {
  ctx.appendEvent({
    type: REFUND_STATUS,
    ...NO_REFERENCES,
    cf_payment_id: String(payment.cf_payment_id),
    cf_refund_id: String(refund.cf_refund_id),
    data: subscriptionRefundData(sub, refund, payment),
  });
}
