/**
 * Typed Cashfree webhook events: a union discriminated on `type`, so `switch (event.type)` narrows
 * `event.data`. Field names are Cashfree's own (snake_case). Types Cashfree adds later arrive as
 * {@link UnknownWebhookEvent} with the parsed body in `raw`, never as an error.
 *
 * Payload shapes: payments, refunds and payment links from Cashfree's webhook pages for API
 * 2025-01-01 (fields added in 2025-01-01 are optional, so 2023-08-01 payloads fit too); settlements
 * from the settlement webhook page; disputes from the spec's `DisputesEntity`.
 *
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/payments/webhooks
 */

import type { LINK_STATUSES } from '../operations/statuses.js';
import type { PaymentStatus } from '../resources/payments.js';
import type { RefundStatus } from '../resources/refunds.js';
import {
  SUBSCRIPTION_WEBHOOK_EVENT_TYPES,
  type SubscriptionPaymentWebhookData,
  type SubscriptionRefundWebhookData,
  type SubscriptionStatusWebhookData,
} from './subscription-events.js';

/**
 * The `x-webhook-version` values Cashfree documents, newest first: the first is what
 * `signWebhook()` sends by default. Others are passed through as strings.
 *
 * @example
 * const version = headers['x-webhook-version'] ?? '';
 * const documented = (WEBHOOK_VERSIONS as readonly string[]).includes(version);
 */
export const WEBHOOK_VERSIONS = ['2025-01-01', '2023-08-01'] as const;

/**
 * One of {@link WEBHOOK_VERSIONS}.
 *
 * @example
 * const version: WebhookVersion | (string & {}) = headers['x-webhook-version'] ?? WEBHOOK_VERSIONS[0];
 */
export type WebhookVersion = (typeof WEBHOOK_VERSIONS)[number];

/**
 * Facts about one delivery, read from its headers. Added by cashfree-kit, not part of Cashfree's JSON.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * const delivery: WebhookDelivery = event.delivery;
 * if ((delivery.attempt ?? 1) > 1) console.log('a retry of', delivery.idempotencyKey);
 */
export interface WebhookDelivery {
  /** `x-webhook-version`: the payload version configured for the endpoint. */
  version: WebhookVersion | (string & {}) | undefined;
  /** `x-idempotency-key`: identical for every retry of one payload (version 2025-01-01 only). */
  idempotencyKey: string | undefined;
  /** `x-webhook-attempt`: 1 for the first delivery, 2 for the first retry, … */
  attempt: number | undefined;
  /** `x-webhook-timestamp` as epoch milliseconds: when Cashfree signed this delivery. */
  timestamp: number;
}

// ---- payments ------------------------------------------------------------------------------

// One list of `payment_status` values for the API and its webhooks. `PAYMENT_SUCCESS_WEBHOOK` can
// carry `PENDING` (late authorisation).
export type { PaymentStatus } from '../resources/payments.js';

/**
 * `data.order` of a payment webhook.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'PAYMENT_SUCCESS_WEBHOOK') {
 *   const order: WebhookOrder = event.data.order;
 *   console.log(order.order_id, order.order_amount);
 * }
 */
export interface WebhookOrder {
  order_id: string;
  order_amount: number;
  order_currency: string;
  order_tags: Record<string, string> | null;
}

/**
 * `data.payment.payment_method`: one key naming the method (`card`, `upi`, `netbanking`, `app`, …).
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'PAYMENT_SUCCESS_WEBHOOK') {
 *   const method: WebhookPaymentMethod | null | undefined = event.data.payment.payment_method;
 *   if (method?.upi) console.log('paid by UPI', method.upi.upi_id);
 * }
 */
export interface WebhookPaymentMethod {
  card?: {
    channel: string | null;
    card_number: string;
    card_network: string;
    card_type: string;
    card_sub_type?: string | null;
    card_country: string | null;
    card_bank_name: string | null;
    card_network_reference_id?: string | null;
    instrument_id?: string | null;
    par?: string | null;
    emi_details?: Record<string, unknown> | null;
  };
  upi?: {
    channel: string | null;
    upi_id: string | null;
    upi_instrument?: string | null;
    upi_instrument_number?: string | null;
    upi_payer_ifsc?: string | null;
    upi_payer_account_number?: string | null;
  };
  netbanking?: {
    channel: string | null;
    netbanking_bank_code: string | number;
    netbanking_bank_name: string;
  };
  app?: { channel: string; upi_id: string | null };
  [method: string]: unknown;
}

