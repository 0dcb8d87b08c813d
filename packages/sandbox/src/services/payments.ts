import type { OrderAuthenticateEntity, PayOrderEntity } from 'cashfree-kit';
import { MINUTE_MS } from '../clock/time.js';
import type { SandboxContext } from '../context.js';
import type { Wire } from '../entities/wire.js';
import { authenticateUrl, paymentPageUrl } from '../hosted-urls.js';
import { badRequest, notFound } from '../http/errors.js';
import { nextOrderStatus } from '../state/order-machine.js';
import { nextPaymentStatus, type PaymentTarget, submitOtp } from '../state/payment-machine.js';
import type { OrderRow } from '../store/orders.js';
import type { ErrorDetails, PaymentRow, PaymentScenario } from '../store/payments.js';
import type { TestCard } from '../test-instruments/cards.js';
import { maskCardNumber } from '../test-instruments/cards.js';
import { errorDetails, PAYMENT_ERRORS } from '../test-instruments/errors.js';
import type { TestVpa } from '../test-instruments/upi.js';
import { randomAlphanumeric, randomDigits } from '../util/ids.js';
import { formatPaise, toRupees } from '../util/money.js';
import { placeholderQr } from '../util/placeholder-qr.js';
import { appendPaymentEvent } from './event-data.js';
import { linkRefusesPayment, onLinkOrderPaid } from './links.js';
import { assertPayable, setOrderStatus } from './orders.js';
import { createAutoRefund } from './refunds.js';
import { recordCapturedPayment } from './settlements.js';

/** Job kind: a UPI collect to a test VPA resolves to the VPA's outcome. */
export const PAYMENT_RESOLVE = 'payment.resolve';
/** Job kind: a payment still pending when its time runs out is closed. */
export const PAYMENT_TIMEOUT = 'payment.timeout';

/** How long a card, netbanking or wallet payment may wait for the customer before it is dropped. */
export const PAYMENT_TTL_MS = 15 * MINUTE_MS;

/** A validated Order Pay `payment_method`, with the test data it matched. */
export type PayMethod =
  | { method: 'card'; channel: 'link' | 'post'; cardNumber: string; card: TestCard }
  | {
      method: 'upi';
      channel: 'collect';
      upiId: string;
      vpa: TestVpa;
      expiryMinutes: number;
      redirect: boolean;
    }
  | { method: 'upi'; channel: 'link' | 'qrcode'; expiryMinutes: number }
  | { method: 'netbanking'; channel: 'link'; bankCode: number; bankName: string }
  | { method: 'app'; channel: 'link'; provider: string; phone: string };

/** The payment group and PaymentEntity `payment_method` of a payment made with `pay`. */
export function instrumentOf(pay: PayMethod): { group: string; instrument: Record<string, unknown> } {
  switch (pay.method) {
    case 'card':
      return {
        group: pay.card.type,
        instrument: {
          card: {
            channel: pay.channel,
            card_number: maskCardNumber(pay.cardNumber),
            card_network: pay.card.network,
            card_type: pay.card.type,
            card_sub_type: pay.card.subType,
            card_country: 'IN',
            card_bank_name: pay.card.bank,
            card_network_reference_id: null,
            instrument_id: null,
          },
        },
      };
    case 'upi':
      return {
        group: 'upi',
        instrument: {
          upi: {
            channel: pay.channel,
            upi_id: pay.channel === 'collect' ? pay.upiId : null,
            upi_payer_ifsc: null,
            upi_payer_account_number: null,
          },
        },
      };
    case 'netbanking':
      return {
        group: 'net_banking',
        instrument: {
          netbanking: {
            channel: 'link',
            netbanking_bank_code: pay.bankCode,
            netbanking_bank_name: pay.bankName,
            netbanking_ifsc: null,
            netbanking_account_number: null,
          },
        },
      };
    case 'app':
      return {
        group: 'wallet',
        instrument: { app: { channel: 'link', provider: pay.provider, phone: pay.phone } },
      };
  }
}

