import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bulkTransferRejectedBody,
  TRANSFER_EVENT_STATES,
  transferBody,
} from '../../../../test/support/payouts-webhook-payloads.ts';
import { paymentSuccessBody } from '../../../../test/support/webhook-payloads.ts';
import {
  constructPayoutsWebhookEvent,
  constructWebhookEvent,
  isWebhookVerificationError,
  PAYOUTS_WEBHOOK_EVENT_TYPES,
  type PayoutsWebhookEvent,
  signWebhook,
  type TransferWebhookEventType,
  verifyPayoutsWebhook,
  type WebhookVerificationReason,
} from './index.js';

const oldSecret = 'cfsk_payouts_old_0123456789abcdef';
const newSecret = 'cfsk_payouts_new_fedcba9876543210';
const now = 1_765_085_430_000;

async function rejects(promise: Promise<unknown>, reason: WebhookVerificationReason): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isWebhookVerificationError(error), `expected a WebhookVerificationError, got ${String(error)}`);
    assert.equal(error.reason, reason, error.message);
    for (const secret of [oldSecret, newSecret])
      assert.ok(!error.message.includes(secret), 'no secret in messages');
    return error.message;
  }
  return assert.fail(`expected rejection with ${reason}`);
}

async function verified(body: string, secret = oldSecret): Promise<PayoutsWebhookEvent> {
  const signed = await signWebhook({ body, secret, timestamp: now });
  return constructPayoutsWebhookEvent(signed.rawBody, signed.headers, [oldSecret, newSecret], { now });
}

describe('Payouts webhooks: typed events', () => {
  test('the event-type list is the five transfer events and BULK_TRANSFER_REJECTED', () => {
    const transferTypes: readonly TransferWebhookEventType[] = Object.keys(TRANSFER_EVENT_STATES) as never;
    assert.deepEqual(
      [...PAYOUTS_WEBHOOK_EVENT_TYPES].sort(),
      [...transferTypes, 'BULK_TRANSFER_REJECTED'].sort(),
    );
  });

  for (const [type, state] of Object.entries(TRANSFER_EVENT_STATES)) {
    test(`${type} is parsed with its Transfer as data`, async () => {
      const event = await verified(transferBody(type, state));
      assert.equal(event.type, type);
      if (event.type === 'unknown' || event.type === 'BULK_TRANSFER_REJECTED') return assert.fail(event.type);
      // Narrowed to a transfer event: data is the SDK's Transfer.
      assert.equal(event.data.transfer_id, 'tea_estate_0042');
      assert.equal(event.data.status, state.status);
      assert.equal(event.data.status_code, state.status_code);
      assert.equal(event.data.transfer_amount, 1250.5);
      assert.equal(event.data.beneficiary_details?.beneficiary_instrument_details?.bank_ifsc, 'YESB0000262');
      assert.equal(event.event_time, '2026-12-07T10:30:30+05:30');
      assert.equal(event.delivery.timestamp, now);
    });
  }

  test('TRANSFER_FAILED keeps its status_description', async () => {
    const event = await verified(transferBody('TRANSFER_FAILED', TRANSFER_EVENT_STATES.TRANSFER_FAILED));
    if (event.type !== 'TRANSFER_FAILED') return assert.fail(event.type);
    assert.equal(event.data.status_description, 'The IFSC of the beneficiary bank is invalid');
  });

  test('BULK_TRANSFER_REJECTED is parsed with the batch as data', async () => {
    const event = await verified(bulkTransferRejectedBody());
    if (event.type !== 'BULK_TRANSFER_REJECTED') return assert.fail(event.type);
    assert.deepEqual(event.data, {
      batch_transfer_id: 'suppliers_dec_week1',
      cf_batch_transfer_id: '2000000007',
      status: 'REJECTED',
    });
  });

  test('a Payouts type this version does not know is an unknown event, not an error', async () => {
    const body = JSON.stringify({
      data: { amount: 500 },
      event_time: '2026-12-07T10:30:30',
      type: 'CREDIT_CONFIRMATION',
    });
    const event = await verified(body);
    if (event.type !== 'unknown') return assert.fail(event.type);
    assert.equal(event.receivedType, 'CREDIT_CONFIRMATION');
    assert.deepEqual(event.raw, JSON.parse(body));
  });
});

