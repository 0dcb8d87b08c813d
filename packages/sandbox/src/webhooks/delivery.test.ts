import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { verifyWebhook } from 'cashfree-kit/webhooks';
import { startLoopbackServer } from '../../../../test/support/loopback-server.js';
import { MINUTE_MS } from '../clock/time.js';
import { createSandboxApp, type SandboxAppInternals } from '../sandbox-app.js';
import { CARD, type Harness, harness, START } from '../testing/harness.js';
import type { DeliveryView } from './views.js';

const cashfreeSchedule = harness();
const customSchedule = harness({ webhookRetrySchedule: [1_000, 2_000], webhookTimeoutMs: 300 });
const oldVersion = harness({ webhookVersion: '2023-08-01' });

const webhooksOf = (h: Harness) => (h.sandbox as SandboxAppInternals).webhooks;

async function payByCard(h: Harness, orderId: string, notifyUrl: string, card = CARD) {
  const order = await h.createOrder({ order_id: orderId, order_meta: { notify_url: notifyUrl } });
  const paid = await h.pay(order.payment_session_id, card);
  const otp = await h.call('POST', `/pg/orders/pay/authenticate/${paid.body.cf_payment_id}`, {
    action: 'SUBMIT_OTP',
    otp: '111000',
  });
  assert.equal(otp.status, 200);
  return order;
}

async function deliveriesOf(h: Harness, orderId: string): Promise<DeliveryView[]> {
  const res = await h.call('GET', `/_sandbox/webhooks/deliveries?order_id=${orderId}`);
  assert.equal(res.status, 200);
  return res.body.data;
}

test('a payment outcome is POSTed to notify_url, signed with the secret key, with Cashfree headers', async (t) => {
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.end('received');
  });
  await payByCard(cashfreeSchedule, 'order_dl_1', `${receiver.url}/webhooks/cashfree`);
  await webhooksOf(cashfreeSchedule).whenIdle();

  assert.equal(receiver.requests.length, 1);
  const request = receiver.requests[0]!;
  assert.equal(request.method, 'POST');
  assert.equal(request.url, '/webhooks/cashfree');
  assert.equal(request.headers['content-type'], 'application/json');
  assert.equal(request.headers['x-webhook-version'], '2025-01-01');
  assert.equal(request.headers['x-webhook-attempt'], '1');
  assert.match(String(request.headers['x-webhook-timestamp']), /^\d{13}$/);
  assert.ok(request.headers['x-idempotency-key']);
  const event = await verifyWebhook({
    rawBody: request.body,
    signature: request.headers['x-webhook-signature'] as string,
    timestamp: request.headers['x-webhook-timestamp'] as string,
    secret: cashfreeSchedule.sandbox.secretKey,
  });
  assert.equal(event.type, 'PAYMENT_SUCCESS_WEBHOOK');

  const [delivery] = await deliveriesOf(cashfreeSchedule, 'order_dl_1');
  assert.ok(delivery);
  assert.equal(delivery.status, 'delivered');
  assert.equal(delivery.endpoint_id, null);
  assert.equal(delivery.request.body, request.body, 'the recorded body is the bytes sent');
  assert.equal(delivery.request.headers['x-webhook-signature'], request.headers['x-webhook-signature']);
  assert.equal(delivery.attempts.length, 1);
  assert.equal(delivery.attempts[0]?.status_code, 200);
  assert.equal(delivery.attempts[0]?.response_body, 'received');
  assert.equal(delivery.attempts[0]?.at, '2025-01-15T10:00:00+05:30');
  assert.ok(delivery.attempts[0]!.latency_ms >= 0);
});

test('webhookVersion 2023-08-01 sends that version, without x-idempotency-key', async (t) => {
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.end();
  });
  await payByCard(oldVersion, 'order_dl_old', `${receiver.url}/hook`);
  await webhooksOf(oldVersion).whenIdle();
  const request = receiver.requests[0]!;
  assert.equal(request.headers['x-webhook-version'], '2023-08-01');
  assert.equal(request.headers['x-idempotency-key'], undefined);
  assert.ok(!('terminal_details' in JSON.parse(request.body).data));
});

