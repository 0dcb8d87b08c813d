import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { harness } from '../testing/harness.js';

const h = harness();
const order = (id: string) => ({
  order_id: id,
  order_amount: 100,
  order_currency: 'INR',
  customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
});

describe('response headers', () => {
  test('every /pg response carries x-api-version and x-ratelimit-*, and echoes x-request-id', async () => {
    for (const res of [
      await h.call('POST', '/pg/orders', order('order_hdr_1'), { 'x-request-id': 'req-123' }),
      await h.call('GET', '/pg/orders/missing', undefined, { 'x-request-id': 'req-123' }),
      await h.call('GET', '/pg/unknown/route', undefined, { 'x-request-id': 'req-123' }),
    ]) {
      assert.equal(res.headers.get('x-api-version'), '2025-01-01');
      assert.equal(res.headers.get('x-request-id'), 'req-123');
      assert.match(res.headers.get('x-ratelimit-limit') ?? '', /^\d+$/);
      assert.match(res.headers.get('x-ratelimit-remaining') ?? '', /^\d+$/);
      assert.equal(res.headers.get('x-ratelimit-retry'), '0');
      assert.equal(res.headers.get('x-ratelimit-type'), 'app_id');
    }
    const pay = await h.call('POST', '/pg/orders/sessions', {
      payment_session_id: 'session_x',
      payment_method: {},
    });
    assert.equal(pay.headers.get('x-ratelimit-type'), 'ip');
  });

  test('unknown /pg routes answer Cashfree-shaped JSON 404, never HTML', async () => {
    const res = await h.call('DELETE', '/pg/orders/x/everything');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.equal(res.body.message, 'bad URL, please check API documentation');
    assert.equal(res.body.code, 'request_failed');
    assert.equal(res.body.type, 'invalid_request_error');
    const outside = await h.call('GET', '/nothing-here');
    assert.equal(outside.status, 404);
    assert.match(outside.body.message, /^\[cashfree-sandbox\]/);
  });
});

describe('authentication', () => {
  test('missing or wrong keys are 401 authentication_error without echoing the secret', async () => {
    const variants: Array<Record<string, string>> = [
      { 'x-client-id': '', 'x-client-secret': '' },
      { 'x-client-id': h.sandbox.appId, 'x-client-secret': 'wrong-secret' },
      { 'x-client-id': 'TEST_other', 'x-client-secret': h.sandbox.secretKey },
    ];
    for (const headers of variants) {
      const res = await h.call('GET', '/pg/orders/any', undefined, headers);
      assert.equal(res.status, 401);
      assert.equal(res.body.message, 'authentication Failed');
      assert.equal(res.body.code, 'request_failed');
      assert.equal(res.body.type, 'authentication_error');
      assert.match(res.body.help, /\[cashfree-sandbox\]/);
      assert.ok(!JSON.stringify(res.body).includes(h.sandbox.secretKey));
    }
    const none = await h.sandbox.request('/pg/orders/any', { headers: { 'x-api-version': '2025-01-01' } });
    assert.equal(none.status, 401);
  });

  test('Order Pay and OTP submission need no API keys', async () => {
    const res = await h.call(
      'POST',
      '/pg/orders/sessions',
      { payment_session_id: 'session_nope', payment_method: { upi: { channel: 'link' } } },
      {
        'x-client-id': '',
        'x-client-secret': '',
      },
    );
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'payment_session_id_invalid');
  });
});

describe('x-api-version', () => {
  test('missing is 400 version_missing; unknown is 400 version_invalid', async () => {
    const missing = await h.call('GET', '/pg/orders/x', undefined, { 'x-api-version': '' });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.code, 'version_missing');
    assert.equal(missing.body.message, 'x-api-version : is missing in the request. Value received: ');
    assert.equal(missing.body.type, 'invalid_request_error');
    for (const v of ['2024-13-01', '2021-05-21', 'latest']) {
      const res = await h.call('GET', '/pg/orders/x', undefined, { 'x-api-version': v });
      assert.equal(res.status, 400);
      assert.equal(res.body.code, 'version_invalid');
      assert.equal(res.body.message, `x-api-version : is not a supported API version. Value received: ${v}`);
    }
  });

  test('the versions official SDKs send are answered in the 2025-01-01 shapes', async () => {
    for (const v of ['2025-01-01', '2026-01-01', '2023-08-01', '2022-09-01', '2022-01-01']) {
      const res = await h.call('POST', '/pg/orders', order(`order_v_${v}`), { 'x-api-version': v });
      assert.equal(res.status, 200, v);
      assert.equal(typeof res.body.cf_order_id, 'string');
      assert.equal(res.headers.get('x-api-version'), '2025-01-01');
    }
  });
});

