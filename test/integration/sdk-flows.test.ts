/**
 * End-to-end flows against a started sandbox (127.0.0.1, port 0), driven by Cashfree's official
 * Node SDK (`cashfree-pg` 6.0.6, analytics off, only `basePath` changed) and by our own SDK
 * (`cashfree-kit`, only `baseUrl` changed): create order → pay (card with OTP, UPI collect,
 * netbanking + /simulate) → verify order and payments → refund → payment link create / fetch /
 * cancel / orders, plus the errors each SDK surfaces.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  type RunningSandbox,
  type SandboxEvent,
  startSandbox,
  TEST_CARD_EXPIRY,
} from '@cashfree-kit/sandbox';
import { Cashfree, isNotFoundError } from 'cashfree-kit';
import { CFEnvironment, Cashfree as OfficialCashfree } from 'cashfree-pg';

let sandbox: RunningSandbox;
let official: OfficialCashfree;
let ours: Cashfree;
const MINUTE = 60_000;

before(async () => {
  sandbox = await startSandbox({ port: 0, db: ':memory:', upiResolveDelayMs: 20 });
  official = new OfficialCashfree(
    CFEnvironment.SANDBOX,
    sandbox.appId,
    sandbox.secretKey,
    undefined,
    undefined,
    undefined,
    false,
  );
  assert.equal(official.XEnableErrorAnalytics, false);
  official.basePath = `${sandbox.url}/pg`;
  ours = new Cashfree({
    appId: sandbox.appId,
    secretKey: sandbox.secretKey,
    environment: 'sandbox',
    baseUrl: `${sandbox.url}/pg`,
  });
});
after(() => sandbox.close());

/** Resolves with the next event of `type` for `orderId` (the UPI collect resolves on its own). */
function nextEvent(type: string, orderId: string): Promise<SandboxEvent> {
  return new Promise((resolve) => {
    const off = sandbox.onEvent((event) => {
      if (event.type === type && event.order_id === orderId) {
        off();
        resolve(event);
      }
    });
  });
}

const customer = { customer_id: 'cust_sdk', customer_phone: '9876543210', customer_email: 'sdk@example.com' };
const card = {
  channel: 'post' as const,
  card_number: '4111111111111111',
  card_expiry_mm: TEST_CARD_EXPIRY.mm,
  card_expiry_yy: TEST_CARD_EXPIRY.yy,
  card_cvv: '123',
};