/**
 * `data.payment` of a payment webhook.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'PAYMENT_SUCCESS_WEBHOOK') {
 *   const payment: WebhookPayment = event.data.payment;
 *   console.log(payment.cf_payment_id, payment.payment_status, payment.payment_amount);
 * }
 */
export interface WebhookPayment {
  /** A string since API 2023-08-01. */
  cf_payment_id: string;
  payment_status: PaymentStatus;
  payment_amount: number;
  payment_currency: string;
  /** For example `"00::Transaction success"`. */
  payment_message: string | null;
  payment_time: string;
  bank_reference: string | null;
  auth_id: string | null;
  payment_method: WebhookPaymentMethod;
  payment_group: string;
  /** Version 2025-01-01 only. */
  international_payment?: { international: boolean } | null;
  /** Version 2025-01-01 only; `null` when no surcharge applied. */
  payment_surcharge?: {
    payment_surcharge_service_charge: number;
    payment_surcharge_service_tax: number;
  } | null;
}

/**
 * `data.customer_details` of a payment webhook.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'PAYMENT_SUCCESS_WEBHOOK') {
 *   const customer: WebhookCustomerDetails = event.data.customer_details;
 *   console.log(customer.customer_phone);
 * }
 */
export interface WebhookCustomerDetails {
  customer_name: string | null;
  customer_id: string | null;
  customer_email: string | null;
  customer_phone: string | null;
}

/**
 * `data.payment_gateway_details` of a payment webhook.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'PAYMENT_SUCCESS_WEBHOOK') {
 *   const gateway: WebhookGatewayDetails | null | undefined = event.data.payment_gateway_details;
 *   console.log(gateway?.gateway_name);
 * }
 */
export interface WebhookGatewayDetails {
  gateway_name: string | null;
  gateway_order_id: string | null;
  gateway_payment_id: string | null;
  gateway_order_reference_id?: string | null;
  gateway_status_code: string | null;
  gateway_settlement?: string | null;
  gateway_reference_name?: string | null;
}

/**
 * One entry of `data.payment_offers`.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'PAYMENT_SUCCESS_WEBHOOK') {
 *   const offers: WebhookPaymentOffer[] = event.data.payment_offers ?? [];
 *   console.log(offers.map((offer) => offer.offer_id));
 * }
 */
export interface WebhookPaymentOffer {
  offer_id: string;
  offer_type: string;
  offer_meta: Record<string, unknown> | null;
  offer_redemption: { redemption_status: string; discount_amount: number; cashback_amount: number } | null;
}

/**
 * `data.error_details`, present on failed and dropped payments.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'PAYMENT_FAILED_WEBHOOK') {
 *   const error: WebhookPaymentError | null | undefined = event.data.error_details;
 *   console.log(error?.error_code, error?.error_reason); // e.g. 'TRANSACTION_DECLINED', 'auth_declined'
 * }
 */
export interface WebhookPaymentError {
  /** For example `GATEWAY_ERROR`, `TRANSACTION_DECLINED`. */
  error_code: string | null;
  error_description: string | null;
  /** For example `invalid_amount`, `bank_rejected`. */
  error_reason: string | null;
  error_source: string | null;
  error_code_raw?: string | null;
  error_description_raw?: string | null;
  error_subcode_raw?: string | null;
}

/**
 * `data` of `PAYMENT_SUCCESS_WEBHOOK`, `PAYMENT_FAILED_WEBHOOK` and `PAYMENT_USER_DROPPED_WEBHOOK`.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'PAYMENT_SUCCESS_WEBHOOK' || event.type === 'PAYMENT_FAILED_WEBHOOK') {
 *   const data: PaymentWebhookData = event.data;
 *   console.log(data.order.order_id, data.payment.payment_status);
 * }
 */
export interface PaymentWebhookData {
  order: WebhookOrder;
  payment: WebhookPayment;
  customer_details: WebhookCustomerDetails;
  payment_gateway_details?: WebhookGatewayDetails | null;
  payment_offers?: WebhookPaymentOffer[] | null;
  error_details?: WebhookPaymentError | null;
  /** Version 2025-01-01 only. */
  terminal_details?: { cf_terminal_id: string | null; terminal_phone: string | null } | null;
}

