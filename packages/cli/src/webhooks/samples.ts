/**
 * Realistic sample webhook bodies for `cashfree webhooks trigger`, one per event type, shaped like
 * Cashfree's documented payloads (../shared/reference/cashfree-api-facts.md §3.8–3.11). Amounts
 * are printed with two decimals (`499.00`) as Cashfree prints them, which is exactly what breaks
 * handlers that re-serialise the body before verifying it.
 */
import { WEBHOOK_EVENT_TYPES, type WebhookVersion } from 'cashfree-kit/webhooks';

/** Every event type `webhooks trigger` can send. */
export const SAMPLE_EVENT_TYPES: readonly string[] = Object.values(WEBHOOK_EVENT_TYPES).flat();

/** What a sample is about. */
export interface SampleOptions {
  orderId: string;
  /** Rupees. */
  amount: number;
  version: WebhookVersion;
  /** The event time. */
  now: Date;
}

const MONEY_MARK = '@@cashfree-kit-money@@';

/** A number printed with exactly two decimals in the JSON text. */
class Money {
  constructor(readonly value: number) {}
  toJSON(): string {
    return `${MONEY_MARK}${this.value.toFixed(2)}${MONEY_MARK}`;
  }
}

const money = (value: number) => new Money(value);

/** JSON text with Money printed as bare two-decimal numbers (`499.00`). */
function serialise(body: unknown): string {
  return JSON.stringify(body).replace(new RegExp(`"${MONEY_MARK}(-?\\d+\\.\\d{2})${MONEY_MARK}"`, 'g'), '$1');
}

/** `2025-01-15T11:16:10+05:30`: Cashfree's timestamps are in IST. */
export function istTime(date: Date): string {
  const ist = new Date(date.getTime() + 330 * 60 * 1000);
  return `${ist.toISOString().slice(0, 19)}+05:30`;
}

function digits(seed: string, length: number): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return String(hash).padStart(length, '7').slice(0, length);
}

function customer() {
  return {
    customer_name: 'Priya Patel',
    customer_id: 'cust_001',
    customer_email: 'priya@example.com',
    customer_phone: '9876543210',
  };
}

function paymentData(type: string, options: SampleOptions): Record<string, unknown> {
  const status =
    type === 'PAYMENT_SUCCESS_WEBHOOK'
      ? 'SUCCESS'
      : type === 'PAYMENT_FAILED_WEBHOOK'
        ? 'FAILED'
        : 'USER_DROPPED';
  const cfPaymentId = digits(`${options.orderId}:${type}`, 13);
  const newer = options.version === '2025-01-01';
  const payment: Record<string, unknown> = {
    cf_payment_id: cfPaymentId,
    payment_status: status,
    payment_amount: money(options.amount),
    payment_currency: 'INR',
    payment_message:
      status === 'SUCCESS'
        ? '00::Transaction success'
        : status === 'FAILED'
          ? '01::REJECTED'
          : 'User dropped',
    payment_time: istTime(new Date(options.now.getTime() - 5000)),
    bank_reference: status === 'SUCCESS' ? digits(cfPaymentId, 10) : null,
    auth_id: null,
    payment_method: {
      upi: {
        channel: 'collect',
        upi_id: status === 'SUCCESS' ? 'testsuccess@gocash' : 'testfailure@gocash',
        ...(newer
          ? {
              upi_instrument: 'UPI',
              upi_instrument_number: null,
              upi_payer_ifsc: null,
              upi_payer_account_number: null,
            }
          : {}),
      },
    },
    payment_group: 'upi',
  };
  if (newer) {
    payment['international_payment'] = { international: false };
    payment['payment_surcharge'] = null;
  }
  const data: Record<string, unknown> = {
    order: {
      order_id: options.orderId,
      order_amount: money(options.amount),
      order_currency: 'INR',
      order_tags: null,
    },
    payment,
    customer_details: customer(),
    payment_gateway_details: {
      gateway_name: 'CASHFREE',
      gateway_order_id: digits(options.orderId, 10),
      gateway_payment_id: cfPaymentId,
      gateway_status_code: null,
    },
    payment_offers: null,
  };
  if (status === 'FAILED') {
    data['error_details'] = {
      error_code: 'TRANSACTION_DECLINED',
      error_description: 'issuer bank or payment service provider declined the transaction',
      error_reason: 'bank_rejected',
      error_source: 'bank',
      error_code_raw: null,
      error_description_raw: null,
      error_subcode_raw: 'U30',
    };
  }
  if (newer) data['terminal_details'] = null;
  return data;
}

function refundData(options: SampleOptions): Record<string, unknown> {
  return {
    refund: {
      cf_refund_id: digits(`${options.orderId}:refund`, 8),
      cf_payment_id: digits(`${options.orderId}:PAYMENT_SUCCESS_WEBHOOK`, 13),
      refund_id: `refund_${options.orderId}`.slice(0, 40),
      order_id: options.orderId,
      refund_amount: money(options.amount),
      refund_currency: 'INR',
      entity: 'Refund',
      refund_type: 'MERCHANT_INITIATED',
      refund_arn: digits(`${options.orderId}:arn`, 9),
      refund_status: 'SUCCESS',
      status_description: 'Refund processed successfully',
      created_at: istTime(new Date(options.now.getTime() - 60_000)),
      processed_at: istTime(options.now),
      refund_charge: money(0),
      refund_note: 'Customer request',
      refund_splits: [],
      metadata: null,
      refund_mode: 'STANDARD',
    },
  };
}

