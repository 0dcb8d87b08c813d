import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { postSigned, signNow, TEST_SECRET } from '../../../../../test/support/webhook-http.ts';
import {
  NON_ASCII_NAME,
  paymentSuccessBody,
  refundBody,
} from '../../../../../test/support/webhook-payloads.ts';
import type { WebhookEvent } from '../events.js';
import { constructWebhookEvent, isWebhookVerificationError } from '../index.js';
import { cashfreeWebhook } from './fastify.js';

test('fastify 5: the plugin verifies raw bytes in its own context; other routes still parse JSON', async (t) => {
  const events: WebhookEvent[] = [];
  const app = Fastify();
  t.after(() => app.close());
  await app.register(cashfreeWebhook({ secret: TEST_SECRET, onEvent: (event) => events.push(event) }), {
    prefix: '/webhooks/cashfree',
  });
  // The naive route: Fastify's default JSON parser hands over an object, and verification says why it fails.
  app.post('/naive', async (request, reply) => {
    try {
      await constructWebhookEvent(request.body as string, request.headers, TEST_SECRET);
      return reply.code(200).send({ received: true });
    } catch (error) {
      if (!isWebhookVerificationError(error)) throw error;
      return reply.code(400).send({ error: { reason: error.reason, message: error.message } });
    }
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  const signed = await signNow(paymentSuccessBody());
  assert.deepEqual(await postSigned(`${base}/webhooks/cashfree`, signed), {
    status: 200,
    json: { received: true },
  });
  const refund = await signNow(refundBody());
  assert.equal((await postSigned(`${base}/webhooks/cashfree/`, refund)).status, 200);
  assert.deepEqual(
    events.map((event) => event.type),
    ['PAYMENT_SUCCESS_WEBHOOK', 'REFUND_STATUS_WEBHOOK'],
  );
  const [payment] = events;
  if (payment?.type !== 'PAYMENT_SUCCESS_WEBHOOK') return;
  assert.equal(payment.data.customer_details.customer_name, NON_ASCII_NAME);

  const tampered = await postSigned(
    `${base}/webhooks/cashfree`,
    signed,
    signed.rawBody.replace('Priya', 'Priyа'),
  );
  assert.equal(tampered.json.error?.reason, 'invalid_signature');

  const naive = await postSigned(`${base}/naive`, signed);
  assert.equal(naive.status, 400);
  assert.equal(naive.json.error?.reason, 'body_reserialised');
  assert.equal(events.length, 2);
});