// ---- refunds -------------------------------------------------------------------------------

// `refund_status` values: the API's own list.
export type { RefundStatus } from '../resources/refunds.js';

/**
 * `data.refund` of `REFUND_STATUS_WEBHOOK`. Auto-refunds carry no order fields.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'REFUND_STATUS_WEBHOOK') {
 *   const refund: WebhookRefund = event.data.refund;
 *   console.log(refund.refund_id, refund.refund_status);
 * }
 */
export interface WebhookRefund {
  cf_refund_id: string | number;
  cf_payment_id: string | number;
  refund_id: string;
  order_id?: string;
  refund_amount: number;
  refund_currency: string;
  entity: string;
  refund_type: 'MERCHANT_INITIATED' | 'PAYMENT_AUTO_REFUND' | 'UNRECONCILED_AUTO_REFUND' | (string & {});
  refund_arn: string | null;
  refund_status: RefundStatus;
  status_description: string | null;
  created_at: string;
  processed_at: string | null;
  refund_charge?: number | null;
  refund_note: string | null;
  refund_splits?: Array<{
    merchantVendorId?: string;
    vendor_id?: string;
    amount: number;
    percentage: number | null;
  }>;
  metadata?: Record<string, unknown> | null;
  refund_mode?: string | null;
  refund_speed?: { requested: string; accepted: string; processed: string; message: string | null } | null;
}

/**
 * `data` of `REFUND_STATUS_WEBHOOK`.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'REFUND_STATUS_WEBHOOK') {
 *   const data: RefundWebhookData = event.data;
 *   console.log(data.refund.refund_status);
 * }
 */
export interface RefundWebhookData {
  refund: WebhookRefund;
}

// ---- payment links -------------------------------------------------------------------------

/**
 * `link_status` values a link webhook reports.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'PAYMENT_LINK_EVENT') {
 *   const status: PaymentLinkStatus = event.data.link_status;
 *   if (status === 'PAID') console.log('the link is fully paid');
 * }
 */
export type PaymentLinkStatus = (typeof LINK_STATUSES)[number];

/**
 * `data` of `PAYMENT_LINK_EVENT`: the link itself. Unlike the API, amounts here are strings
 * (`"200.12"`) and timestamps carry no offset.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'PAYMENT_LINK_EVENT') {
 *   const data: PaymentLinkWebhookData = event.data;
 *   console.log(data.link_id, Number(data.link_amount_paid)); // amounts arrive as strings
 * }
 */
export interface PaymentLinkWebhookData {
  cf_link_id: string | number;
  link_id: string;
  link_status: PaymentLinkStatus;
  link_currency: string;
  link_amount: string;
  link_amount_paid: string;
  link_partial_payments: boolean;
  link_minimum_partial_amount: string | null;
  link_purpose: string;
  link_created_at: string;
  link_expiry_time: string;
  link_url: string;
  customer_details: { customer_name?: string | null; customer_phone: string; customer_email?: string | null };
  link_meta?: Record<string, unknown> | null;
  link_notes?: Record<string, string> | null;
  link_notify?: { send_sms: boolean; send_email: boolean } | null;
  link_auto_reminders?: boolean;
  /** The order the payment ran on (`order_id` like `CFPay_<link code>_<suffix>`). */
  order?: {
    order_id: string;
    order_amount: string;
    order_expiry_time: string;
    order_hash?: string;
    transaction_id: string | number | null;
    transaction_status: string;
  } | null;
}

// ---- settlements ---------------------------------------------------------------------------

/**
 * `data.settlement` of the `SETTLEMENT_*` webhooks.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'SETTLEMENT_SUCCESS') {
 *   const settlement: WebhookSettlement = event.data.settlement;
 *   console.log(settlement.settlement_id, settlement.settlement_amount);
 * }
 */
export interface WebhookSettlement {
  settlement_id: string | number;
  status: string;
  settlement_type: string;
  settlement_amount: number;
  amount_settled: number;
  payment_amount: number;
  adjustment: number;
  service_charge: number;
  service_tax: number;
  settlement_charge: number;
  settlement_tax: number;
  payment_from: string;
  payment_till: string;
  settled_on: string | null;
  settlement_initiated_on: string | null;
  reason: string | null;
  utr: string | null;
}