describe('official cashfree-pg SDK', () => {
  test('create order → pay by card with OTP → verify → refund', async () => {
    const created = await official.PGCreateOrder({
      order_id: 'pg_order_card',
      order_amount: 499,
      order_currency: 'INR',
      customer_details: customer,
    });
    assert.equal(created.status, 200);
    assert.equal(created.data.order_status, 'ACTIVE');
    assert.equal(
      created.headers['x-api-version'],
      '2025-01-01',
      'its 2026-01-01 requests are answered in 2025-01-01 shapes',
    );

    const pay = await official.PGPayOrder({
      payment_session_id: created.data.payment_session_id as string,
      payment_method: { card },
    });
    assert.equal(pay.data.payment_method, 'card');
    assert.equal(pay.data.action, 'post');
    const cfPaymentId = pay.data.cf_payment_id as string;

    const otp = await official.PGOrderAuthenticatePayment(cfPaymentId, {
      otp: '111000',
      action: 'SUBMIT_OTP',
    });
    assert.equal(otp.data.authenticate_status, 'SUCCESS');

    assert.equal((await official.PGFetchOrder('pg_order_card')).data.order_status, 'PAID');
    const payments = (await official.PGOrderFetchPayments('pg_order_card')).data;
    assert.equal(payments.length, 1);
    assert.equal(payments[0]?.payment_status, 'SUCCESS');
    assert.equal((await official.PGOrderFetchPayment('pg_order_card', cfPaymentId)).data.payment_amount, 499);

    const refund = await official.PGOrderCreateRefund('pg_order_card', {
      refund_amount: 100,
      refund_id: 'pg_refund_1',
      refund_note: 'partial',
    });
    assert.equal(refund.data.refund_status, 'PENDING');
    sandbox.sandbox.advanceClock(10 * MINUTE);
    assert.equal(
      (await official.PGOrderFetchRefund('pg_order_card', 'pg_refund_1')).data.refund_status,
      'SUCCESS',
    );
    assert.equal((await official.PGOrderFetchRefunds('pg_order_card')).data.length, 1);
  });

  test('UPI collect to a test VPA resolves on its own; netbanking is moved by /simulate', async () => {
    const upiOrder = await official.PGCreateOrder({
      order_id: 'pg_order_upi',
      order_amount: 10,
      order_currency: 'INR',
      customer_details: customer,
    });
    const paid = nextEvent('PAYMENT_SUCCESS_WEBHOOK', 'pg_order_upi');
    const upi = await official.PGPayOrder({
      payment_session_id: upiOrder.data.payment_session_id as string,
      payment_method: { upi: { channel: 'collect', upi_id: 'success@cashfree' } },
    });
    assert.equal(upi.data.channel, 'collect');
    await paid;
    assert.equal((await official.PGFetchOrder('pg_order_upi')).data.order_status, 'PAID');

    const nbOrder = await official.PGCreateOrder({
      order_id: 'pg_order_nb',
      order_amount: 10,
      order_currency: 'INR',
      customer_details: customer,
    });
    const nb = await official.PGPayOrder({
      payment_session_id: nbOrder.data.payment_session_id as string,
      payment_method: { netbanking: { channel: 'link', netbanking_bank_code: 3333 } },
    });
    assert.match(nb.data.data?.url ?? '', new RegExp(`^${sandbox.url}/checkout/payments/`));
    const sim = await official.PGSimulatePayment({
      entity: 'PAYMENTS',
      entity_id: nb.data.cf_payment_id as string,
      entity_simulation: { payment_status: 'FAILED', payment_error_code: 'ISSUER_NOT_AVAILABLE' },
    });
    assert.match(sim.data.simulation_id ?? '', /^sim_/);
    const [failed] = (await official.PGOrderFetchPayments('pg_order_nb')).data;
    assert.equal(failed?.payment_status, 'FAILED');
    assert.equal(failed?.error_details?.error_code, 'ISSUER_NOT_AVAILABLE');
  });

  test('payment links: create, fetch, list orders, cancel', async () => {
    const created = await official.PGCreateLink({
      link_id: 'pg_link_1',
      link_amount: 250,
      link_currency: 'INR',
      link_purpose: 'Invoice 42',
      customer_details: { customer_phone: '9876543210', customer_name: 'Asha Rao' },
    });
    assert.equal(created.data.link_status, 'ACTIVE');
    assert.ok(created.data.link_url?.startsWith(`${sandbox.url}/links/`));
    assert.equal((await official.PGFetchLink('pg_link_1')).data.link_id, 'pg_link_1');
    assert.deepEqual((await official.PGLinkFetchOrders('pg_link_1', undefined, undefined, 'ALL')).data, []);
    assert.equal((await official.PGCancelLink('pg_link_1')).data.link_status, 'CANCELLED');
  });

  test('errors reach it as Cashfree-shaped HTTP errors', async () => {
    await assert.rejects(
      official.PGFetchOrder('pg_no_such_order'),
      (error: { response?: { status: number; data: { code: string } } }) => {
        assert.equal(error.response?.status, 404);
        assert.equal(error.response?.data.code, 'order_not_found');
        return true;
      },
    );
    const key = randomUUID();
    const body = {
      order_id: 'pg_order_idem',
      order_amount: 1,
      order_currency: 'INR',
      customer_details: customer,
    };
    const first = await official.PGCreateOrder(body, undefined, key);
    const again = await official.PGCreateOrder(body, undefined, key);
    assert.equal(again.headers['x-idempotency-replayed'], 'true');
    assert.equal(again.data.cf_order_id, first.data.cf_order_id);
  });
});

