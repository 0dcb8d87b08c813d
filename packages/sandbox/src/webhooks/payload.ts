import { randomUUID } from 'node:crypto';
import type { WebhookVersion } from 'cashfree-kit';
import { formatRupees } from 'cashfree-kit';
import { SUBSCRIPTION_WEBHOOK_EVENT_TYPES } from 'cashfree-kit/webhooks';
import type { SandboxEvent } from '../context.js';

/**
 * Webhook bodies as Cashfree sends them: the envelope `{data, event_time, type}` (link events add
 * `"version": 1`), money printed with two decimals (`"payment_amount":170.00`, which is why a
 * receiver must verify the raw body), and the payment fields of the chosen payload version.
 *
 * The outbox stores `data` in the 2025-01-01 shape; 2023-08-01 payment webhooks lack what
 * 2025-01-01 added (Cashfree's payments webhook page lists the differences). Refund, link and
 * settlement payloads are the same in both versions.
 *
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/payments/webhooks
 */

/** Number fields that Cashfree prints as money (`2.00`, never `2`). */
const MONEY_KEYS = new Set([
  'order_amount',
  'payment_amount',
  'refund_amount',
  'discount_amount',
  'cashback_amount',
  'dispute_amount',
  'payment_surcharge_service_charge',
  'payment_surcharge_service_tax',
  'adjustment',
  'amount_settled',
  'service_charge',
  'service_tax',
  'settlement_amount',
  'settlement_charge',
  'settlement_tax',
]);

/**
 * `JSON.stringify` that prints the money fields with exactly two decimals. Money values are first
 * turned into marked strings, then unquoted; the mark holds a random nonce, so no string in the
 * data (a customer name, say) can pass for one.
 */
export function stringifyWithMoney(value: unknown): string {
  const nonce = randomUUID();
  const mark = `\u0001money-${nonce}:`;
  const text = JSON.stringify(value, (key, v: unknown) =>
    MONEY_KEYS.has(key) && typeof v === 'number' && Number.isFinite(v) ? `${mark}${formatRupees(v)}` : v,
  );
  // JSON.stringify prints the control character as \u0001, and the nonce has no regex specials.
  return text.replace(new RegExp(`"\\\\u0001money-${nonce}:(-?\\d+\\.\\d{2})"`, 'g'), '$1');
}

const PAYMENT_TYPES = new Set([
  'PAYMENT_SUCCESS_WEBHOOK',
  'PAYMENT_FAILED_WEBHOOK',
  'PAYMENT_USER_DROPPED_WEBHOOK',
]);

/** Fields of a payment webhook that version 2025-01-01 added, by where they sit. */
const ADDED_IN_2025 = {
  data: ['terminal_details'],
  payment: ['international_payment', 'payment_surcharge'],
  upi: ['upi_instrument', 'upi_instrument_number', 'upi_payer_ifsc', 'upi_payer_account_number'],
} as const;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function without(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** The event's `data` in the shape of `version` (a copy; the event is not changed). */
export function dataForVersion(type: string, data: unknown, version: WebhookVersion): unknown {
  const root = record(data);
  if (version === '2025-01-01' || !PAYMENT_TYPES.has(type) || !root) return data;
  const out = without(root, ADDED_IN_2025.data);
  const payment = record(root['payment']);
  if (payment) {
    const next = without(payment, ADDED_IN_2025.payment);
    const method = record(payment['payment_method']);
    const upi = record(method?.['upi']);
    if (method && upi) next['payment_method'] = { ...method, upi: without(upi, ADDED_IN_2025.upi) };
    out['payment'] = next;
  }
  return out;
}

const [STATUS_CHANGED, STATUS_CHANGE_2023] = SUBSCRIPTION_WEBHOOK_EVENT_TYPES.subscriptionStatus;

/** The event's `type` in `version`: 2023-08-01 spells the subscription status change `SUBSCRIPTION_STATUS_CHANGE`. */
export function typeForVersion(type: string, version: WebhookVersion): string {
  return version === '2023-08-01' && type === STATUS_CHANGED ? STATUS_CHANGE_2023 : type;
}

/** The exact body of the webhook for `event` in `version`: the bytes that are signed and sent. */
export function renderWebhookBody(
  event: Pick<SandboxEvent, 'type' | 'data' | 'event_time'>,
  version: WebhookVersion,
): string {
  const envelope: Record<string, unknown> = {
    data: dataForVersion(event.type, event.data, version),
    event_time: event.event_time,
    type: typeForVersion(event.type, version),
  };
  if (event.type === 'PAYMENT_LINK_EVENT') envelope['version'] = 1;
  return stringifyWithMoney(envelope);
}