/**
 * `data` of the `SETTLEMENT_*` webhooks.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'SETTLEMENT_INITIATED' || event.type === 'SETTLEMENT_SUCCESS') {
 *   const data: SettlementWebhookData = event.data;
 *   console.log(data.settlement.status);
 * }
 */
export interface SettlementWebhookData {
  settlement: WebhookSettlement;
}

// ---- disputes ------------------------------------------------------------------------------

/**
 * `data.dispute` of the `DISPUTE_*` webhooks.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'DISPUTE_CREATED') {
 *   const dispute: WebhookDispute = event.data.dispute;
 *   console.log(dispute.dispute_id, dispute.respond_by);
 * }
 */
export interface WebhookDispute {
  dispute_id: string | number;
  dispute_type: 'DISPUTE' | 'CHARGEBACK' | 'RETRIEVAL' | 'PRE_ARBITRATION' | 'ARBITRATION' | (string & {});
  reason_code: string;
  reason_description: string;
  dispute_amount: number;
  dispute_amount_currency?: string;
  /** For example `DISPUTE_CREATED`, `CHARGEBACK_MERCHANT_WON`. */
  dispute_status: string;
  created_at: string;
  respond_by: string;
  updated_at: string;
  resolved_at: string | null;
  cf_dispute_remarks?: string | null;
  preferred_evidence?: Array<{ document_type: string; document_description: string }>;
  dispute_evidence?: Array<{ document_id: number; document_name: string; document_type: string }>;
}

/**
 * `data` of the `DISPUTE_*` webhooks.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'DISPUTE_UPDATED') {
 *   const data: DisputeWebhookData = event.data;
 *   console.log(data.dispute.dispute_status);
 * }
 */
export interface DisputeWebhookData {
  dispute: WebhookDispute;
  order_details?: {
    order_id: string;
    order_currency: string;
    order_amount: number;
    cf_payment_id: string | number;
    payment_currency: string;
    payment_amount: number;
  };
  customer_details?: {
    customer_name: string | null;
    customer_phone: string | null;
    customer_email: string | null;
  };
}

// ---- the union -----------------------------------------------------------------------------

/**
 * Every event type this package knows, grouped by what `data` holds.
 *
 * @example
 * const subscribeTo = [...WEBHOOK_EVENT_TYPES.payment, ...WEBHOOK_EVENT_TYPES.refund];
 */
export const WEBHOOK_EVENT_TYPES = {
  payment: ['PAYMENT_SUCCESS_WEBHOOK', 'PAYMENT_FAILED_WEBHOOK', 'PAYMENT_USER_DROPPED_WEBHOOK'],
  refund: ['REFUND_STATUS_WEBHOOK'],
  paymentLink: ['PAYMENT_LINK_EVENT'],
  settlement: ['SETTLEMENT_INITIATED', 'SETTLEMENT_SUCCESS', 'SETTLEMENT_FAILED', 'SETTLEMENT_REVERSED'],
  // DISPUTE_CREATED/UPDATED/CLOSED are Cashfree's current names; DISPUTE_OPENED_WEBHOOK is the
  // older name integrators still document, kept so such payloads stay typed.
  dispute: ['DISPUTE_CREATED', 'DISPUTE_UPDATED', 'DISPUTE_CLOSED', 'DISPUTE_OPENED_WEBHOOK'],
  ...SUBSCRIPTION_WEBHOOK_EVENT_TYPES,
} as const;

type TypesOf<K extends keyof typeof WEBHOOK_EVENT_TYPES> = (typeof WEBHOOK_EVENT_TYPES)[K][number];

/**
 * The `type` of every event this package knows.
 *
 * @example
 * const handled: KnownWebhookEventType[] = ['PAYMENT_SUCCESS_WEBHOOK', 'REFUND_STATUS_WEBHOOK'];
 */
export type KnownWebhookEventType = TypesOf<keyof typeof WEBHOOK_EVENT_TYPES>;

/**
 * The envelope every Cashfree webhook shares, plus the delivery facts cashfree-kit adds.
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * if (event.type !== 'unknown') {
 *   const envelope: WebhookEnvelope<string, unknown> = event;
 *   console.log(envelope.type, envelope.event_time);
 * }
 */
