/**
 * Nothing is lost while the merchant's endpoint is down: deliveries fail and are recorded, the
 * endpoint comes back on the same port, the sandbox clock is advanced from the dashboard (Cashfree's
 * first retry is 2 minutes later), and every event arrives once, verified.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DeliveryView, TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import { openPage, requireChromium, screenshot } from './support/browser.js';
import { browserSuite, sandboxClient } from './support/suite.js';
import { waitFor } from './support/webhook-receiver.js';
import { startFlakyEndpoint } from './webhook-retries.example.js';

// Cashfree's own schedule (2, 10, 30 minutes): the test moves the sandbox clock instead of waiting.
const suite = browserSuite((sandbox) => startFlakyEndpoint(sandbox.secretKey), {
  webhookRetrySchedule: 'cashfree',
});

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${suite.sandbox.url}/_sandbox/webhooks${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

test('an endpoint that was down gets every event once the schedule retries', {
  timeout: 60_000,
}, async (t) => {
  const browser = suite.browser;
  if (!requireChromium(t, browser)) return;
  const registered = await admin<{ id: string }>('POST', '/endpoints', { url: suite.app.url });
  await suite.app.stop();

  const cashfree = sandboxClient(suite.sandbox);
  const payByCard = async (cardNumber: string) => {
    const order = await cashfree.orders.create({
      order_amount: 99,
      order_currency: 'INR',
      customer_details: { customer_id: 'cust_retry', customer_phone: '9876543210' },
    });
    const attempt = await cashfree.orders.pay({
      payment_session_id: order.payment_session_id!,
      payment_method: {
        card: {
          channel: 'post',
          card_number: cardNumber,
          card_expiry_mm: TEST_CARD_EXPIRY.mm,
          card_expiry_yy: TEST_CARD_EXPIRY.yy,
          card_cvv: '123',
        },
      },
    });
    await cashfree.orders.authenticate(String(attempt.cf_payment_id), {
      action: 'SUBMIT_OTP',
      otp: '111000',
    });
    return order.order_id;
  };
  const paid = await payByCard('4111111111111111');
  const declined = await payByCard('4111111111111112');

  const failedOnce = await waitFor('both deliveries to fail once', async () => {
    const { data } = await admin<{ data: DeliveryView[] }>('GET', `/deliveries?endpoint_id=${registered.id}`);
    return data.length === 2 && data.every((d) => d.attempts.length === 1) ? data : undefined;
  });
  for (const delivery of failedOnce) {
    assert.equal(delivery.status, 'pending');
    assert.equal(delivery.attempts[0]?.status_code, null);
    assert.match(delivery.attempts[0]?.error ?? '', /ECONNREFUSED/);
    assert.ok(delivery.next_attempt_at, 'a retry is scheduled');
  }
  assert.equal(suite.app.received.length, 0);

  await suite.app.restart();
  const { page } = await openPage(t, browser, 1280);
  await page.goto(`${suite.sandbox.url}/_sandbox/`);
  assert.equal(await page.locator('[data-testid=deliveries] .badge.pending').count(), 2);
  await screenshot(page, 'dashboard-retries-pending');
  // Cashfree retries after 2 minutes; the dashboard moves the sandbox clock 10.
  await Promise.all([page.waitForEvent('load'), page.click('button[data-action=advance][data-ms="600000"]')]);

  await waitFor('both events at the restarted endpoint', () =>
    suite.app.received.length >= 2 ? true : undefined,
  );
  const delivered = await waitFor('both deliveries delivered', async () => {
    const { data } = await admin<{ data: DeliveryView[] }>('GET', `/deliveries?endpoint_id=${registered.id}`);
    return data.every((d) => d.status === 'delivered') ? data : undefined;
  });
  assert.deepEqual(
    suite.app.received.map((w) => w.event.type).sort(),
    ['PAYMENT_FAILED_WEBHOOK', 'PAYMENT_SUCCESS_WEBHOOK'],
    'each event arrives exactly once',
  );
  for (const w of suite.app.received) assert.equal(w.attempt, '2');
  for (const delivery of delivered) {
    assert.deepEqual(
      delivery.attempts.map((a) => a.status_code),
      [null, 200],
    );
    const arrived = suite.app.received.find(
      (w) =>
        (w.event.type === 'PAYMENT_SUCCESS_WEBHOOK' || w.event.type === 'PAYMENT_FAILED_WEBHOOK') &&
        w.event.data.order.order_id === delivery.order_id,
    );
    assert.equal(arrived?.idempotencyKey, delivery.request.headers['x-idempotency-key']);
  }
  assert.deepEqual(delivered.map((d) => d.order_id).sort(), [paid, declined].sort());
  assert.deepEqual(suite.app.refused, []);

  await page.reload();
  assert.equal(await page.locator('[data-testid=deliveries] .badge.delivered').count(), 2);
  await screenshot(page, 'dashboard-retries-delivered');
});
