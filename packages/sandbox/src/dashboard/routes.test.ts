import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startLoopbackServer } from '../../../../test/support/loopback-server.js';
import { DEFAULT_SECRET_KEY } from '../options.js';
import type { SandboxAppInternals } from '../sandbox-app.js';
import { harness } from '../testing/harness.js';
import type { DeliveryView } from '../webhooks/views.js';

const h = harness();
const custom = harness({ secretKey: 'cfsk_ma_test_brought_by_the_user' });

async function html(path: string, sandbox = h.sandbox) {
  const res = await sandbox.request(path);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    location: res.headers.get('location'),
    text: await res.text(),
  };
}

test('the home page lists credentials with copy buttons, the clock and its advance buttons', async () => {
  for (const path of ['/_sandbox', '/_sandbox/']) {
    const home = await html(path);
    assert.equal(home.status, 200);
    assert.match(home.type ?? '', /text\/html/);
    assert.ok(home.text.includes('http://sandbox.test/pg'));
    assert.ok(home.text.includes(h.sandbox.appId));
    assert.ok(home.text.includes(DEFAULT_SECRET_KEY), 'the built-in test key is shown');
    assert.match(home.text, /data-action="copy" data-label="Secret key"/);
    assert.match(home.text, /data-action="advance" data-ms="60000"/);
    assert.match(home.text, /15 Jan 2025, 10:00:00 IST \(frozen\)/);
  }
  const other = await html('/_sandbox/', custom.sandbox);
  assert.ok(!other.text.includes('cfsk_ma_test_brought_by_the_user'), 'a key from the user is never shown');
  assert.match(other.text, /from your environment \(not shown\)/);
});

test('the JSON admin API keeps its routes beside the dashboard', async () => {
  const state = await h.sandbox.request('/_sandbox/state');
  assert.match(state.headers.get('content-type') ?? '', /application\/json/);
  assert.ok('counts' in ((await state.json()) as object));
  const health = await h.call('GET', '/_sandbox/health');
  assert.equal(health.body.status, 'ok');
});

test('an order page shows payments, refunds and webhook deliveries with request and response, escaped', async (t) => {
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.end('<b>thanks</b>');
  });
  const order = await h.paidOrder({
    order_id: 'order_dash_1',
    order_note: '<img src=x onerror=alert(1)>',
    customer_details: {
      customer_id: 'cust_dash',
      customer_phone: '9876543210',
      customer_name: '<script>alert(1)</script>',
    },
    order_meta: { notify_url: `${receiver.url}/hook` },
  });
  await h.call('POST', `/pg/orders/${order.order_id}/refunds`, {
    refund_id: 'refund_dash_1',
    refund_amount: 10,
  });
  await (h.sandbox as SandboxAppInternals).webhooks.whenIdle();

  const page = await html('/_sandbox/orders/order_dash_1');
  assert.equal(page.status, 200);
  assert.ok(!page.text.includes('<script>alert(1)'), 'customer data never becomes markup');
  assert.ok(!page.text.includes('<img src=x'));
  assert.ok(page.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.match(page.text, /data-testid="payments"/);
  assert.match(page.text, /refund_dash_1/);
  assert.match(page.text, /PAYMENT_SUCCESS_WEBHOOK/);
  assert.match(page.text, /x-webhook-signature/);
  assert.ok(page.text.includes('&lt;b&gt;thanks&lt;/b&gt;'), 'the response body is shown, escaped');
  assert.match(page.text, /data-action="resend"/);

  const [delivery] = (await h.call('GET', '/_sandbox/webhooks/deliveries?order_id=order_dash_1')).body
    .data as DeliveryView[];
  assert.ok(delivery);
  const one = await html(`/_sandbox/deliveries/${delivery.id}`);
  assert.equal(one.status, 200);
  assert.ok(one.text.includes(delivery.id));
  assert.equal((await html('/_sandbox/orders/nope')).status, 404);
});

test('search finds orders, payments, links, deliveries and sessions by id', async () => {
  const order = await h.paidOrder({ order_id: 'order_dash_2' });
  const payment = (await h.call('GET', '/pg/orders/order_dash_2/payments')).body[0];
  await h.call('POST', '/pg/links', {
    link_id: 'link_dash_1',
    link_amount: 5,
    link_currency: 'INR',
    link_purpose: 'Dashboard',
    customer_details: { customer_phone: '9876543210' },
  });
  const cases = [
    ['order_dash_2', '/_sandbox/orders/order_dash_2'],
    [payment.cf_payment_id, '/_sandbox/orders/order_dash_2'],
    [order.cf_order_id, '/_sandbox/orders/order_dash_2'],
    [order.payment_session_id, '/_sandbox/orders/order_dash_2'],
    ['link_dash_1', '/_sandbox/links/link_dash_1'],
  ];
  for (const [q, target] of cases) {
    const res = await html(`/_sandbox/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 303, q);
    assert.equal(res.location, target, q);
  }
  const link = await html('/_sandbox/links/link_dash_1');
  assert.match(link.text, /\/links\/[a-z0-9]{12}/);
  const missing = await html('/_sandbox/search?q=%3Cscript%3Ex');
  assert.equal(missing.status, 404);
  assert.ok(missing.text.includes('Nothing on this sandbox has the id &lt;script&gt;x'));
});
