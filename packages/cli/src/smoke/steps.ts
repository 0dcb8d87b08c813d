/**
 * The steps of `cashfree smoke`, the seed's "smoke test in sandbox — safe to run": create an order,
 * fetch it, pay it, wait for PAID, list its payments, refund it, create and cancel a payment link,
 * read settlements; then the payout steps (./payout-steps.ts). Each step checks what it got back and returns a one-line detail; the runner
 * times them and stops at the first failure.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type Cashfree, isNotFoundError, type OrderEntity } from 'cashfree-kit';
import type { CashfreePayouts } from 'cashfree-kit/payouts';
import { formatRupees } from '../output/format.js';
import { serverNow } from '../sandbox/detect.js';

/** How the payment step pays. */
export type PayMode =
  /** Local sandbox: Order Pay with the test card 4111 1111 1111 1111 and OTP 111000. */
  | 'test-card'
  /** Cashfree's sandbox: Order Pay by UPI collect to a test VPA, then `/simulate` SUCCESS. */
  | 'simulate';

/** What the payout steps need: a Payouts client, and on a local sandbox a way to move its clock. */
export interface PayoutSmoke {
  client: CashfreePayouts;
  /** Moves a local sandbox's clock on by `ms` and runs what became due; absent on Cashfree. */
  advanceClock?: ((ms: number) => Promise<void>) | undefined;
  /** How long to wait for SUCCESS in real time when the clock cannot be moved. */
  successTimeoutMs: number;
}

/** What the steps share. */
export interface SmokeState {
  client: Cashfree;
  payMode: PayMode;
  /** How long to wait for the order to become PAID. */
  paidTimeoutMs: number;
  /** Prints an informational line (the checkout step on Cashfree's sandbox). */
  info(line: string): void;
  runId: string;
  /** The payout steps' client; absent when they cannot run here (see `payoutsSkipped`). */
  payouts?: PayoutSmoke | undefined;
  /** Why the payout steps are skipped (production, or no Payouts keys). */
  payoutsSkipped?: string | undefined;
  order?: OrderEntity;
  /** The beneficiary paid, and whether this run saved it (and so removes it at the end). */
  beneficiaryId?: string;
  beneficiaryCreated?: boolean;
  cfPaymentId?: string;
  refundId?: string;
  linkId?: string;
}

/** One step: a name and the work, which returns a short description of what it saw. */
export interface SmokeStep {
  name: string;
  /** Why this step does not run here, if it does not (it then counts neither as passed nor failed). */
  skip?(state: SmokeState): string | undefined;
  run(state: SmokeState): Promise<string>;
}

/** A step's check failed: the API answered, but not what the flow needs. */
export class SmokeCheckError extends Error {
  override name = 'SmokeCheckError' as const;
}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new SmokeCheckError(message);
}

const AMOUNT = 499;
const REFUND_AMOUNT = 100;

function need<T>(value: T | undefined, what: string): T {
  expect(value !== undefined, `${what} is missing: an earlier step did not record it`);
  return value;
}

