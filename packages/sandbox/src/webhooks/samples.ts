import type { WebhookVersion } from 'cashfree-kit';
import { WEBHOOK_EVENT_TYPES } from 'cashfree-kit/webhooks';
import { DAY_MS, formatIst, HOUR_MS, MINUTE_MS } from '../clock/time.js';
import {
  linkWebhookData,
  paymentWebhookData,
  refundWebhookData,
  settlementWebhookData,
} from '../entities/webhook-data.js';
import { finalMessage, instrumentOf } from '../services/payments.js';
import type { PaymentTarget } from '../state/payment-machine.js';
import type { LinkDetails, LinkRow } from '../store/links.js';
import type { OrderDetails, OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import type { RefundRow } from '../store/refunds.js';
import type { SettlementRow } from '../store/settlements.js';
import { errorDetails, PAYMENT_ERRORS } from '../test-instruments/errors.js';
import { lookUpVpa } from '../test-instruments/upi.js';
import { toPaise } from '../util/money.js';
import { renderWebhookBody } from './payload.js';

/**
 * Sample webhook bodies (`cashfree webhooks trigger`), built by the code that builds the
 * sandbox's own webhooks from sample rows: an order paid by UPI collect with a test VPA, its
 * refund, a paid payment link, a settlement. Disputes, which the sandbox does not emulate, are
 * the one shape written here.
 */

/**
 * What a sample is about.
 *
 * @example
 * const options: SampleEventOptions = { orderId: 'order_1', amount: 170, version: '2025-01-01', now: new Date() };
 */
export interface SampleEventOptions {
  orderId: string;
  /** Rupees, with at most two decimals. */
  amount: number;
  version: WebhookVersion;
  /** The event time. */
  now: Date;
}

/** A stable number of `length` digits from `seed`, so a sample's ids follow from its order id. */
function digits(seed: string, length: number): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return String(hash).padStart(length, '7').slice(0, length);
}

interface Sample {
  readonly options: SampleEventOptions;
  readonly ms: number;
  readonly paise: number;
}

function order(sample: Sample): OrderRow {
  const { orderId } = sample.options;
  const details: OrderDetails = {
    customer_details: {
      customer_id: 'cust_001',
      customer_name: 'Priya Patel',
      customer_email: 'priya@example.com',
      customer_phone: '9876543210',
    },
    order_meta: null,
    order_note: null,
    order_tags: null,
    order_splits: [],
    cart_details: null,
    terminal: null,
    products: null,
  };
  return {
    cf_order_id: Number(digits(orderId, 10)),
    order_id: orderId,
    payment_session_id: `session_${digits(`${orderId}:session`, 10)}${digits(`${orderId}:hash`, 10)}`,
    status: 'PAID',
    amount: sample.paise,
    currency: 'INR',
    created_at: sample.ms - 10 * MINUTE_MS,
    expires_at: sample.ms + 20 * MINUTE_MS,
    cf_link_id: null,
    details: JSON.stringify(details),
  };
}

/** A UPI collect payment with the test VPA that leads to the event's outcome, as Order Pay starts it. */
function payment(sample: Sample, type: string, paid: OrderRow): PaymentRow {
  const target: PaymentTarget =
    type === 'PAYMENT_FAILED_WEBHOOK'
      ? 'FAILED'
      : type === 'PAYMENT_USER_DROPPED_WEBHOOK'
        ? 'USER_DROPPED'
        : 'SUCCESS';
  const upiId = target === 'SUCCESS' ? 'testsuccess@gocash' : 'testfailure@gocash';
  const vpa = lookUpVpa(upiId);
  if (!vpa) throw new Error(`${upiId} is not a sandbox test VPA`);
  const { group, instrument } = instrumentOf({
    method: 'upi',
    channel: 'collect',
    upiId,
    vpa,
    expiryMinutes: 5,
    redirect: false,
  });
  const cfPaymentId = digits(`${paid.order_id}:PAYMENT_SUCCESS_WEBHOOK`, 13);
  const error = target === 'FAILED' ? PAYMENT_ERRORS.bankDeclined : undefined;
  const row: PaymentRow = {
    cf_payment_id: Number(cfPaymentId),
    cf_order_id: paid.cf_order_id,
    status: target,
    amount: paid.amount,
    method: 'upi',
    channel: 'collect',
    payment_group: group,
    instrument: JSON.stringify(instrument),
    scenario: '{}',
    message: '',
    error: error ? JSON.stringify(errorDetails(error)) : null,
    bank_reference: target === 'SUCCESS' ? digits(cfPaymentId, 10) : null,
    auth_id: null,
    otp_attempts: 0,
    created_at: sample.ms - 5000,
    completed_at: sample.ms,
  };
  return { ...row, message: finalMessage(row, { target, message: error?.message }) };
}

