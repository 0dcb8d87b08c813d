import {
  OPERATIONS,
  PLAN_INTERVAL_TYPES,
  PLAN_TYPES,
  SUBSCRIPTION_ACTIONS,
  SUBSCRIPTION_PAYMENT_ACTIONS,
  SUBSCRIPTION_PAYMENT_METHODS,
  SUBSCRIPTION_PAYMENT_TYPES,
  type SubscriptionAction,
  type SubscriptionPaymentAction,
  type SubscriptionPaymentMethodName,
} from 'cashfree-kit';
import { parseIsoInstant } from '../clock/time.js';
import type { StoredPlan } from '../store/subscriptions/plans.js';
import type { MandateMethod } from '../test-instruments/mandates.js';
import { bodyReader, type FieldReader, invalid, missing } from './fields.js';
import { EMAIL_PATTERN, ENABLED_CURRENCIES, PHONE_PATTERN } from './patterns.js';
import { rowPattern } from './row-patterns.js';

/**
 * Request validation of the subscription operations, in the sandbox's Cashfree wording
 * (`<field> : <reason>. Value received: <value>`, code `<field>_missing` / `<field>_invalid`). The
 * closed sets (plan types, intervals, actions, payment types and methods) are the SDK's; what only
 * the server can know (does the plan exist, is the subscription ACTIVE, is the charge within the
 * plan's maximum) is checked by the services.
 */

const PLAN_ID = rowPattern(OPERATIONS.plans.create, 'plan_id');
const SUBSCRIPTION_ID = rowPattern(OPERATIONS.subscriptions.create, 'subscription_id');

/** An instant of the request: ISO 8601, or `YYYY-MM-DD HH:mm:ss` read as India time. */
function instant(r: FieldReader, key: string, required = false): number | undefined {
  const text = r.string(key, { required });
  if (text === undefined) return undefined;
  const at = parseIsoInstant(text);
  if (at === undefined)
    throw invalid(r.path(key), 'should be an ISO 8601 time such as 2025-01-15T10:00:00+05:30', text);
  return at;
}

function currency(r: FieldReader, key: string): string {
  const value = r.string(key) ?? 'INR';
  if (!(ENABLED_CURRENCIES as readonly string[]).includes(value))
    throw invalid(r.path(key), 'is not valid or not enabled', value);
  return value;
}

/**
 * Reads a plan: `POST /plans` names its amount `plan_recurring_amount`, an inline `plan_details`
 * names it `plan_amount`. A PERIODIC plan needs an amount (at most the maximum) and an interval.
 */
function readPlan(
  r: FieldReader,
  amountKey: 'plan_recurring_amount' | 'plan_amount',
  planId: string,
): StoredPlan {
  const type = r.string('plan_type', { required: true, oneOf: PLAN_TYPES }) as StoredPlan['plan_type'];
  const max = r.amount('plan_max_amount', { required: true })!;
  const periodic = type === 'PERIODIC';
  const recurring = r.amount(amountKey, { required: periodic }) ?? null;
  if (recurring !== null && recurring > max) {
    throw invalid(r.path(amountKey), `should not exceed ${r.path('plan_max_amount')}`, recurring / 100);
  }
  const intervalType = (r.string('plan_interval_type', { required: periodic, oneOf: PLAN_INTERVAL_TYPES }) ??
    null) as StoredPlan['interval_type'];
  const intervals = r.number('plan_intervals', { integer: true, min: 1 }) ?? (periodic ? 1 : null);
  const maxCycles = r.number('plan_max_cycles', { integer: true, min: 1 }) ?? null;
  return {
    plan_id: planId,
    plan_name: r.string('plan_name', { required: true, max: 100 })!,
    plan_type: type,
    plan_currency: currency(r, 'plan_currency'),
    recurring_amount: recurring,
    max_amount: max,
    max_cycles: maxCycles,
    intervals: periodic ? intervals : null,
    interval_type: periodic ? intervalType : null,
    plan_note: r.string('plan_note', { max: 500 }) ?? null,
    plan_status: 'ACTIVE',
  };
}