describe('x-idempotency-key', () => {
  test('the same key and body replays the stored response without repeating the change', async () => {
    const key = randomUUID();
    const first = await h.call('POST', '/pg/orders', order('order_idem_1'), { 'x-idempotency-key': key });
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('x-idempotency-replayed'), 'false');
    assert.equal(first.headers.get('x-idempotency-key'), key);
    const second = await h.call('POST', '/pg/orders', order('order_idem_1'), { 'x-idempotency-key': key });
    assert.equal(second.status, 200, 'a replay, not 409 order_already_exists');
    assert.equal(second.headers.get('x-idempotency-replayed'), 'true');
    assert.deepEqual(second.body, first.body);
  });

  test('the same key with another body is 422 idempotency_error', async () => {
    const key = randomUUID();
    await h.call('POST', '/pg/orders', order('order_idem_2'), { 'x-idempotency-key': key });
    const res = await h.call('POST', '/pg/orders', order('order_idem_3'), { 'x-idempotency-key': key });
    assert.equal(res.status, 422);
    assert.equal(res.body.type, 'idempotency_error');
    assert.equal(res.body.code, 'idempotency_key_mismatch');
    assert.equal((await h.call('GET', '/pg/orders/order_idem_3')).status, 404, 'nothing was created');
  });

  test('keys are per endpoint: one key on two endpoints is two requests', async () => {
    const key = randomUUID();
    const created = await h.call('POST', '/pg/orders', order('order_idem_6'), { 'x-idempotency-key': key });
    assert.equal(created.status, 200);
    const link = await h.call(
      'POST',
      '/pg/links',
      {
        link_id: 'link_idem_6',
        link_amount: 10,
        link_currency: 'INR',
        link_purpose: 'Same key, other endpoint',
        customer_details: { customer_phone: '9876543210' },
      },
      { 'x-idempotency-key': key },
    );
    assert.equal(link.status, 200, 'not 422: the key was used on another endpoint');
    assert.equal(link.headers.get('x-idempotency-replayed'), 'false');
    assert.equal(link.body.link_id, 'link_idem_6');
  });

  test('errors are stored and replayed too, as Cashfree does', async () => {
    const key = randomUUID();
    const bad = { ...order('order_idem_4'), order_currency: 'XYZ' };
    const first = await h.call('POST', '/pg/orders', bad, { 'x-idempotency-key': key });
    const second = await h.call('POST', '/pg/orders', bad, { 'x-idempotency-key': key });
    assert.equal(first.status, 400);
    assert.equal(second.status, 400);
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.get('x-idempotency-replayed'), 'true');
  });

  test('keys are valid for 24 hours on the sandbox clock', async () => {
    const key = randomUUID();
    await h.call('POST', '/pg/orders', order('order_idem_5'), { 'x-idempotency-key': key });
    await h.advance(24 * 3_600_000);
    const res = await h.call('POST', '/pg/orders', order('order_idem_5'), { 'x-idempotency-key': key });
    assert.equal(res.status, 409, 'the key expired, so the request runs again');
  });
});

describe('request bodies', () => {
  test('a body that is not JSON is a 400 naming the problem', async () => {
    const res = await h.call('POST', '/pg/orders', '{"order_amount": ');
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'request_body_invalid');
    assert.match(res.body.message, /^request body : is not valid JSON/);
  });
});

describe('rate limits', () => {
  test('off by default: headers count down but nothing is refused', async () => {
    let last: Awaited<ReturnType<typeof h.call>> | undefined;
    for (let i = 0; i < 35; i++) last = await h.call('GET', '/pg/orders/order_hdr_1/payments');
    assert.equal(last?.status, 200);
    assert.equal(last?.headers.get('x-ratelimit-remaining'), '0');
  });

  test("'cashfree-sandbox' answers 429 once the sandbox limit per minute is used", async () => {
    const limited = harness({ rateLimits: 'cashfree-sandbox' });
    let res = await limited.call('GET', '/pg/orders/x/payments');
    assert.equal(res.headers.get('x-ratelimit-limit'), '30');
    assert.equal(res.headers.get('x-ratelimit-remaining'), '29');
    for (let i = 1; i < 30; i++) res = await limited.call('GET', '/pg/orders/x/payments');
    assert.equal(res.status, 404);
    res = await limited.call('GET', '/pg/orders/x/payments');
    assert.equal(res.status, 429);
    assert.equal(res.body.type, 'rate_limit_error');
    assert.equal(res.body.code, 'request_failed');
    assert.equal(res.headers.get('x-ratelimit-remaining'), '0');
    assert.match(res.headers.get('x-ratelimit-retry') ?? '', /^([1-9]|[1-5]\d)$/);
    assert.ok(res.headers.get('retry-after'));
    const other = await limited.call('GET', '/pg/orders/x', undefined);
    assert.equal(other.status, 404, 'other APIs have their own budget');
    await limited.call('POST', '/_sandbox/reset');
  });
});