export interface WebhookEnvelope<T extends string, D> {
  type: T;
  /** When the event happened, e.g. `"2025-01-15T11:16:10+05:30"`. */
  event_time: string;
  data: D;
  /** Read from the delivery's headers by cashfree-kit; not part of Cashfree's JSON. */
  delivery: WebhookDelivery;
}

/**
 * A payment succeeded (check `data.payment.payment_status`: it can be `PENDING`).
 *
 * @example
 * function onPaid(event: PaymentSuccessWebhookEvent): void {
 *   if (event.data.payment.payment_status === 'SUCCESS') console.log('confirm and fulfil', event.data.order.order_id);
 * }
 */
export type PaymentSuccessWebhookEvent = WebhookEnvelope<'PAYMENT_SUCCESS_WEBHOOK', PaymentWebhookData>;
/**
 * A payment attempt failed; the order stays open for another attempt.
 *
 * @example
 * function onFailed(event: PaymentFailedWebhookEvent): void {
 *   console.log('payment failed:', event.data.error_details?.error_description);
 * }
 */
export type PaymentFailedWebhookEvent = WebhookEnvelope<'PAYMENT_FAILED_WEBHOOK', PaymentWebhookData>;
/**
 * The customer left checkout without paying.
 *
 * @example
 * function onDropped(event: PaymentUserDroppedWebhookEvent): void {
 *   console.log('remind the customer about', event.data.order.order_id);
 * }
 */
export type PaymentUserDroppedWebhookEvent = WebhookEnvelope<
  'PAYMENT_USER_DROPPED_WEBHOOK',
  PaymentWebhookData
>;
/**
 * Any of the three payment events.
 *
 * @example
 * function orderOf(event: PaymentWebhookEvent): string {
 *   return event.data.order.order_id;
 * }
 */
export type PaymentWebhookEvent =
  | PaymentSuccessWebhookEvent
  | PaymentFailedWebhookEvent
  | PaymentUserDroppedWebhookEvent;
/**
 * A refund changed status (success, cancellation, auto-refund).
 *
 * @example
 * function onRefund(event: RefundStatusWebhookEvent): void {
 *   console.log(event.data.refund.refund_id, event.data.refund.refund_status);
 * }
 */
export type RefundStatusWebhookEvent = WebhookEnvelope<'REFUND_STATUS_WEBHOOK', RefundWebhookData>;
/**
 * A payment link was paid, partially paid, cancelled or expired.
 *
 * @example
 * function onLink(event: PaymentLinkWebhookEvent): void {
 *   console.log(event.data.link_id, event.data.link_status);
 * }
 */
export interface PaymentLinkWebhookEvent
  extends WebhookEnvelope<'PAYMENT_LINK_EVENT', PaymentLinkWebhookData> {
  /** Payload version of link webhooks (`1`). */
  version?: number;
}
/**
 * A settlement was initiated, succeeded, failed or was reversed.
 *
 * @example
 * function onSettlement(event: SettlementWebhookEvent): void {
 *   console.log(event.type, event.data.settlement.settlement_id);
 * }
 */
export type SettlementWebhookEvent = WebhookEnvelope<TypesOf<'settlement'>, SettlementWebhookData>;
/**
 * A dispute or chargeback was opened, updated or closed.
 *
 * @example
 * function onDispute(event: DisputeWebhookEvent): void {
 *   console.log(event.type, event.data.dispute.dispute_id);
 * }
 */
export type DisputeWebhookEvent = WebhookEnvelope<TypesOf<'dispute'>, DisputeWebhookData>;

/**
 * A subscription changed status (`SUBSCRIPTION_STATUS_CHANGED`; `SUBSCRIPTION_STATUS_CHANGE` in
 * version 2023-08-01).
 *
 * @example
 * function onSubscription(event: SubscriptionStatusWebhookEvent): void {
 *   const { subscription_id, subscription_status } = event.data.subscription_details;
 *   if (subscription_status === 'ON_HOLD') console.log('a charge failed for', subscription_id);
 * }
 */
export type SubscriptionStatusWebhookEvent = WebhookEnvelope<
  TypesOf<'subscriptionStatus'>,
  SubscriptionStatusWebhookData
