import { toBase64, utf8 } from '../bytes.js';
import type { InboxEvent } from './inbox-event.js';

/**
 * The inbox's default dedupe key: Cashfree's `x-idempotency-key` when the delivery has one
 * (version 2025-01-01; identical across retries of one payload), else {@link webhookContentKey}.
 *
 * If your endpoints receive both webhook versions, the same event arrives once with and once
 * without the header; pass `dedupeKey: webhookContentKey` to the inbox to collapse them too.
 *
 * @example
 * import { constructWebhookEvent } from 'cashfree-kit/webhooks';
 * const key = await webhookDedupeKey(await constructWebhookEvent(rawBody, headers, secret)); // 'idem:…' or 'sha256:…'
 */
export function webhookDedupeKey(event: InboxEvent): Promise<string> {
  const header = event.delivery.idempotencyKey;
  return header ? Promise.resolve(`idem:${header}`) : webhookContentKey(event);
}

/**
 * A key from what the event is about: SHA-256 (Web Crypto) over its type, ids and status — e.g.
 * `cf_payment_id` + `payment_status` for payments, `refund_id` + `refund_status` for refunds,
 * `payment_id` + `payment_status` + `retry_attempts` for subscription payments,
 * `transfer_id` + `status` + `status_code` for Payouts transfers (Payouts documents no
 * `x-idempotency-key`, so this is how its retries collapse).
 * Two deliveries of one state change get the same key whatever their version or formatting.
 *
 * @example
 * const inbox = createWebhookInbox({ store: createMemoryInboxStore(), handler: () => {}, dedupeKey: webhookContentKey });
 */
export async function webhookContentKey(event: InboxEvent): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', utf8(JSON.stringify(identityOf(event))));
  return `sha256:${toBase64(new Uint8Array(digest))}`;
}

/** The fields that tell one state change from another, per event family. */
function identityOf(event: InboxEvent): unknown[] {
  switch (event.type) {
    case 'PAYMENT_SUCCESS_WEBHOOK':
    case 'PAYMENT_FAILED_WEBHOOK':
    case 'PAYMENT_USER_DROPPED_WEBHOOK': {
      const { order, payment } = event.data;
      return [event.type, order.order_id, String(payment.cf_payment_id), payment.payment_status];
    }
    case 'REFUND_STATUS_WEBHOOK': {
      const { refund } = event.data;
      return [event.type, refund.refund_id, String(refund.cf_refund_id), refund.refund_status];
    }
    case 'PAYMENT_LINK_EVENT': {
      // A partially paid link fires once per payment: the amount paid and the transaction tell them apart.
      const link = event.data;
      return [
        event.type,
        link.link_id,
        link.link_status,
        link.link_amount_paid,
        link.order?.transaction_id ?? null,
      ];
    }
    case 'SETTLEMENT_INITIATED':
    case 'SETTLEMENT_SUCCESS':
    case 'SETTLEMENT_FAILED':
    case 'SETTLEMENT_REVERSED':
      return [event.type, String(event.data.settlement.settlement_id), event.data.settlement.status];
    case 'DISPUTE_CREATED':
    case 'DISPUTE_UPDATED':
    case 'DISPUTE_CLOSED':
    case 'DISPUTE_OPENED_WEBHOOK': {
      const { dispute } = event.data;
      return [event.type, String(dispute.dispute_id), dispute.dispute_status, dispute.updated_at];
    }
    case 'SUBSCRIPTION_STATUS_CHANGED':
    case 'SUBSCRIPTION_STATUS_CHANGE': {
      const { subscription_id, subscription_status } = event.data.subscription_details;
      return [event.type, subscription_id, subscription_status];
    }
    case 'SUBSCRIPTION_AUTH_STATUS':
    case 'SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED':
    case 'SUBSCRIPTION_PAYMENT_SUCCESS':
    case 'SUBSCRIPTION_PAYMENT_FAILED':
    case 'SUBSCRIPTION_PAYMENT_CANCELLED': {
      // A failed UPI debit is retried: each attempt's outcome is its own event.
      const payment = event.data;
      return [
        event.type,
        payment.subscription_id ?? null,
        payment.payment_id,
        payment.payment_status,
        payment.retry_attempts ?? null,
      ];
    }
    case 'SUBSCRIPTION_REFUND_STATUS':
      return [event.type, event.data.refund_id, event.data.refund_status];
    case 'TRANSFER_SUCCESS':
    case 'TRANSFER_ACKNOWLEDGED':
    case 'TRANSFER_FAILED':
    case 'TRANSFER_REVERSED':
    case 'TRANSFER_REJECTED': {
      // SUCCESS arrives twice (SENT_TO_BENEFICIARY, then COMPLETED): the code tells them apart.
      const transfer = event.data;
      return [event.type, transfer.transfer_id, transfer.status, transfer.status_code ?? null];
    }
    case 'BULK_TRANSFER_REJECTED':
      return [event.type, event.data.batch_transfer_id, event.data.status];
    case 'unknown':
      // Nothing known to pick from: the whole body (JSON.parse then stringify is deterministic).
      return [event.receivedType, event.raw];
  }
}