test('failed attempts are retried 2, 10 and 30 minutes later on the sandbox clock, then the delivery fails', async (t) => {
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.statusCode = 503;
    res.end('try later');
  });
  await payByCard(cashfreeSchedule, 'order_dl_2', `${receiver.url}/hook`);
  const hooks = webhooksOf(cashfreeSchedule);
  await hooks.whenIdle();
  let [delivery] = await deliveriesOf(cashfreeSchedule, 'order_dl_2');
  assert.equal(delivery?.status, 'pending');
  assert.equal(delivery?.attempts.length, 1);
  assert.equal(delivery?.attempts[0]?.status_code, 503);
  assert.equal(delivery?.next_attempt_at, '2025-01-15T10:02:00+05:30');

  // Nothing is retried before its time on the sandbox clock.
  await cashfreeSchedule.advance(MINUTE_MS);
  await hooks.whenIdle();
  assert.equal(receiver.requests.length, 1);

  const expected = [
    { advance: MINUTE_MS, next: '2025-01-15T10:12:00+05:30' },
    { advance: 10 * MINUTE_MS, next: '2025-01-15T10:42:00+05:30' },
    { advance: 30 * MINUTE_MS, next: null },
  ];
  for (const step of expected) {
    await cashfreeSchedule.advance(step.advance);
    await hooks.whenIdle();
    [delivery] = await deliveriesOf(cashfreeSchedule, 'order_dl_2');
    assert.equal(delivery?.next_attempt_at, step.next);
  }
  assert.equal(delivery?.status, 'failed');
  assert.deepEqual(
    receiver.requests.map((r) => r.headers['x-webhook-attempt']),
    ['1', '2', '3', '4'],
  );
  assert.equal(new Set(receiver.requests.map((r) => r.headers['x-idempotency-key'])).size, 1);
  assert.equal(new Set(receiver.requests.map((r) => r.body)).size, 1, 'every retry sends the same body');
  assert.deepEqual(
    delivery?.attempts.map((a) => [a.attempt, a.at, a.status_code]),
    [
      [1, '2025-01-15T10:00:00+05:30', 503],
      [2, '2025-01-15T10:02:00+05:30', 503],
      [3, '2025-01-15T10:12:00+05:30', 503],
      [4, '2025-01-15T10:42:00+05:30', 503],
    ],
  );
  await cashfreeSchedule.advance(60 * MINUTE_MS);
  await hooks.whenIdle();
  assert.equal(receiver.requests.length, 4, 'a failed delivery is not retried again');
});

test('a redirect is a failure, a later 2xx delivers, and a timeout is recorded as an error', async (t) => {
  let calls = 0;
  const receiver = await startLoopbackServer(t, async (req, res) => {
    calls++;
    if (req.url === '/slow' && calls === 1) return; // never answers: the 300 ms timeout ends it
    if (calls === 2) {
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
      return;
    }
    res.end('ok');
  });
  await payByCard(customSchedule, 'order_dl_3', `${receiver.url}/slow`);
  const hooks = webhooksOf(customSchedule);
  await hooks.whenIdle();
  await customSchedule.advance(1_000);
  await hooks.whenIdle();
  await customSchedule.advance(2_000);
  await hooks.whenIdle();
  const [delivery] = await deliveriesOf(customSchedule, 'order_dl_3');
  assert.equal(delivery?.status, 'delivered');
  assert.deepEqual(
    delivery?.attempts.map((a) => a.status_code),
    [null, 302, 200],
  );
  assert.match(delivery?.attempts[0]?.error ?? '', /timeout/);
});

test('API responses never wait for delivery; a hung receiver does not hold the request', async (t) => {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let arrived: () => void = () => {};
  const hasArrived = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const receiver = await startLoopbackServer(t, async (_req, res) => {
    arrived();
    await released;
    res.end('late');
  });
  await payByCard(cashfreeSchedule, 'order_dl_4', `${receiver.url}/hook`);
  // The payment answered while its webhook is still on its way.
  await hasArrived;
  let [delivery] = await deliveriesOf(cashfreeSchedule, 'order_dl_4');
  assert.equal(delivery?.status, 'pending');
  assert.equal(delivery?.attempts.length, 0);
  release();
  await webhooksOf(cashfreeSchedule).whenIdle();
  [delivery] = await deliveriesOf(cashfreeSchedule, 'order_dl_4');
  assert.equal(delivery?.status, 'delivered');
});

