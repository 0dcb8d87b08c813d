import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  generateSuiteSecret,
  secretSpellings,
} from '../../../../test/reliability/support/secret-spellings.mjs';
import type { SandboxAppInternals } from '../sandbox-app.js';
import { ApiRequestsTable } from '../store/api-requests.js';
import { openDatabase } from '../store/database.js';
import { harness } from '../testing/harness.js';
import { payoutCalls } from '../testing/payouts.js';
import { LOGGED_BODY_CHARS } from './request-log.js';

const internals = (h: ReturnType<typeof harness>) => (h.sandbox as SandboxAppInternals).context;

/** Every row of the log, newest first. */
function rows(h: ReturnType<typeof harness>) {
  const ctx = internals(h);
  ctx.store.requests.flush();
  return ctx.store.db.prepare('SELECT * FROM api_requests ORDER BY id DESC').all() as Array<
    Record<string, string | number | null>
  >;
}

describe('the API request log', () => {
  const h = harness();

  test('records each /pg call with its status, ids, latency, bodies and order', async () => {
    const order = await h.createOrder({ order_id: 'order_log_1' });
    await h.call('GET', '/pg/orders/order_log_1', undefined, { 'x-request-id': 'req-log-1' });
    await h.call(
      'POST',
      '/pg/orders/order_log_1/refunds',
      { refund_id: 'r1', refund_amount: 1 },
      {
        'x-idempotency-key': 'idem-log-1',
      },
    );
    const [refund, get, create] = rows(h);
    assert.equal(create?.['method'], 'POST');
    assert.equal(create?.['path'], '/pg/orders');
    assert.equal(create?.['status'], 200);
    assert.equal(create?.['order_id'], 'order_log_1');
    assert.match(String(create?.['request_body']), /"order_amount":100/);
    assert.match(String(create?.['response_body']), new RegExp(order.payment_session_id));
    assert.equal(typeof create?.['latency_ms'], 'number');
    assert.equal(get?.['request_id'], 'req-log-1');
    assert.equal(get?.['order_id'], 'order_log_1');
    // An unpaid order has nothing to refund: the refusal is logged like a success.
    assert.equal(refund?.['status'], 400);
    assert.equal(refund?.['idempotency_key'], 'idem-log-1');
    assert.equal(refund?.['order_id'], 'order_log_1');
  });

  test('keeps the calls the checks refuse (401, unknown paths) and links Order Pay and OTP to their order', async () => {
    await h.call('GET', '/pg/orders/order_log_1', undefined, { 'x-client-secret': 'wrong-secret' });
    await h.call('GET', '/pg/not-an-endpoint');
    const [unknown, refused] = rows(h);
    assert.equal(refused?.['status'], 401);
    assert.equal(refused?.['order_id'], 'order_log_1');
    assert.equal(unknown?.['status'], 404);
    assert.equal(unknown?.['path'], '/pg/not-an-endpoint');

    const paid = await h.paidOrder({ order_id: 'order_log_paid' });
    const mine = rows(h)
      .filter((r) => r['order_id'] === paid.order_id)
      .map((r) => r['path']);
    assert.ok(mine.includes('/pg/orders/sessions'), 'Order Pay is linked by its session');
    assert.ok(
      mine.some((p) => String(p).startsWith('/pg/orders/pay/authenticate/')),
      'the OTP submission is linked by its payment',
    );
  });

  test('records /payout calls too', async () => {
    const p = payoutCalls(h);
    await p.call('GET', '/beneficiary?beneficiary_id=nobody');
    const [last] = rows(h);
    assert.equal(last?.['path'], '/payout/beneficiary?beneficiary_id=nobody');
    assert.equal(last?.['status'], 404);
  });

  test('cuts a large body', async () => {
    // Refused (too long a note) and logged like any call, its body cut.
    await h.call('POST', '/pg/orders', {
      order_id: 'order_log_big',
      order_note: 'x'.repeat(LOGGED_BODY_CHARS),
    });
    const [big] = rows(h);
    assert.ok(String(big?.['request_body']).length < LOGGED_BODY_CHARS + 100);
    assert.match(String(big?.['request_body']), /more characters not kept/);
  });
});