function scenarioOf(pay: PayMethod): PaymentScenario {
  if (pay.method === 'card') {
    const scenario: PaymentScenario = { outcome: pay.card.outcome, otp: true };
    if (pay.card.error) scenario.error = errorDetails(pay.card.error);
    return scenario;
  }
  if (pay.method === 'upi' && pay.channel === 'collect') {
    const scenario: PaymentScenario = { outcome: pay.vpa.outcome };
    if (pay.vpa.error) {
      scenario.error = errorDetails(pay.vpa.error);
      scenario.message = pay.vpa.error.message;
    }
    return scenario;
  }
  // Intent, QR, netbanking and wallet payments wait for the customer's page or /simulate;
  // completing the page pays.
  return { outcome: 'SUCCESS' };
}

function pendingMessage(pay: PayMethod): string {
  switch (pay.method) {
    case 'card':
      return 'Waiting for the customer to authenticate with OTP';
    case 'upi':
      return pay.channel === 'collect'
        ? 'Collect request sent; waiting for the customer to approve'
        : 'Waiting for the customer to pay with a UPI app';
    case 'netbanking':
      return 'Waiting for the customer to log in to the bank';
    case 'app':
      return 'Waiting for the customer to pay with the wallet';
  }
}

function upiDeepLinks(order: OrderRow, payment: PaymentRow): Record<string, string> {
  const query =
    `pa=cashfree.sandbox@gocash&pn=${encodeURIComponent('Cashfree Sandbox')}&tr=${payment.cf_payment_id}` +
    `&am=${formatPaise(payment.amount)}&cu=${order.currency}&mode=00&purpose=00&mc=5411` +
    `&tn=${encodeURIComponent(`Payment for ${order.order_id}`)}`;
  return {
    default: `upi://pay?${query}`,
    bhim: `upi://pay?${query}`,
    gpay: `tez://upi/pay?${query}`,
    phonepe: `phonepe://pay?${query}`,
    paytm: `paytmmp://pay?${query}`,
  };
}

/**
 * `PayOrderEntity` as the sandbox answers it: a UPI collect sent with `upi_redirect_url` answers
 * the action `collect` with the sandbox's wait page, which the contract's `action` enum
 * (link, custom, form, post) does not list.
 */
export type PayOrderAnswer = Omit<Wire<PayOrderEntity>, 'action'> & {
  action: Wire<PayOrderEntity>['action'] | 'collect';
};

/** The `PayOrderEntity` data telling the caller what the customer does next. */
function nextAction(
  ctx: SandboxContext,
  pay: PayMethod,
  order: OrderRow,
  payment: PaymentRow,
): Pick<PayOrderAnswer, 'action' | 'data'> {
  const page = paymentPageUrl(ctx.config.publicUrl, payment.cf_payment_id);
  const none = { url: null, payload: null, content_type: null, method: null };
  if (pay.method === 'card' && pay.channel === 'post') {
    return {
      action: 'post',
      data: {
        url: authenticateUrl(ctx.config.publicUrl, payment.cf_payment_id),
        payload: { action: 'SUBMIT_OTP', otp: '' },
        content_type: 'application/json',
        method: 'post',
        redirect_to_bank: page,
      },
    };
  }
  if (pay.method === 'upi') {
    if (pay.channel === 'collect') {
      return pay.redirect
        ? { action: 'collect', data: { ...none, url: page } }
        : { action: 'custom', data: none };
    }
    const links = upiDeepLinks(order, payment);
    const payload =
      pay.channel === 'qrcode' ? { qrcode: placeholderQr('UPI QR', links['default'] ?? '') } : links;
    return { action: 'custom', data: { ...none, payload } };
  }
  return { action: 'link', data: { ...none, url: page } };
}

/**
 * Starts a payment attempt on an ACTIVE order (Order Pay). The payment is PENDING; what happens
 * next depends on the method and the test data. Call inside `ctx.transact`.
 */