function refund(sample: Sample, paid: OrderRow): RefundRow {
  return {
    cf_refund_id: Number(digits(`${paid.order_id}:refund`, 8)),
    cf_order_id: paid.cf_order_id,
    cf_payment_id: Number(digits(`${paid.order_id}:PAYMENT_SUCCESS_WEBHOOK`, 13)),
    refund_id: `refund_${paid.order_id}`.slice(0, 40),
    status: 'SUCCESS',
    amount: paid.amount,
    refund_type: 'MERCHANT_INITIATED',
    speed: 'STANDARD',
    note: 'Customer request',
    fingerprint: '',
    details: JSON.stringify({ refund_splits: [] }),
    arn: digits(`${paid.order_id}:arn`, 9),
    status_description: 'Refund processed successfully',
    created_at: sample.ms - MINUTE_MS,
    processed_at: sample.ms,
  };
}

function paidLink(sample: Sample): { link: LinkRow; paid: { order: OrderRow; payment: PaymentRow } } {
  const code = digits(`${sample.options.orderId}:link`, 12);
  const details: LinkDetails = {
    customer_details: {
      customer_name: 'Rahul Sharma',
      customer_phone: '9876543210',
      customer_email: 'rahul@example.com',
    },
    link_meta: { notify_url: 'https://example.com/webhooks/cashfree' },
    link_notes: {},
    link_notify: { send_sms: false, send_email: true },
    link_auto_reminders: false,
    order_splits: [],
  };
  const link: LinkRow = {
    cf_link_id: Number(digits(code, 7)),
    link_id: `link_${sample.options.orderId}`.slice(0, 50),
    link_code: code,
    status: 'PAID',
    amount: sample.paise,
    amount_paid: sample.paise,
    currency: 'INR',
    partial_payments: 0,
    minimum_partial_amount: null,
    purpose: 'Course fee',
    created_at: sample.ms - HOUR_MS,
    expires_at: sample.ms + 30 * DAY_MS,
    details: JSON.stringify(details),
  };
  const linkOrder = { ...order(sample), order_id: `CFPay_${code}_1`, cf_link_id: link.cf_link_id };
  return { link, paid: { order: linkOrder, payment: payment(sample, 'PAYMENT_SUCCESS_WEBHOOK', linkOrder) } };
}

/** A settlement of this one payment, less Cashfree's 1.75% charge and 18% tax on it. */
function settlement(sample: Sample, type: string): SettlementRow {
  const charge = Math.round(sample.paise * 0.0175);
  const tax = Math.round(charge * 0.18);
  const settled = type === 'SETTLEMENT_SUCCESS';
  return {
    cf_settlement_id: Number(digits(`${sample.options.orderId}:settlement`, 6)),
    status: settled ? 'SUCCESS' : 'PENDING',
    utr: digits(`${sample.options.orderId}:utr`, 10),
    cycle_day: formatIst(sample.ms).slice(0, 10),
    payment_from: sample.ms - 2 * DAY_MS,
    payment_till: sample.ms - DAY_MS,
    initiated_at: sample.ms,
    processed_at: settled ? sample.ms : null,
    payment_amount: sample.paise,
    refund_amount: 0,
    service_charge: charge,
    service_tax: tax,
    amount_settled: sample.paise - charge - tax,
  };
}