function linkData(options: SampleOptions): Record<string, unknown> {
  const code = digits(`${options.orderId}:link`, 12);
  const plain = (date: Date) => istTime(date).slice(0, 19);
  return {
    cf_link_id: digits(code, 7),
    link_id: `link_${options.orderId}`.slice(0, 50),
    link_status: 'PAID',
    link_currency: 'INR',
    // Link webhooks carry amounts as strings.
    link_amount: options.amount.toFixed(2),
    link_amount_paid: options.amount.toFixed(2),
    link_partial_payments: false,
    link_minimum_partial_amount: null,
    link_purpose: 'Course fee',
    link_created_at: plain(new Date(options.now.getTime() - 3_600_000)),
    customer_details: {
      customer_name: 'Rahul Sharma',
      customer_phone: '9876543210',
      customer_email: 'rahul@example.com',
    },
    link_meta: { notify_url: 'https://example.com/webhooks/cashfree' },
    link_url: `https://payments-test.cashfree.com/links/${code}`,
    link_expiry_time: plain(new Date(options.now.getTime() + 30 * 86_400_000)),
    link_notes: {},
    link_auto_reminders: false,
    link_notify: { send_sms: false, send_email: true },
    order: {
      order_amount: options.amount.toFixed(2),
      order_id: `CFPay_${code}_1`,
      order_expiry_time: plain(new Date(options.now.getTime() + 1_200_000)),
      order_hash: digits(`${code}:hash`, 20),
      transaction_id: Number(digits(`${code}:txn`, 7)),
      transaction_status: 'SUCCESS',
    },
  };
}

function settlementData(type: string, options: SampleOptions): Record<string, unknown> {
  const charge = Math.round(options.amount * 1.75) / 100;
  const tax = Math.round(charge * 18) / 100;
  const settled = Math.round((options.amount - charge - tax) * 100) / 100;
  const day = (offset: number) =>
    istTime(new Date(options.now.getTime() + offset * 86_400_000))
      .slice(0, 19)
      .replace('T', ' ');
  const status = type.replace('SETTLEMENT_', '');
  return {
    settlement: {
      adjustment: money(0),
      amount_settled: money(settled),
      payment_amount: money(options.amount),
      payment_from: day(-2),
      payment_till: day(-1),
      reason: status === 'FAILED' || status === 'REVERSED' ? 'Beneficiary bank account is inactive' : null,
      service_charge: money(charge),
      service_tax: money(tax),
      settled_on: status === 'SUCCESS' ? day(0) : null,
      settlement_amount: money(settled),
      settlement_charge: money(0),
      settlement_id: Number(digits(`${options.orderId}:settlement`, 6)),
      settlement_initiated_on: day(0),
      settlement_tax: money(0),
      settlement_type: 'STANDARD',
      status,
      utr: status === 'SUCCESS' ? digits(`${options.orderId}:utr`, 10) : null,
    },
  };
}

function disputeData(type: string, options: SampleOptions): Record<string, unknown> {
  const status = type === 'DISPUTE_CLOSED' ? 'CHARGEBACK_MERCHANT_WON' : 'CHARGEBACK_CREATED';
  return {
    dispute: {
      dispute_id: digits(`${options.orderId}:dispute`, 9),
      dispute_type: 'CHARGEBACK',
      reason_code: '4855',
      reason_description: 'Goods or services not provided',
      dispute_amount: money(options.amount),
      dispute_amount_currency: 'INR',
      dispute_status: status,
      created_at: istTime(new Date(options.now.getTime() - 86_400_000)),
      respond_by: istTime(new Date(options.now.getTime() + 6 * 86_400_000)),
      updated_at: istTime(options.now),
      resolved_at: type === 'DISPUTE_CLOSED' ? istTime(options.now) : null,
      cf_dispute_remarks: null,
    },
    order_details: {
      order_id: options.orderId,
      order_currency: 'INR',
      order_amount: money(options.amount),
      cf_payment_id: digits(`${options.orderId}:PAYMENT_SUCCESS_WEBHOOK`, 13),
      payment_currency: 'INR',
      payment_amount: money(options.amount),
    },
    customer_details: {
      customer_name: 'Priya Patel',
      customer_phone: '9876543210',
      customer_email: 'priya@example.com',
    },
  };
}

/**
 * The raw JSON body of a sample event of `type`, or `undefined` for a type with no sample (the
 * caller lists the known ones).
 */
export function sampleWebhookBody(type: string, options: SampleOptions): string | undefined {
  const group = (Object.entries(WEBHOOK_EVENT_TYPES) as [string, readonly string[]][]).find(([, types]) =>
    types.includes(type),
  )?.[0];
  if (!group) return undefined;
  const eventTime = istTime(options.now);
  switch (group) {
    case 'payment':
      return serialise({ data: paymentData(type, options), event_time: eventTime, type });
    case 'refund':
      return serialise({ data: refundData(options), event_time: eventTime, type });
    case 'paymentLink':
      return serialise({ data: linkData(options), event_time: eventTime, type, version: 1 });
    case 'settlement':
      return serialise({ data: settlementData(type, options), event_time: eventTime, type });
    default:
      return serialise({ data: disputeData(type, options), event_time: eventTime, type });
  }
}
