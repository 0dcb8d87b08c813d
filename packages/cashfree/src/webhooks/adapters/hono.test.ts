import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { test } from 'node:test';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  closeServer,
  postSigned,
  signNow,
  TEST_SECRET,
  urlOf,
} from '../../../../../test/support/webhook-http.ts';
import { NON_ASCII_NAME, paymentSuccessBody } from '../../../../../test/support/webhook-payloads.ts';
import type { WebhookEvent } from '../events.js';
import { constructWebhookEvent, isWebhookVerificationError } from '../index.js';
import { cashfreeWebhook } from './hono.js';

test('hono 4 on @hono/node-server: verifies non-ASCII bodies; re-stringified JSON is diagnosed', async (t) => {
  const events: WebhookEvent[] = [];
  const app = new Hono();
  app.post(
    '/webhooks/cashfree',
    cashfreeWebhook({ secret: TEST_SECRET, onEvent: (event) => events.push(event) }),
  );
  // A middleware that read the body as text first: the adapter still gets the same bytes from Hono's cache.
  app.post('/after-text', async (c, next) => {
    await c.req.text();
    await next();
  });
  app.post('/after-text', cashfreeWebhook({ secret: TEST_SECRET, onEvent: (event) => events.push(event) }));
  // The naive handler: parse, then stringify for verification.
  app.post('/naive', async (c) => {
    try {
      await constructWebhookEvent(JSON.stringify(await c.req.json()), c.req.raw.headers, TEST_SECRET);
      return c.json({ received: true });
    } catch (error) {
      if (!isWebhookVerificationError(error)) throw error;
      return c.json({ error: { reason: error.reason, message: error.message } }, 400);
    }
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  t.after(() => closeServer(server));
  const base = await urlOf(server);

  const signed = await signNow(paymentSuccessBody());
  assert.deepEqual(await postSigned(`${base}/webhooks/cashfree`, signed), {
    status: 200,
    json: { received: true },
  });
  assert.equal((await postSigned(`${base}/after-text`, signed)).status, 200);
  assert.equal(events.length, 2);
  const [event] = events;
  if (event?.type !== 'PAYMENT_SUCCESS_WEBHOOK') return assert.fail('expected a payment event');
  assert.equal(event.data.customer_details.customer_name, NON_ASCII_NAME);

  const naive = await postSigned(`${base}/naive`, signed);
  assert.equal(naive.status, 400);
  assert.equal(naive.json.error?.reason, 'invalid_signature');
  assert.match(naive.json.error?.message ?? '', /looks re-serialised/);
});