/** Validates `POST /plans` (CreatePlanRequest). */
export function parseCreatePlan(body: unknown): StoredPlan {
  const r = bodyReader(body);
  const planId = r.string('plan_id', { required: true, pattern: PLAN_ID })!;
  return readPlan(r, 'plan_recurring_amount', planId);
}

/** What create-subscription echoes back and keeps, besides the plan. */
export interface SubscriptionDetails {
  customer_details: Record<string, unknown>;
  subscription_meta: { return_url: string | null; notification_channel: unknown };
  subscription_note: string | null;
  subscription_tags: Record<string, string> | null;
  subscription_payment_splits: unknown[] | null;
  /** Paise of the authorisation (₹1 unless given; an e-NACH authorisation debits nothing). */
  authorization_amount: number;
  authorization_amount_refund: boolean;
  payment_methods: SubscriptionPaymentMethodName[];
}

/** A validated `POST /subscriptions`: an existing plan by id, or an inline one. */
export interface NewSubscription {
  subscriptionId: string;
  /** The inline plan, or `undefined` when `plan_details.plan_id` names a stored plan. */
  inlinePlan: StoredPlan | undefined;
  planId: string | undefined;
  details: SubscriptionDetails;
  expiresAt: number | undefined;
  firstChargeAt: number | undefined;
}

/** Validates `POST /subscriptions` (CreateSubscriptionRequest). */
export function parseCreateSubscription(body: unknown): NewSubscription {
  const r = bodyReader(body);
  const subscriptionId = r.string('subscription_id', { required: true, pattern: SUBSCRIPTION_ID })!;
  const c = r.object('customer_details', { required: true })!;
  const customer: Record<string, unknown> = {
    customer_name: c.string('customer_name', { max: 100 }) ?? null,
    customer_email: c.string('customer_email', { required: true, pattern: EMAIL_PATTERN })!,
    customer_phone: c.string('customer_phone', { required: true, pattern: PHONE_PATTERN })!,
  };
  for (const key of [
    'customer_bank_account_holder_name',
    'customer_bank_account_number',
    'customer_bank_ifsc',
    'customer_bank_code',
    'customer_bank_account_type',
  ]) {
    customer[key] = c.string(key) ?? null;
  }
  const p = r.object('plan_details', { required: true })!;
  const planId = p.string('plan_id', { pattern: PLAN_ID });
  // A plan_type makes it an inline plan; a bare plan_id refers to a plan made with POST /plans.
  const inline = p.has('plan_type') || planId === undefined;
  const inlinePlan = inline ? readPlan(p, 'plan_amount', planId ?? `plan_${subscriptionId}`) : undefined;
  const a = r.object('authorization_details');
  const methods = (a?.array('payment_methods') ?? [...SUBSCRIPTION_PAYMENT_METHODS]).map((m, i) => {
    if (typeof m !== 'string' || !(SUBSCRIPTION_PAYMENT_METHODS as readonly string[]).includes(m)) {
      throw invalid(
        `authorization_details.payment_methods[${i}]`,
        `should be one of ${SUBSCRIPTION_PAYMENT_METHODS.join(', ')}`,
        m,
      );
    }
    return m as SubscriptionPaymentMethodName;
  });
  const authAmount = a?.raw('authorization_amount');
  let authPaise = 100;
  if (authAmount !== undefined) {
    if (typeof authAmount !== 'number' || !Number.isFinite(authAmount) || authAmount < 0) {
      throw invalid(
        'authorization_details.authorization_amount',
        'should be an amount of at least 0',
        authAmount,
      );
    }
    authPaise = Math.round(authAmount * 100);
  }
  const meta = r.object('subscription_meta');
  const returnUrl = meta?.string('return_url', { max: 500 }) ?? null;
  const tags = r.stringMap('subscription_tags', { maxEntries: 15, maxValueLength: 255 }) ?? null;
  return {
    subscriptionId,
    inlinePlan,
    planId: inline ? undefined : planId,
    details: {
      customer_details: customer,
      subscription_meta: {
        return_url: returnUrl,
        notification_channel: meta?.raw('notification_channel') ?? null,
      },
      subscription_note: r.string('subscription_note', { max: 500 }) ?? null,
      subscription_tags: tags,
      subscription_payment_splits: r.array('subscription_payment_splits') ?? null,
      authorization_amount: authPaise,
      authorization_amount_refund: a?.boolean('authorization_amount_refund') ?? false,
      payment_methods: methods,
    },
    expiresAt: instant(r, 'subscription_expiry_time'),
    firstChargeAt: instant(r, 'subscription_first_charge_time'),
  };
}