export function startPayment(ctx: SandboxContext, order: OrderRow, pay: PayMethod): PayOrderAnswer {
  assertPayable(order);
  const now = ctx.clock.now();
  const { group, instrument } = instrumentOf(pay);
  const payment: PaymentRow = {
    cf_payment_id: ctx.store.ids.payment.next(),
    cf_order_id: order.cf_order_id,
    status: 'PENDING',
    amount: order.amount,
    method: pay.method,
    channel: pay.channel,
    payment_group: group,
    instrument: JSON.stringify(instrument),
    scenario: JSON.stringify(scenarioOf(pay)),
    message: pendingMessage(pay),
    error: null,
    bank_reference: null,
    auth_id: null,
    otp_attempts: 0,
    created_at: now,
    completed_at: null,
  };
  ctx.store.payments.insert(payment);
  if (pay.method === 'upi' && pay.channel === 'collect') {
    ctx.scheduler.schedule(PAYMENT_RESOLVE, payment.cf_payment_id, now + ctx.config.upiResolveDelayMs);
  }
  const ttl = pay.method === 'upi' ? pay.expiryMinutes * MINUTE_MS : PAYMENT_TTL_MS;
  ctx.scheduler.schedule(PAYMENT_TIMEOUT, payment.cf_payment_id, now + ttl);
  return {
    payment_amount: toRupees(payment.amount),
    cf_payment_id: String(payment.cf_payment_id),
    payment_method: pay.method,
    channel: pay.channel,
    ...nextAction(ctx, pay, order, payment),
  };
}

/** The payment with this `cf_payment_id` (path parameter), or Cashfree's 404. */
export function findPayment(ctx: SandboxContext, cfPaymentId: string): PaymentRow {
  const payment = /^\d{1,16}$/.test(cfPaymentId) ? ctx.store.payments.byId(Number(cfPaymentId)) : undefined;
  if (!payment)
    throw notFound('payment_not_found', `payment with cf_payment_id ${cfPaymentId} does not exist`);
  return payment;
}

/** How a payment resolves: the target status and, for failures, the error. */
export interface Resolution {
  target: PaymentTarget;
  error?: ErrorDetails | undefined;
  message?: string | undefined;
}

/** The resolution the payment's own test data leads to. */
export function scenarioResolution(payment: PaymentRow): Resolution {
  const scenario = JSON.parse(payment.scenario) as PaymentScenario;
  return { target: scenario.outcome, error: scenario.error, message: scenario.message };
}

/** The `payment_message` a payment ends with: the resolution's own, or the outcome's usual one. */
export function finalMessage(payment: PaymentRow, r: Resolution): string {
  if (r.message) return r.message;
  switch (r.target) {
    case 'SUCCESS':
      return '00::Transaction success';
    case 'FAILED':
      return 'Transaction failed';
    case 'USER_DROPPED':
      return payment.method === 'card'
        ? 'User dropped and did not complete the two factor authentication'
        : 'User dropped and did not complete the payment';
    default:
      return payment.message;
  }
}

/**
 * Moves a pending payment to its outcome and carries the consequences in the same transaction:
 * the order becomes PAID (or, when another attempt already paid it, this one is CANCELLED and
 * refunded automatically), a link order updates its link, a capture joins the next settlement,
 * a terminating order finishes terminating, and the matching webhook event is appended.
 * Call inside `ctx.transact`. Throws 400 when the payment is no longer pending.
 */
