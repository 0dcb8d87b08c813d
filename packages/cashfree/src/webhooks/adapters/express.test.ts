import assert from 'node:assert/strict';
import { test } from 'node:test';
import express from 'express';
import express4 from 'express4';
import {
  closeServer,
  postSigned,
  signNow,
  TEST_SECRET,
  urlOf,
} from '../../../../../test/support/webhook-http.ts';
import { NON_ASCII_NAME, paymentSuccessBody } from '../../../../../test/support/webhook-payloads.ts';
import type { WebhookEvent } from '../events.js';
import { cashfreeWebhook } from './express.js';

async function start(t: { after(fn: () => Promise<void>): void }, app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  t.after(() => closeServer(server));
  return urlOf(server);
}

test('express 5: verifies a raw body with non-ASCII text and 170.00, without any body parser', async (t) => {
  const events: WebhookEvent[] = [];
  const app = express();
  app.post(
    '/webhooks/cashfree',
    cashfreeWebhook({ secret: TEST_SECRET, onEvent: (event) => events.push(event) }),
  );
  const url = `${await start(t, app)}/webhooks/cashfree`;

  const signed = await signNow(paymentSuccessBody());
  assert.deepEqual(await postSigned(url, signed), { status: 200, json: { received: true } });
  const [event] = events;
  assert.equal(event?.type, 'PAYMENT_SUCCESS_WEBHOOK');
  if (event?.type !== 'PAYMENT_SUCCESS_WEBHOOK') return;
  assert.equal(event.data.customer_details.customer_name, NON_ASCII_NAME);
  assert.equal(event.data.order.order_amount, 170);

  const tampered = await postSigned(url, signed, signed.rawBody.replace('170.00', '17.00'));
  assert.equal(tampered.status, 400);
  assert.equal(tampered.json.error?.reason, 'invalid_signature');
  assert.equal(events.length, 1);
});

test('express 5: works behind express.raw() too', async (t) => {
  const events: WebhookEvent[] = [];
  const app = express();
  app.post(
    '/hook',
    express.raw({ type: 'application/json' }),
    cashfreeWebhook({ secret: TEST_SECRET, onEvent: (event) => events.push(event) }),
  );
  const url = `${await start(t, app)}/hook`;
  assert.equal((await postSigned(url, await signNow(paymentSuccessBody()))).status, 200);
  assert.equal(events.length, 1);
});

test('express 5: the naive express.json() set-up is rejected as body_reserialised, naming the fix', async (t) => {
  const app = express();
  app.use(express.json());
  app.post('/hook', cashfreeWebhook({ secret: TEST_SECRET, onEvent: () => assert.fail('must not run') }));
  const url = `${await start(t, app)}/hook`;
  const { status, json } = await postSigned(url, await signNow(paymentSuccessBody()));
  assert.equal(status, 400);
  assert.equal(json.error?.reason, 'body_reserialised');
  assert.match(json.error?.message ?? '', /express\.raw\(\{ type: 'application\/json' \}\)/);
  assert.match(json.error?.message ?? '', /before express\.json\(\)/);
});

test('express 5: an onEvent failure answers 500 so Cashfree retries', async (t) => {
  const errors: unknown[] = [];
  const app = express();
  app.post(
    '/hook',
    cashfreeWebhook({
      secret: TEST_SECRET,
      onEvent: () => {
        throw new Error('database down');
      },
      onError: (error) => errors.push(error),
    }),
  );
  const url = `${await start(t, app)}/hook`;
  const { status, json } = await postSigned(url, await signNow(paymentSuccessBody()));
  assert.equal(status, 500);
  assert.equal(json.error?.reason, 'handler_failed');
  assert.equal((errors[0] as Error).message, 'database down');
});

test('express 5: a misconfigured endpoint answers 500 (Cashfree retries) and never leaves the request hanging', async (t) => {
  const errors: unknown[] = [];
  const app = express();
  const onEvent = () => assert.fail('must not run');
  app.post('/no-secret', cashfreeWebhook({ secret: '', onEvent, onError: (error) => errors.push(error) }));
  app.post(
    '/bad-tolerance',
    cashfreeWebhook({
      secret: TEST_SECRET,
      toleranceSeconds: -1,
      onEvent,
      onError: (error) => errors.push(error),
    }),
  );
  const base = await start(t, app);
  const signed = await signNow(paymentSuccessBody());
  const noSecret = await postSigned(`${base}/no-secret`, signed);
  assert.equal(noSecret.status, 500);
  assert.equal(noSecret.json.error?.reason, 'missing_secret');
  const badTolerance = await postSigned(`${base}/bad-tolerance`, signed);
  assert.equal(badTolerance.status, 500);
  assert.equal(badTolerance.json.error?.reason, 'invalid_options');
  assert.equal(errors.length, 2);
});

test('express 4: a global urlencoded() parser that skips JSON leaves req.body = {}; the stream is still read', async (t) => {
  const events: WebhookEvent[] = [];
  const app = express4();
  app.use(express4.urlencoded({ extended: false }));
  app.post(
    '/webhooks/cashfree',
    cashfreeWebhook({ secret: TEST_SECRET, onEvent: (event) => events.push(event) }),
  );
  const server = app.listen(0, '127.0.0.1');
  t.after(() => closeServer(server));
  const url = `${await urlOf(server)}/webhooks/cashfree`;
  const signed = await signNow(paymentSuccessBody());
  assert.deepEqual(await postSigned(url, signed), { status: 200, json: { received: true } });
  assert.equal(events[0]?.type, 'PAYMENT_SUCCESS_WEBHOOK');
});

test('express 4: behind express.json() the webhook is still refused as body_reserialised', async (t) => {
  const app = express4();
  app.use(express4.json());
  app.post('/hook', cashfreeWebhook({ secret: TEST_SECRET, onEvent: () => assert.fail('must not run') }));
  const server = app.listen(0, '127.0.0.1');
  t.after(() => closeServer(server));
  const { status, json } = await postSigned(
    `${await urlOf(server)}/hook`,
    await signNow(paymentSuccessBody()),
  );
  assert.equal(status, 400);
  assert.equal(json.error?.reason, 'body_reserialised');
});