describe('cashfree-kit SDK', () => {
  test('create order → pay by card with OTP → verify → refund', async () => {
    const order = await ours.orders.create({
      order_id: 'kit_order_card',
      order_amount: 499,
      order_currency: 'INR',
      customer_details: customer,
    });
    assert.equal(order.order_status, 'ACTIVE');
    const pay = await ours.orders.pay({
      payment_session_id: order.payment_session_id ?? '',
      payment_method: { card },
    });
    const otp = await ours.orders.authenticate(String(pay.cf_payment_id), {
      otp: '111000',
      action: 'SUBMIT_OTP',
    });
    assert.equal(otp.authenticate_status, 'SUCCESS');
    assert.equal((await ours.orders.get('kit_order_card')).order_status, 'PAID');
    const [payment] = await ours.payments.list('kit_order_card');
    assert.equal(payment?.payment_status, 'SUCCESS');
    assert.equal((await ours.payments.get('kit_order_card', String(pay.cf_payment_id))).is_captured, true);

    const refund = await ours.refunds.create('kit_order_card', {
      refund_id: 'kit_refund_1',
      refund_amount: 499,
    });
    assert.equal(refund.refund_status, 'PENDING');
    sandbox.sandbox.advanceClock(10 * MINUTE);
    assert.equal((await ours.refunds.get('kit_order_card', 'kit_refund_1')).refund_status, 'SUCCESS');
    assert.equal((await ours.refunds.list('kit_order_card')).length, 1);
  });

  test('UPI collect and /simulate', async () => {
    const order = await ours.orders.create({
      order_id: 'kit_order_upi',
      order_amount: 10,
      order_currency: 'INR',
      customer_details: customer,
    });
    const failed = nextEvent('PAYMENT_FAILED_WEBHOOK', 'kit_order_upi');
    await ours.orders.pay({
      payment_session_id: order.payment_session_id ?? '',
      payment_method: { upi: { channel: 'collect', upi_id: 'failure@cashfree' } },
    });
    await failed;
    const [attempt] = await ours.payments.list('kit_order_upi');
    assert.equal(attempt?.payment_status, 'FAILED');
    assert.equal(attempt?.error_details?.error_code, 'TRANSACTION_DECLINED');

    const retry = await ours.orders.pay({
      payment_session_id: order.payment_session_id ?? '',
      payment_method: { netbanking: { channel: 'link', netbanking_bank_code: 3333 } },
    });
    const sim = await ours.simulations.create({
      entity: 'PAYMENTS',
      entity_id: String(retry.cf_payment_id),
      entity_simulation: { payment_status: 'SUCCESS' },
    });
    assert.equal(
      (await ours.simulations.get(String(sim.simulation_id))).entity_id,
      String(retry.cf_payment_id),
    );
    assert.equal((await ours.orders.get('kit_order_upi')).order_status, 'PAID');
  });

  test('payment links: create, fetch, list orders, cancel', async () => {
    const link = await ours.links.create({
      link_id: 'kit_link_1',
      link_amount: 250,
      link_currency: 'INR',
      link_purpose: 'Invoice 43',
      customer_details: { customer_phone: '9876543210' },
    });
    assert.ok(link.link_url?.startsWith(`${sandbox.url}/links/`));
    assert.equal((await ours.links.get('kit_link_1')).link_status, 'ACTIVE');
    assert.deepEqual(await ours.links.orders('kit_link_1', { status: 'ALL' }), []);
    assert.equal((await ours.links.cancel('kit_link_1')).link_status, 'CANCELLED');
  });

  // Moves the sandbox clock two days on: keep it after the flows that leave payments pending.
  test('settlements: an order awaits its T+1 cycle, then list and recon show the transfer', async () => {
    const order = await ours.orders.create({
      order_id: 'kit_order_settle',
      order_amount: 1000,
      order_currency: 'INR',
      customer_details: customer,
    });
    const pay = await ours.orders.pay({
      payment_session_id: order.payment_session_id ?? '',
      payment_method: { card },
    });
    await ours.orders.authenticate(String(pay.cf_payment_id), { otp: '111000', action: 'SUBMIT_OTP' });

    const pending = await ours.settlements.forOrder('kit_order_settle');
    assert.equal(pending.cf_settlement_id, null, 'not in a settlement before the cycle runs');
    assert.equal(pending.transfer_utr, null);
    assert.equal(pending.settlement_amount, 976.4, '₹1000 less 2% charge and 18% tax on it');

    const paidAt = Date.now();
    sandbox.sandbox.advanceClock(2 * 24 * 60 * MINUTE);
    const settled = await ours.settlements.forOrder('kit_order_settle');
    assert.ok(settled.cf_settlement_id, 'the cycle put the payment in a settlement');
    assert.ok(settled.transfer_utr);

    const summaries = await ours.settlements
      .list({
        filters: {
          start_date: new Date(paidAt - 24 * 60 * MINUTE).toISOString(),
          end_date: new Date(paidAt + 3 * 24 * 60 * MINUTE).toISOString(),
        },
      })
      .toArray();
    const summary = summaries.find((s) => s.cf_settlement_id === settled.cf_settlement_id);
    assert.ok(summary, 'POST /settlements lists the settlement that carried the order');
    assert.equal(summary.status, 'SUCCESS');
    assert.equal(summary.settlement_utr, settled.transfer_utr);
    assert.ok((summary.amount_settled ?? 0) >= 976.4, 'amount_settled covers the order');

    const events = await ours.settlements
      .recon({ filters: { cf_settlement_ids: [String(settled.cf_settlement_id)] } })
      .toArray();
    const payment = events.find((e) => e.order_details?.order_id === 'kit_order_settle');
    assert.equal(payment?.event_details?.event_type, 'PAYMENT');
    assert.equal(payment?.event_details?.event_settlement_amount, 976.4);
  });

  test('errors are typed', async () => {
    await assert.rejects(ours.orders.get('kit_no_such_order'), (error: unknown) => {
      assert.ok(isNotFoundError(error));
      assert.equal(error.code, 'order_not_found');
      assert.equal(error.status, 404);
      return true;
    });
  });
});