describe('the request log never stores a client secret', () => {
  const secret = generateSuiteSecret();
  const payoutSecret = generateSuiteSecret();
  const h = harness({ secretKey: secret, payouts: { clientSecret: payoutSecret } });

  test('in any spelling, wherever a caller put it', async () => {
    const pg = secretSpellings(secret);
    const payouts = secretSpellings(payoutSecret);
    // Where a careless client could put it: the header (every call), a query string, a body, a
    // request id, an idempotency key; and a wrong secret's error answer.
    await h.createOrder({ order_id: 'order_secret_1' });
    // Refused (too long a note), so the answer echoes the secrets back: the log must not keep them.
    await h.call('POST', '/pg/orders', {
      order_id: 'order_secret_2',
      order_note: `${pg['JSON-escaped']} ${pg['base64']} ${pg['hex']} ${pg['base64url']}`,
    });
    await h.call(
      'GET',
      `/pg/orders/order_secret_1?s=${pg['URL-encoded']}&f=${pg['form-encoded']}`,
      undefined,
      {
        'x-request-id': secret,
        authorization: `Basic ${Buffer.from(`id:${secret}`).toString('base64')}`,
      },
    );
    await h.call(
      'POST',
      '/pg/orders/order_secret_1/refunds',
      { refund_id: secret, refund_amount: 1 },
      {
        'x-idempotency-key': pg['hex'] ?? '',
      },
    );
    await payoutCalls(h).call('GET', `/beneficiary?beneficiary_id=${payouts['URL-encoded']}`, undefined, {
      'x-client-secret': payoutSecret,
    });
    const logged = rows(h);
    assert.ok(logged.length >= 4);
    const pages = await Promise.all(
      [
        '/_sandbox/',
        '/_sandbox/requests',
        '/_sandbox/orders/order_secret_1',
        ...logged.map((r) => `/_sandbox/requests/${r['id']}`),
      ].map(async (path) => (await h.sandbox.request(path)).text()),
    );
    const texts = [...logged.map((r) => JSON.stringify(r)), ...pages];
    for (const [name, spelled] of [...Object.entries(pg), ...Object.entries(payouts)]) {
      for (const text of texts) assert.ok(!text.includes(spelled), `the secret ${name} is not kept or shown`);
    }
    const headers = JSON.parse(String(logged.at(-1)?.['request_headers'])) as Record<string, string>;
    assert.equal(headers['x-client-secret'], '(sent, not stored)');
    assert.ok(pages.some((p) => p.includes('[secret removed]')));
  });
});

test('the log keeps the newest N requests', async () => {
  const db = openDatabase(':memory:');
  try {
    const log = new ApiRequestsTable(db, 5);
    const at = (n: number) => ({
      at: n,
      method: 'GET',
      path: `/pg/orders/o${n}`,
      status: 200,
      latency_ms: 1,
      request_id: null,
      idempotency_key: null,
      replayed: 0 as const,
      order_id: `o${n}`,
      request_headers: '{}',
      request_body: null,
      response_body: null,
    });
    for (let n = 1; n <= 12; n++) {
      log.record(() => at(n));
      if (n % 4 === 0) log.flush();
    }
    assert.equal(log.count(), 5);
    const kept = db.prepare('SELECT at FROM api_requests ORDER BY id').all() as Array<{ at: number }>;
    assert.deepEqual(
      kept.map((r) => r.at),
      [8, 9, 10, 11, 12],
    );
  } finally {
    db.close();
  }
});

test('a sandbox keeps its newest 1,000 requests', async () => {
  const h = harness();
  const log = internals(h).store.requests;
  for (let n = 0; n < log.keep + 5; n++) await h.call('GET', `/pg/orders/prune_${n}`);
  assert.equal(log.count(), log.keep);
  assert.equal(log.byOrder('prune_4', 1).length, 0, 'the oldest went');
  assert.equal(log.byOrder('prune_5', 1).length, 1);
  assert.equal(log.byOrder(`prune_${log.keep + 4}`, 1).length, 1);
});