test('restarts lose nothing: events not yet fanned out and attempts in flight are sent by the next start', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cfk-webhooks-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'sandbox.db');
  let hang = true;
  let arrived: () => void = () => {};
  const firstArrived = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const receiver = await startLoopbackServer(t, (_req, res) => {
    if (hang) {
      arrived();
      return; // holds the attempt in flight
    }
    res.end('ok');
  });
  const open = () => {
    const s = createSandboxApp({ db, clock: { startAt: START, frozen: true } }) as SandboxAppInternals;
    t.after(() => s.close());
    return s;
  };
  const api = (s: SandboxAppInternals, method: string, path: string, body?: unknown) =>
    Promise.resolve(
      s.request(path, {
        method,
        headers: {
          'x-api-version': '2025-01-01',
          'x-client-id': s.appId,
          'x-client-secret': s.secretKey,
          'content-type': 'application/json',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    ).then(async (r) => {
      const json = (await r.json()) as Record<string, string>;
      assert.ok(r.status < 300, `${method} ${path}: ${JSON.stringify(json)}`);
      return json;
    });
  const pay = async (s: SandboxAppInternals, orderId: string) => {
    const order = await api(s, 'POST', '/pg/orders', {
      order_id: orderId,
      order_amount: 10,
      order_currency: 'INR',
      customer_details: { customer_id: 'cust_restart', customer_phone: '9876543210' },
      order_meta: { notify_url: `${receiver.url}/${orderId}` },
    });
    const attempt = await api(s, 'POST', '/pg/orders/sessions', {
      payment_session_id: order['payment_session_id'],
      payment_method: CARD,
    });
    await api(s, 'POST', `/pg/orders/pay/authenticate/${attempt['cf_payment_id']}`, {
      action: 'SUBMIT_OTP',
      otp: '111000',
    });
  };

  // First run: one attempt is in flight when the sandbox stops …
  const first = open();
  await pay(first, 'order_restart_1');
  await firstArrived;
  // … and delivery of another event never started (the process died before its fan-out).
  await first.webhooks.close();
  await pay(first, 'order_restart_2');
  first.close();

  hang = false;
  const second = open();
  await second.webhooks.whenIdle();
  const delivered = receiver.requests.filter((r) => r.headers['x-webhook-attempt'] === '1');
  // Both are sent at once after the restart, so they may arrive in either order.
  assert.deepEqual(
    delivered.map((r) => r.url).sort(),
    ['/order_restart_1', '/order_restart_1', '/order_restart_2'],
    'the aborted attempt is sent again, and the event that had no delivery yet gets one',
  );
  const list = (await (await second.request('/_sandbox/webhooks/deliveries')).json()) as {
    data: DeliveryView[];
  };
  assert.deepEqual(
    list.data.map((d) => [d.order_id, d.status, d.attempts.length]),
    [
      ['order_restart_1', 'delivered', 1],
      ['order_restart_2', 'delivered', 1],
    ],
  );
});

test('reset deletes deliveries but keeps registered endpoints', async (t) => {
  const h = customSchedule;
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.end();
  });
  const endpoint = await h.call('POST', '/_sandbox/webhooks/endpoints', { url: `${receiver.url}/ep` });
  await payByCard(h, 'order_dl_reset', `${receiver.url}/hook`);
  await webhooksOf(h).whenIdle();
  assert.equal((await deliveriesOf(h, 'order_dl_reset')).length, 2);
  await h.call('POST', '/_sandbox/reset');
  assert.equal((await h.call('GET', '/_sandbox/webhooks/deliveries')).body.data.length, 0);
  const endpoints = (await h.call('GET', '/_sandbox/webhooks/endpoints')).body.data;
  assert.deepEqual(
    endpoints.map((e: { id: string }) => e.id),
    [endpoint.body.id],
  );
  // Events after the reset are delivered again (the fan-out cursor restarted with the outbox).
  await payByCard(h, 'order_dl_reset', `${receiver.url}/hook`);
  await webhooksOf(h).whenIdle();
  assert.deepEqual(
    (await deliveriesOf(h, 'order_dl_reset')).map((d) => d.status),
    ['delivered', 'delivered'],
  );
  await h.call('DELETE', `/_sandbox/webhooks/endpoints/${endpoint.body.id}`);
});