export function resolvePayment(ctx: SandboxContext, payment: PaymentRow, r: Resolution): PaymentRow {
  const t = nextPaymentStatus(payment.status, r.target);
  if (!t.ok) throw badRequest(t.code, t.message);
  if (!t.changed) return payment;
  const now = ctx.clock.now();
  let order = ctx.store.orders.byCfId(payment.cf_order_id);
  if (!order) throw new Error(`payment ${payment.cf_payment_id} has no order`);
  let next: PaymentRow = {
    ...payment,
    status: t.status,
    completed_at: now,
    message: finalMessage(payment, r),
  };

  if (t.status === 'SUCCESS') {
    const orderT = nextOrderStatus(order.status, { type: 'PAYMENT_SUCCEEDED' });
    const refusal = orderT.ok ? linkRefusesPayment(ctx, order, payment.amount) : orderT.message;
    next.bank_reference = randomDigits(12);
    next.auth_id = payment.method === 'card' ? randomAlphanumeric(6).toUpperCase() : null;
    if (orderT.ok && refusal === undefined) {
      order = setOrderStatus(ctx, order, orderT.status);
    } else {
      // The customer paid twice (or paid a closed order or link): Cashfree cancels and auto-refunds.
      next = {
        ...next,
        status: 'CANCELLED',
        message: `Payment cancelled: ${refusal}; the amount is refunded automatically`,
      };
    }
  } else if (t.status === 'FAILED') {
    next.error = JSON.stringify(r.error ?? errorDetails(PAYMENT_ERRORS.bankDeclined));
  }

  ctx.store.payments.update(next);
  ctx.scheduler.cancel(PAYMENT_RESOLVE, payment.cf_payment_id);
  ctx.scheduler.cancel(PAYMENT_TIMEOUT, payment.cf_payment_id);

  if (next.status === 'SUCCESS') {
    recordCapturedPayment(ctx, order, next);
    if (order.cf_link_id !== null) onLinkOrderPaid(ctx, order, next);
  } else if (next.status === 'CANCELLED') {
    createAutoRefund(ctx, order, next);
  }
  appendPaymentEvent(ctx, order, next);

  if (order.status === 'TERMINATION_REQUESTED') {
    const stillPending = ctx.store.payments.byOrder(order.cf_order_id).some((p) => p.status === 'PENDING');
    if (!stillPending) {
      const closed = nextOrderStatus(order.status, { type: 'PENDING_PAYMENTS_CLOSED' });
      if (closed.ok) setOrderStatus(ctx, order, closed.status);
    }
  }
  return next;
}

/** Job: a UPI collect to a test VPA resolves to the VPA's outcome. */
export function resolveByScenario(ctx: SandboxContext, cfPaymentId: number): void {
  const payment = ctx.store.payments.byId(cfPaymentId);
  if (payment?.status === 'PENDING') resolvePayment(ctx, payment, scenarioResolution(payment));
}

/** Job: a payment nobody completed in time. UPI collects expire (FAILED), others are dropped. */
export function timeOutPayment(ctx: SandboxContext, cfPaymentId: number): void {
  const payment = ctx.store.payments.byId(cfPaymentId);
  if (payment?.status !== 'PENDING') return;
  if (payment.method === 'upi' && payment.channel === 'collect') {
    const template = PAYMENT_ERRORS.collectExpired;
    resolvePayment(ctx, payment, {
      target: 'FAILED',
      error: errorDetails(template),
      message: template.message,
    });
  } else {
    resolvePayment(ctx, payment, { target: 'USER_DROPPED' });
  }
}

/**
 * `POST /orders/pay/authenticate/{cf_payment_id}`: submits (or resends) the card OTP.
 * Returns `OrderAuthenticateEntity`. Call inside `ctx.transact`.
 */
export function authenticatePayment(
  ctx: SandboxContext,
  payment: PaymentRow,
  action: 'SUBMIT_OTP' | 'RESEND_OTP',
  otp: string,
): Wire<OrderAuthenticateEntity> {
  const scenario = JSON.parse(payment.scenario) as PaymentScenario;
  const entity = (status: 'SUCCESS' | 'FAILED', message: string): Wire<OrderAuthenticateEntity> => ({
    cf_payment_id: String(payment.cf_payment_id),
    action,
    authenticate_status: status,
    payment_message: message,
  });
  if (!scenario.otp) {
    throw badRequest(
      'payment_method_invalid',
      `payment ${payment.cf_payment_id} is not a card payment waiting for an OTP`,
    );
  }
  if (payment.status !== 'PENDING') {
    throw badRequest(
      'payment_already_processed',
      `payment is already ${payment.status}; only a PENDING payment can be authenticated`,
    );
  }
  if (action === 'RESEND_OTP')
    return entity('SUCCESS', 'OTP sent to the registered mobile number (sandbox OTP: 111000)');
  const check = submitOtp(otp, payment.otp_attempts);
  if (!check.authenticated) {
    ctx.store.payments.countOtpAttempt(payment.cf_payment_id);
    if (check.paymentFails) {
      const template = PAYMENT_ERRORS.otpFailed;
      resolvePayment(ctx, payment, {
        target: 'FAILED',
        error: errorDetails(template),
        message: template.message,
      });
    }
    return entity('FAILED', check.message);
  }
  const resolved = resolvePayment(ctx, payment, scenarioResolution(payment));
  return entity('SUCCESS', resolved.message);
}