/** A validated `POST /subscriptions/{id}/manage`. */
export interface ManageSubscription {
  action: SubscriptionAction;
  nextScheduledAt: number | undefined;
  planId: string | undefined;
}

/** Validates `POST /subscriptions/{id}/manage` (ManageSubscriptionRequest). */
export function parseManageSubscription(body: unknown, pathSubscriptionId: string): ManageSubscription {
  const r = bodyReader(body);
  const id = r.string('subscription_id');
  if (id !== undefined && id !== pathSubscriptionId) {
    throw invalid('subscription_id', `should be the subscription_id of the path, ${pathSubscriptionId}`, id);
  }
  const action = r.string('action', { required: true, oneOf: SUBSCRIPTION_ACTIONS }) as SubscriptionAction;
  const d = r.object('action_details', { required: action === 'CHANGE_PLAN' || action === 'ACTIVATE' });
  const planId = d?.string('plan_id', { required: action === 'CHANGE_PLAN', pattern: PLAN_ID });
  const nextScheduledAt = d ? instant(d, 'next_scheduled_time', action === 'ACTIVATE') : undefined;
  return { action, nextScheduledAt, planId };
}

/** The instrument of an AUTH: its method and the reference its test outcome is read from. */
export interface MandateInstrument {
  method: MandateMethod;
  /** VPA, card number or bank account number. */
  reference: string;
  channel: string | null;
}

/** Reads `payment_method` (one key: upi, enach, pnach or card). */
function readInstrument(r: FieldReader): MandateInstrument | undefined {
  const m = r.object('payment_method');
  if (!m) return undefined;
  const keys = Object.keys(m.value).filter((k) => m.raw(k) !== undefined);
  const method = keys[0];
  if (
    keys.length !== 1 ||
    method === undefined ||
    !(SUBSCRIPTION_PAYMENT_METHODS as readonly string[]).includes(method)
  ) {
    throw invalid(
      'payment_method',
      `should have exactly one of ${SUBSCRIPTION_PAYMENT_METHODS.join(', ')}`,
      m.value,
    );
  }
  const o = m.object(method, { required: true })!;
  const channel = o.string('channel') ?? null;
  switch (method as MandateMethod) {
    case 'upi':
      return { method: 'upi', reference: o.string('upi_id') ?? '', channel };
    case 'card':
      return { method: 'card', reference: o.string('card_number', { required: true })!, channel };
    default:
      return {
        method: method as MandateMethod,
        reference: o.string('account_number', { required: true })!,
        channel,
      };
  }
}

/** A validated `POST /subscriptions/pay`. */
export type NewSubscriptionPayment =
  | {
      type: 'AUTH';
      subscriptionId: string;
      paymentId: string;
      sessionId: string;
      instrument: MandateInstrument;
      remarks: string | null;
    }
  | {
      type: 'CHARGE';
      subscriptionId: string;
      paymentId: string;
      /** Paise. */
      amount: number;
      scheduleAt: number | undefined;
      remarks: string | null;
    };