describe('Payouts webhooks: verification', () => {
  const body = transferBody('TRANSFER_SUCCESS', TRANSFER_EVENT_STATES.TRANSFER_SUCCESS);

  test('a body signed with the second of two secrets verifies, as does one signed with the first', async () => {
    assert.equal((await verified(body, newSecret)).type, 'TRANSFER_SUCCESS');
    assert.equal((await verified(body, oldSecret)).type, 'TRANSFER_SUCCESS');
  });

  test('with Web Crypto only (Workers, browsers) the second secret verifies and a wrong one is refused', async (t) => {
    t.mock.method(process, 'getBuiltinModule', () => undefined);
    assert.equal((await verified(body, newSecret)).type, 'TRANSFER_SUCCESS');
    const signed = await signWebhook({ body, secret: 'cfsk_payouts_someone_else', timestamp: now });
    await rejects(
      constructPayoutsWebhookEvent(signed.rawBody, signed.headers, [oldSecret, newSecret], { now }),
      'invalid_signature',
    );
  });

  test('one secret as a string verifies too', async () => {
    const signed = await signWebhook({ body, secret: newSecret, timestamp: now });
    const event = await verifyPayoutsWebhook({
      rawBody: signed.rawBody,
      signature: signed.signature,
      timestamp: signed.timestamp,
      secret: newSecret,
      now,
    });
    assert.equal(event.type, 'TRANSFER_SUCCESS');
  });

  test('a body signed with a secret not in the list is refused as invalid_signature', async () => {
    const signed = await signWebhook({ body, secret: 'cfsk_payouts_someone_else', timestamp: now });
    await rejects(
      constructPayoutsWebhookEvent(signed.rawBody, signed.headers, [oldSecret, newSecret], { now }),
      'invalid_signature',
    );
  });

  test('a changed body is refused as invalid_signature', async () => {
    const signed = await signWebhook({ body, secret: newSecret, timestamp: now });
    const changed = signed.rawBody.replace('1250.5', '12505');
    assert.notEqual(changed, signed.rawBody);
    await rejects(
      constructPayoutsWebhookEvent(changed, signed.headers, [oldSecret, newSecret], { now }),
      'invalid_signature',
    );
  });

  test('a stale timestamp is refused as timestamp_outside_tolerance, with the same window as PG', async () => {
    const signed = await signWebhook({ body, secret: newSecret, timestamp: now - 86_401_000 });
    await rejects(
      constructPayoutsWebhookEvent(signed.rawBody, signed.headers, [oldSecret, newSecret], { now }),
      'timestamp_outside_tolerance',
    );
    // Inside a day it is accepted; a tighter maxAgeSeconds refuses it, as for PG.
    const recent = await signWebhook({ body, secret: newSecret, timestamp: now - 600_000 });
    assert.equal(
      (await constructPayoutsWebhookEvent(recent.rawBody, recent.headers, [oldSecret, newSecret], { now }))
        .type,
      'TRANSFER_SUCCESS',
    );
    await rejects(
      constructPayoutsWebhookEvent(recent.rawBody, recent.headers, [oldSecret, newSecret], {
        now,
        maxAgeSeconds: 300,
      }),
      'timestamp_outside_tolerance',
    );
  });

  test('no secret, an empty list or an empty string in it is missing_secret, naming the Payouts variable', async () => {
    const signed = await signWebhook({ body, secret: newSecret, timestamp: now });
    for (const secret of [[], '', [newSecret, '']]) {
      const message = await rejects(
        constructPayoutsWebhookEvent(signed.rawBody, signed.headers, secret, { now }),
        'missing_secret',
      );
      assert.match(message, /CASHFREE_PAYOUTS_CLIENT_SECRET/);
    }
  });
});

describe('Payouts and PG events are not mixed up', () => {
  test('a PG event given to the Payouts verifier is refused as wrong_product, naming verifyWebhook', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret: newSecret, timestamp: now });
    const message = await rejects(
      constructPayoutsWebhookEvent(signed.rawBody, signed.headers, [oldSecret, newSecret], { now }),
      'wrong_product',
    );
    assert.match(message, /PAYMENT_SUCCESS_WEBHOOK is a Cashfree Payment Gateway event/);
    assert.match(message, /verifyWebhook/);
  });

  test('a Payouts event given to the PG verifier is refused as wrong_product, naming verifyPayoutsWebhook', async () => {
    const body = transferBody('TRANSFER_SUCCESS', TRANSFER_EVENT_STATES.TRANSFER_SUCCESS);
    const signed = await signWebhook({ body, secret: newSecret, timestamp: now });
    const message = await rejects(
      constructWebhookEvent(signed.rawBody, signed.headers, newSecret, { now }),
      'wrong_product',
    );
    assert.match(message, /TRANSFER_SUCCESS is a Cashfree Payouts event/);
    assert.match(message, /verifyPayoutsWebhook/);
  });
});