/** The smoke test's steps, in order. */
export const SMOKE_STEPS: readonly SmokeStep[] = [
  {
    name: 'create order',
    async run(state) {
      const order = await state.client.orders.create({
        order_id: `smoke_${state.runId}`,
        order_amount: AMOUNT,
        order_currency: 'INR',
        customer_details: {
          customer_id: 'smoke_customer',
          customer_name: 'Priya Patel',
          customer_email: 'priya@example.com',
          customer_phone: '9876543210',
        },
        order_meta: { return_url: 'https://example.com/payment/return?order_id={order_id}' },
        order_note: 'cashfree smoke test',
      });
      expect(order.order_status === 'ACTIVE', `order_status is ${order.order_status}, expected ACTIVE`);
      expect(order.payment_session_id, 'the order has no payment_session_id');
      state.order = order;
      return `${order.order_id} ${formatRupees(order.order_amount)} ${order.order_status}`;
    },
  },
  {
    name: 'fetch order',
    async run(state) {
      const created = need(state.order, 'the order');
      const order = await state.client.orders.get(created.order_id);
      expect(order.order_id === created.order_id, `fetched ${order.order_id}, expected ${created.order_id}`);
      expect(order.order_amount === AMOUNT, `order_amount is ${order.order_amount}, expected ${AMOUNT}`);
      return `${order.order_id} ${order.order_status}`;
    },
  },
  {
    name: 'pay order',
    async run(state) {
      const order = need(state.order, 'the order');
      const sessionId = need(order.payment_session_id, 'payment_session_id');
      if (state.payMode === 'test-card') {
        // Loaded here, as the CLI loads the sandbox only where a command needs it.
        const { TEST_CARD_EXPIRY } = await import('@cashfree-kit/sandbox');
        const pay = await state.client.orders.pay({
          payment_session_id: sessionId,
          payment_method: {
            card: {
              channel: 'post',
              card_number: '4111111111111111',
              card_holder_name: 'Test',
              card_expiry_mm: TEST_CARD_EXPIRY.mm,
              card_expiry_yy: TEST_CARD_EXPIRY.yy,
              card_cvv: '123',
            },
          },
        });
        const cfPaymentId = need(
          pay.cf_payment_id === undefined ? undefined : String(pay.cf_payment_id),
          'cf_payment_id',
        );
        const otp = await state.client.orders.authenticate(cfPaymentId, {
          otp: '111000',
          action: 'SUBMIT_OTP',
        });
        expect(
          otp.authenticate_status === 'SUCCESS',
          `OTP step answered ${otp.authenticate_status}: ${otp.payment_message}`,
        );
        state.cfPaymentId = cfPaymentId;
        return `card 4111 1111 1111 1111 + OTP 111000 → payment ${cfPaymentId}`;
      }
      state.info(
        `checkout: payment_session_id ${sessionId.slice(0, 24)}… — in a browser, Cashfree({ mode: "sandbox" }).checkout({ paymentSessionId }) ` +
          'shows the hosted checkout; the smoke test pays headlessly instead.',
      );
      const pay = await state.client.orders.pay({
        payment_session_id: sessionId,
        payment_method: { upi: { channel: 'collect', upi_id: 'testsuccess@gocash' } },
      });
      const cfPaymentId = need(
        pay.cf_payment_id === undefined ? undefined : String(pay.cf_payment_id),
        'cf_payment_id',
      );
      const simulation = await state.client.simulations.create({
        entity: 'PAYMENTS',
        entity_id: cfPaymentId,
        entity_simulation: { payment_status: 'SUCCESS' },
      });
      state.cfPaymentId = cfPaymentId;
      return `UPI collect testsuccess@gocash → payment ${cfPaymentId}, /simulate ${simulation.simulation_id ?? ''} SUCCESS`.trim();
    },
  },
  {
    name: 'wait for PAID',
    async run(state) {
      const orderId = need(state.order, 'the order').order_id;
      const deadline = Date.now() + state.paidTimeoutMs;
      for (let polls = 1; ; polls += 1) {
        const order = await state.client.orders.get(orderId);
        if (order.order_status === 'PAID')
          return `${orderId} PAID after ${polls} poll${polls > 1 ? 's' : ''}`;
        expect(order.order_status === 'ACTIVE', `order_status became ${order.order_status}, expected PAID`);
        expect(Date.now() < deadline, `still ${order.order_status} after ${state.paidTimeoutMs / 1000} s`);
        await sleep(Math.min(100 * polls, 1000));
      }
    },
  },
  {
    name: 'list payments',
    async run(state) {
      const orderId = need(state.order, 'the order').order_id;
      const payments = await state.client.payments.list(orderId);
      const success = payments.find((payment) => payment.payment_status === 'SUCCESS');
      expect(
        success,
        `no SUCCESS payment among ${payments.length} (${payments.map((p) => p.payment_status).join(', ')})`,
      );
      expect(
        success.payment_amount === AMOUNT,
        `payment_amount is ${success.payment_amount}, expected ${AMOUNT}`,
      );
      state.cfPaymentId = String(success.cf_payment_id);
      return `${payments.length} payment${payments.length > 1 ? 's' : ''}, ${success.cf_payment_id} SUCCESS ${formatRupees(AMOUNT)}`;
    },
  },
  {
    name: 'refund',
    async run(state) {
      const orderId = need(state.order, 'the order').order_id;
      const refundId = `smoke_refund_${state.runId}`;
      const refund = await state.client.refunds.create(orderId, {
        refund_id: refundId,
        refund_amount: REFUND_AMOUNT,
        refund_note: 'cashfree smoke test',
      });
      expect(refund.refund_id === refundId, `refund_id is ${refund.refund_id}, expected ${refundId}`);
      expect(
        ['PENDING', 'SUCCESS', 'ONHOLD'].includes(String(refund.refund_status)),
        `refund_status is ${refund.refund_status}`,
      );
      const fetched = await state.client.refunds.get(orderId, refundId);
      expect(fetched.refund_id === refundId, `fetched refund ${fetched.refund_id}, expected ${refundId}`);
      state.refundId = refundId;
      return `${refundId} ${formatRupees(REFUND_AMOUNT)} ${fetched.refund_status}`;
    },
  },
  {
    name: 'create payment link',
    async run(state) {
      const linkId = `smoke_link_${state.runId}`;
      const link = await state.client.links.create({
        link_id: linkId,
        link_amount: AMOUNT,
        link_currency: 'INR',
        link_purpose: 'cashfree smoke test',
        customer_details: {
          customer_phone: '9876543210',
          customer_name: 'Rahul Sharma',
          customer_email: 'rahul@example.com',
        },
        link_notify: { send_sms: false, send_email: false },
      });
      expect(link.link_status === 'ACTIVE', `link_status is ${link.link_status}, expected ACTIVE`);
      expect(link.link_url, 'the link has no link_url');
      state.linkId = linkId;
      return `${linkId} ACTIVE ${link.link_url}`;
    },
  },
  {
    name: 'cancel payment link',
    async run(state) {
      const linkId = need(state.linkId, 'the link');
      const link = await state.client.links.cancel(linkId);
      expect(link.link_status === 'CANCELLED', `link_status is ${link.link_status}, expected CANCELLED`);
      return `${linkId} CANCELLED`;
    },
  },
  {
    name: 'read settlements',
    async run(state) {
      const orderId = need(state.order, 'the order').order_id;
      let forOrder: string;
      try {
        const settlement = await state.client.settlements.forOrder(orderId);
        const amount =
          typeof settlement.settlement_amount === 'number'
            ? ` ${formatRupees(settlement.settlement_amount)}`
            : '';
        // The order's payment is listed at once; it joins a settlement (an id and a UTR) on the next cycle.
        forOrder = settlement.cf_settlement_id
          ? `order settled${amount} (settlement ${settlement.cf_settlement_id})`
          : `order awaiting settlement${amount}`;
      } catch (error) {
        // A payment settles on the next settlement cycle, so "not settled yet" is the expected answer
        // for an order paid seconds ago.
        if (!isNotFoundError(error)) throw error;
        forOrder = `order not settled yet (${error.code ?? '404'})`;
      }
      // The local sandbox's clock may be ahead of this machine's (advanced): its settlements are in its range.
      const now = await serverNow(state.client.baseUrl);
      const page = await state.client.settlements.list({
        filters: {
          start_date: new Date(now - 30 * 24 * 3600 * 1000).toISOString(),
          end_date: new Date(now).toISOString(),
        },
      });
      expect(Array.isArray(page.data), 'POST /settlements did not return a list');
      return `${forOrder}; ${page.data.length} settlement${page.data.length === 1 ? '' : 's'} in the last 30 days`;
    },
  },
];