/** Validates `POST /subscriptions/pay` (CreateSubscriptionPaymentRequest). */
export function parseCreateSubscriptionPayment(body: unknown): NewSubscriptionPayment {
  const r = bodyReader(body);
  const subscriptionId = r.string('subscription_id', { required: true, pattern: SUBSCRIPTION_ID })!;
  const paymentId = r.string('payment_id', { required: true, max: 250 })!;
  const type = r.string('payment_type', { required: true, oneOf: SUBSCRIPTION_PAYMENT_TYPES }) as
    | 'AUTH'
    | 'CHARGE';
  const remarks = r.string('payment_remarks', { max: 500 }) ?? null;
  if (type === 'AUTH') {
    const sessionId = r.string('subscription_session_id', { required: true })!;
    const instrument = readInstrument(r);
    if (!instrument) throw missing('payment_method');
    return { type, subscriptionId, paymentId, sessionId, instrument, remarks };
  }
  const amount = r.amount('payment_amount', { required: true })!;
  return {
    type,
    subscriptionId,
    paymentId,
    amount,
    scheduleAt: instant(r, 'payment_schedule_date'),
    remarks,
  };
}

/** A validated `POST …/payments/{payment_id}/manage`. */
export interface ManageSubscriptionPayment {
  action: SubscriptionPaymentAction;
  nextScheduledAt: number | undefined;
}

/** Validates `POST /subscriptions/{id}/payments/{payment_id}/manage` (ManageSubscriptionPaymentRequest). */
export function parseManageSubscriptionPayment(body: unknown): ManageSubscriptionPayment {
  const r = bodyReader(body);
  const action = r.string('action', {
    required: true,
    oneOf: SUBSCRIPTION_PAYMENT_ACTIONS,
  }) as SubscriptionPaymentAction;
  const d = r.object('action_details', { required: action === 'RETRY' });
  return { action, nextScheduledAt: d ? instant(d, 'next_scheduled_time', action === 'RETRY') : undefined };
}

/** A validated `POST /subscriptions/{id}/refunds`. */
export interface NewSubscriptionRefund {
  refundId: string;
  /** Paise. */
  amount: number;
  paymentId: string | undefined;
  cfPaymentId: number | undefined;
  note: string | null;
  speed: 'STANDARD' | 'INSTANT';
}

/** Validates `POST /subscriptions/{id}/refunds` (CreateSubscriptionRefundRequest). */
export function parseCreateSubscriptionRefund(body: unknown): NewSubscriptionRefund {
  const r = bodyReader(body);
  const refundId = r.string('refund_id', { required: true, max: 40 })!;
  const amount = r.amount('refund_amount', { required: true })!;
  const paymentId = r.string('payment_id');
  const cfPaymentId = r.number('cf_payment_id', { integer: true, min: 1 });
  if (paymentId === undefined && cfPaymentId === undefined) throw missing('payment_id');
  return {
    refundId,
    amount,
    paymentId,
    cfPaymentId,
    note: r.string('refund_note', { max: 100 }) ?? null,
    speed: (r.string('refund_speed', { oneOf: ['STANDARD', 'INSTANT'] }) ?? 'STANDARD') as
      | 'STANDARD'
      | 'INSTANT',
  };
}

/** Validates `POST /subscriptions/eligibility/payment_methods` (SubscriptionEligibilityRequest). */
export function parseSubscriptionEligibility(body: unknown): {
  subscriptionId: string;
  methods: SubscriptionPaymentMethodName[] | undefined;
} {
  const r = bodyReader(body);
  const q = r.object('queries', { required: true })!;
  const subscriptionId = q.string('subscription_id', { required: true })!;
  const f = r.object('filters');
  const methods = f?.array('payment_methods')?.map((m, i) => {
    if (typeof m !== 'string' || !(SUBSCRIPTION_PAYMENT_METHODS as readonly string[]).includes(m)) {
      throw invalid(
        `filters.payment_methods[${i}]`,
        `should be one of ${SUBSCRIPTION_PAYMENT_METHODS.join(', ')}`,
        m,
      );
    }
    return m as SubscriptionPaymentMethodName;
  });
  return { subscriptionId, methods };
}
