/**
 * Webhook fidelity, judged by Cashfree's official SDK and contract:
 * - a webhook signed by our `signWebhook` passes cashfree-pg's `PGVerifyWebhookSignature`, and one
 *   signed by the official algorithm (cashfree-pg 6.0.6 `api.ts`: base64 HMAC-SHA256 of
 *   timestamp + raw body, keyed by the client secret) passes our `verifyWebhook`;
 * - webhooks the sandbox actually sends pass PGVerifyWebhookSignature and validate against the
 *   contract's webhook schemas (+ overlay).
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { signWebhook, verifyWebhook } from 'cashfree-kit/webhooks';
import fc from 'fast-check';
import {
  disputeBody,
  paymentFailedBody,
  paymentLinkBody,
  paymentSuccessBody,
  refundBody,
  settlementBody,
} from '../support/webhook-payloads.js';
import { officialSdk } from './support/official-sdk.js';
import { ResultRecorder } from './support/results.js';

const recorder = new ResultRecorder('webhooks');
after(() => recorder.write());

const SECRET = 'cfsk_ma_test_fidelity_webhooks';

/** The official algorithm, as cashfree-pg 6.0.6 computes it in PGVerifyWebhookSignature. */
function officialSignature(timestamp: string, rawBody: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(timestamp + rawBody)
    .digest('base64');
}

/** Cashfree's documented payloads (test/support/webhook-payloads.ts), by event type. */
const documented: [type: string, rawBody: string][] = [
  ['PAYMENT_SUCCESS_WEBHOOK', paymentSuccessBody()],
  ['PAYMENT_FAILED_WEBHOOK', paymentFailedBody()],
  ['REFUND_STATUS_WEBHOOK', refundBody()],
  ['PAYMENT_LINK_EVENT', paymentLinkBody()],
  ['SETTLEMENT_SUCCESS', settlementBody()],
  ['DISPUTE_CREATED', disputeBody()],
];

describe('webhook signatures agree with cashfree-pg', () => {
  for (const [type, rawBody] of documented) {
    test(`${type}: signWebhook → PGVerifyWebhookSignature`, async () => {
      const signed = await signWebhook({ body: rawBody, secret: SECRET });
      let issues: string[] = [];
      try {
        const event = officialSdk('app', SECRET).PGVerifyWebhookSignature(
          signed.signature,
          signed.rawBody,
          signed.timestamp,
        );
        if (event.type !== type) issues = [`PGVerifyWebhookSignature read type ${event.type}`];
      } catch (error) {
        issues = [`PGVerifyWebhookSignature rejected it: ${(error as Error).message}`];
      }
      recorder.record(type, 'signed by signWebhook, verified by cashfree-pg', issues);
      assert.deepEqual(issues, []);
    });

    test(`${type}: official algorithm → verifyWebhook`, async () => {
      const timestamp = String(Date.now());
      let issues: string[] = [];
      try {
        const event = await verifyWebhook({
          rawBody,
          signature: officialSignature(timestamp, rawBody, SECRET),
          timestamp,
          secret: SECRET,
        });
        if (event.type !== type) issues = [`verifyWebhook read type ${event.type}`];
      } catch (error) {
        issues = [`verifyWebhook rejected it: ${(error as Error).message}`];
      }
      recorder.record(type, 'signed by the official algorithm, verified by verifyWebhook', issues);
      assert.deepEqual(issues, []);
    });
  }

  test('any body, secret and timestamp: both directions agree, and both reject a changed body', async () => {
    const printable = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: printable, minLength: 1, maxLength: 64 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        // Within verifyWebhook's default 300 s replay window.
        fc.integer({ min: 0, max: 299_000 }),
        async (secret, text, ageMs) => {
          const rawBody = JSON.stringify({
            type: 'PAYMENT_SUCCESS_WEBHOOK',
            data: { note: text, amount: 170 },
          });
          const now = 1_746_427_759_733;
          const signed = await signWebhook({ body: rawBody, secret, timestamp: now - ageMs });
          const official = officialSdk('app', secret);
          assert.equal(
            official.PGVerifyWebhookSignature(signed.signature, rawBody, signed.timestamp).raw,
            rawBody,
          );
          const theirs = officialSignature(signed.timestamp, rawBody, secret);
          assert.equal(theirs, signed.signature);
          await verifyWebhook({ rawBody, signature: theirs, timestamp: signed.timestamp, secret, now });

          const changed = `${rawBody} `;
          assert.throws(() => official.PGVerifyWebhookSignature(signed.signature, changed, signed.timestamp));
          await assert.rejects(
            verifyWebhook({ rawBody: changed, signature: theirs, timestamp: signed.timestamp, secret, now }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
