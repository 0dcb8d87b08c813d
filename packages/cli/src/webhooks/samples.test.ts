import assert from 'node:assert/strict';
import { test } from 'node:test';
import { constructWebhookEvent, SUBSCRIPTION_WEBHOOK_EVENT_TYPES, signWebhook } from 'cashfree-kit/webhooks';
import { istTime, SAMPLE_EVENT_TYPES, sampleWebhookBody } from './samples.js';

const now = new Date('2025-01-15T05:46:12.000Z');

test('every known event type has a sample that verifies and parses as that type', async () => {
  assert.ok(SAMPLE_EVENT_TYPES.length >= 12);
  for (const type of SAMPLE_EVENT_TYPES) {
    for (const version of ['2025-01-01', '2023-08-01'] as const) {
      const body = await sampleWebhookBody(type, { orderId: 'order_1', amount: 170, version, now });
      assert.ok(body, type);
      const signed = await signWebhook({ body, secret: 'secret', version, timestamp: now });
      const event = await constructWebhookEvent(signed.rawBody, signed.headers, 'secret', {
        now: now.getTime(),
      });
      // 2023-08-01 spells the subscription status change without the D (the SDK's pair of spellings).
      const [changed, change2023] = SUBSCRIPTION_WEBHOOK_EVENT_TYPES.subscriptionStatus;
      const expected = version === '2023-08-01' && type === changed ? change2023 : type;
      assert.equal(event.type, expected, `${type} ${version}`);
      assert.equal(JSON.parse(body).event_time, '2025-01-15T11:16:12+05:30');
    }
  }
});

test('amounts keep two decimals, as Cashfree prints them', async () => {
  const body = await sampleWebhookBody('PAYMENT_SUCCESS_WEBHOOK', {
    orderId: 'order_1',
    amount: 170,
    version: '2025-01-01',
    now,
  });
  assert.match(body ?? '', /"order_amount":170\.00,/);
  assert.match(body ?? '', /"payment_amount":170\.00,/);
  const link = await sampleWebhookBody('PAYMENT_LINK_EVENT', {
    orderId: 'order_1',
    amount: 200.5,
    version: '2025-01-01',
    now,
  });
  assert.match(link ?? '', /"link_amount":"200\.50"/);
});

test('version 2025-01-01 adds its fields; 2023-08-01 leaves them out', async () => {
  const newer = JSON.parse(
    (await sampleWebhookBody('PAYMENT_SUCCESS_WEBHOOK', {
      orderId: 'o',
      amount: 1,
      version: '2025-01-01',
      now,
    })) ?? '',
  );
  const older = JSON.parse(
    (await sampleWebhookBody('PAYMENT_SUCCESS_WEBHOOK', {
      orderId: 'o',
      amount: 1,
      version: '2023-08-01',
      now,
    })) ?? '',
  );
  assert.deepEqual(newer.data.payment.international_payment, { international: false });
  assert.equal('terminal_details' in newer.data, true);
  assert.equal('international_payment' in older.data.payment, false);
  assert.equal('terminal_details' in older.data, false);
});

test('a failed payment carries error_details; an unknown type has no sample', async () => {
  const failed = JSON.parse(
    (await sampleWebhookBody('PAYMENT_FAILED_WEBHOOK', {
      orderId: 'o',
      amount: 1,
      version: '2025-01-01',
      now,
    })) ?? '',
  );
  assert.equal(failed.data.payment.payment_status, 'FAILED');
  assert.equal(failed.data.error_details.error_code, 'TRANSACTION_DECLINED');
  assert.equal(
    await sampleWebhookBody('NOPE', { orderId: 'o', amount: 1, version: '2025-01-01', now }),
    undefined,
  );
  assert.equal(istTime(new Date('2025-01-01T00:00:00Z')), '2025-01-01T05:30:00+05:30');
});