/** What a failed or reversed settlement says; the sandbox's own cycle never fails. */
const SETTLEMENT_FAILURES: Readonly<Record<string, string>> = {
  SETTLEMENT_FAILED: 'FAILED',
  SETTLEMENT_REVERSED: 'REVERSED',
};

function settlementData(sample: Sample, type: string): unknown {
  const s = settlement(sample, type);
  const failure = SETTLEMENT_FAILURES[type];
  if (!failure) return settlementWebhookData(s);
  const data = settlementWebhookData(s, failure, 'Beneficiary bank account is inactive');
  return { settlement: { ...data.settlement, utr: null } };
}

/** A chargeback on the sample's payment (Cashfree's dispute webhooks; the sandbox has no disputes). */
function disputeData(sample: Sample, type: string): unknown {
  const { orderId, amount } = sample.options;
  const at = (offset: number) => formatIst(sample.ms + offset);
  const closed = type === 'DISPUTE_CLOSED';
  return {
    dispute: {
      dispute_id: digits(`${orderId}:dispute`, 9),
      dispute_type: 'CHARGEBACK',
      reason_code: '4855',
      reason_description: 'Goods or services not provided',
      dispute_amount: amount,
      dispute_amount_currency: 'INR',
      dispute_status: closed ? 'CHARGEBACK_MERCHANT_WON' : 'CHARGEBACK_CREATED',
      created_at: at(-DAY_MS),
      respond_by: at(6 * DAY_MS),
      updated_at: at(0),
      resolved_at: closed ? at(0) : null,
      cf_dispute_remarks: null,
    },
    order_details: {
      order_id: orderId,
      order_currency: 'INR',
      order_amount: amount,
      cf_payment_id: digits(`${orderId}:PAYMENT_SUCCESS_WEBHOOK`, 13),
      payment_currency: 'INR',
      payment_amount: amount,
    },
    customer_details: {
      customer_name: 'Priya Patel',
      customer_phone: '9876543210',
      customer_email: 'priya@example.com',
    },
  };
}

function sampleData(sample: Sample, group: string, type: string): unknown {
  switch (group) {
    case 'payment': {
      const paid = order(sample);
      return paymentWebhookData(paid, payment(sample, type, paid));
    }
    case 'refund':
      return refundWebhookData(order(sample), refund(sample, order(sample)));
    case 'paymentLink': {
      const { link, paid } = paidLink(sample);
      return linkWebhookData(link, 'https://payments-test.cashfree.com', paid);
    }
    case 'settlement':
      return settlementData(sample, type);
    default:
      return disputeData(sample, type);
  }
}

/**
 * The raw JSON body of a sample webhook of `type` in `version`, rendered as the sandbox renders
 * its own (money with two decimals, 2023-08-01 without the fields 2025-01-01 added), or
 * `undefined` for a type with no sample.
 *
 * @example
 * const body = sampleWebhookBody('PAYMENT_SUCCESS_WEBHOOK', { orderId: 'order_1', amount: 170, version: '2025-01-01', now: new Date() });
 */
export function sampleWebhookBody(type: string, options: SampleEventOptions): string | undefined {
  const group = (Object.entries(WEBHOOK_EVENT_TYPES) as [string, readonly string[]][]).find(([, types]) =>
    types.includes(type),
  )?.[0];
  const paise = toPaise(options.amount);
  if (!group) return undefined;
  if (paise === undefined)
    throw new RangeError(`amount ${options.amount} is not rupees with at most two decimals`);
  const sample: Sample = { options, ms: options.now.getTime(), paise };
  const data = sampleData(sample, group, type);
  return renderWebhookBody({ type, data, event_time: formatIst(sample.ms) }, options.version);
}