>;
/**
 * The mandate's authorisation (`SUBSCRIPTION_AUTH_STATUS`), a charge's pre-debit notification
 * (`SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED`, UPI Autopay) or its outcome
 * (`SUBSCRIPTION_PAYMENT_SUCCESS`, `_FAILED`, `_CANCELLED`).
 *
 * @example
 * function onCharge(event: SubscriptionPaymentWebhookEvent): void {
 *   if (event.type === 'SUBSCRIPTION_PAYMENT_SUCCESS') console.log('paid', event.data.payment_id, event.data.payment_amount);
 * }
 */
export type SubscriptionPaymentWebhookEvent = WebhookEnvelope<
  TypesOf<'subscriptionPayment'>,
  SubscriptionPaymentWebhookData
>;
/**
 * A refund of a subscription charge changed status.
 *
 * @example
 * function onSubscriptionRefund(event: SubscriptionRefundWebhookEvent): void {
 *   console.log(event.data.refund_id, event.data.refund_status);
 * }
 */
export type SubscriptionRefundWebhookEvent = WebhookEnvelope<
  TypesOf<'subscriptionRefund'>,
  SubscriptionRefundWebhookData
>;

/**
 * An event whose type this version of cashfree-kit does not know (or whose body lacks a `data`
 * object). Its `type` is the literal `'unknown'`, so narrowing on known types stays exact; the
 * type Cashfree sent is in `receivedType` and the whole parsed body in `raw`.
 *
 * @example
 * function onUnknown(event: UnknownWebhookEvent): void {
 *   console.warn('acknowledged an event type this version does not know:', event.receivedType);
 * }
 */
export interface UnknownWebhookEvent {
  type: 'unknown';
  receivedType: string;
  raw: unknown;
  delivery: WebhookDelivery;
}

/**
 * Every verified webhook: narrow with `switch (event.type)`.
 *
 * @example
 * const event: WebhookEvent = await constructWebhookEvent(rawBody, headers, secret);
 * switch (event.type) {
 *   case 'PAYMENT_SUCCESS_WEBHOOK':
 *     console.log(event.data.payment.cf_payment_id);
 *     break;
 *   case 'REFUND_STATUS_WEBHOOK':
 *     console.log(event.data.refund.refund_status);
 *     break;
 * }
 */
export type WebhookEvent =
  | PaymentWebhookEvent
  | RefundStatusWebhookEvent
  | PaymentLinkWebhookEvent
  | SettlementWebhookEvent
  | DisputeWebhookEvent
  | SubscriptionStatusWebhookEvent
  | SubscriptionPaymentWebhookEvent
  | SubscriptionRefundWebhookEvent
  | UnknownWebhookEvent;

/**
 * The `type` of any webhook event, `'unknown'` included.
 *
 * @example
 * const counts = new Map<WebhookEventType, number>();
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
 */
export type WebhookEventType = WebhookEvent['type'];

/**
 * The event type for one `type` value, e.g. `WebhookEventOf<'REFUND_STATUS_WEBHOOK'>`.
 *
 * @example
 * type Refund = WebhookEventOf<'REFUND_STATUS_WEBHOOK'>;
 * const onRefund = (event: Refund) => console.log(event.data.refund.refund_amount);
 */
export type WebhookEventOf<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>;

const knownTypes: ReadonlySet<string> = new Set(Object.values(WEBHOOK_EVENT_TYPES).flat());

/**
 * True when cashfree-kit has a typed payload for this `type`.
 *
 * @example
 * isKnownWebhookEventType('PAYMENT_SUCCESS_WEBHOOK'); // true
 * isKnownWebhookEventType('SUBSCRIPTION_STATUS_CHANGED'); // true
 * isKnownWebhookEventType('SUBSCRIPTION_CARD_EXPIRY_REMINDER'); // false
 */
export function isKnownWebhookEventType(type: string): type is KnownWebhookEventType {
  return knownTypes.has(type);
}

/**
 * The type Cashfree sent, for known and unknown events alike (handy for logs and metrics).
 *
 * @example
 * const event = await constructWebhookEvent(rawBody, headers, secret);
 * console.log('webhook', webhookEventType(event)); // the real type, even for 'unknown' events
 */
export function webhookEventType(event: { readonly type: string; readonly receivedType?: string }): string {
  // Structural, so Payouts events (payouts-events.ts, which builds on this file) are taken too
  // without an import back from here.
  return event.type === 'unknown' && event.receivedType !== undefined ? event.receivedType : event.type;
}
