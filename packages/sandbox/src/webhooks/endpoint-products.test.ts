import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startLoopbackServer } from '../../../../test/support/loopback-server.js';
import { HOUR_MS } from '../clock/time.js';
import type { SandboxAppInternals } from '../sandbox-app.js';
import { harness } from '../testing/harness.js';
import { payoutCalls } from '../testing/payouts.js';
import type { DeliveryView } from './views.js';

const h = harness({ webhookRetrySchedule: 'fast' });
const hooks = (h.sandbox as SandboxAppInternals).webhooks;

async function eventsTo(endpointId: string): Promise<string[]> {
  const res = await h.call('GET', `/_sandbox/webhooks/deliveries?endpoint_id=${endpointId}`);
  return (res.body.data as DeliveryView[]).map((d) => d.event_type);
}

test('an endpoint that asked for PG events only gets no Payouts events; one registered plainly gets both', async (t) => {
  const receiver = await startLoopbackServer(t, (_req, res) => {
    res.end('ok');
  });
  const every = await h.call('POST', '/_sandbox/webhooks/endpoints', { url: `${receiver.url}/all` });
  const pgOnly = await h.call('POST', '/_sandbox/webhooks/endpoints', {
    url: `${receiver.url}/pg`,
    products: ['pg'],
  });
  assert.equal(pgOnly.status, 201);
  assert.deepEqual(pgOnly.body.products, ['pg']);
  assert.deepEqual(every.body.products, ['pg', 'payouts']);

  await h.paidOrder();
  assert.equal((await payoutCalls(h).transfer('pg_only_check', 50)).status, 200);
  await h.advance(HOUR_MS);
  await hooks.whenIdle();

  const toEvery = await eventsTo(every.body.id);
  const toPg = await eventsTo(pgOnly.body.id);
  assert.ok(toEvery.includes('PAYMENT_SUCCESS_WEBHOOK'));
  assert.ok(toEvery.includes('TRANSFER_SUCCESS'), `the plain endpoint got ${toEvery.join(', ')}`);
  assert.ok(toPg.includes('PAYMENT_SUCCESS_WEBHOOK'));
  assert.deepEqual(
    toPg.filter((type) => type.startsWith('TRANSFER_')),
    [],
    'the PG-only endpoint got a Payouts event',
  );
});

test('an endpoint can ask for Payouts events only, and the list says what each receives', async () => {
  const payoutsOnly = await h.call('POST', '/_sandbox/webhooks/endpoints', {
    url: 'http://127.0.0.1:9/payouts',
    products: ['payouts', 'payouts'],
  });
  assert.deepEqual(payoutsOnly.body.products, ['payouts']);
  const both = await h.call('POST', '/_sandbox/webhooks/endpoints', {
    url: 'http://127.0.0.1:9/both',
    products: ['payouts', 'pg'],
  });
  assert.deepEqual(both.body.products, ['pg', 'payouts']);
  const list = (await h.call('GET', '/_sandbox/webhooks/endpoints')).body.data as {
    id: string;
    products: string[];
  }[];
  assert.deepEqual(list.find((e) => e.id === payoutsOnly.body.id)?.products, ['payouts']);
  const home = await (await h.sandbox.request('/_sandbox/')).text();
  assert.ok(
    home.includes(`${payoutsOnly.body.id} (2025-01-01, payouts events only)`),
    'the dashboard says so',
  );
  assert.ok(home.includes(`${both.body.id} (2025-01-01)`));
});

test('a bad products list is refused, naming the field', async () => {
  for (const products of [[], ['subscriptions_v0'], 'pg']) {
    const res = await h.call('POST', '/_sandbox/webhooks/endpoints', {
      url: 'http://127.0.0.1:9/x',
      products,
    });
    assert.equal(res.status, 400, JSON.stringify(products));
    assert.equal(res.body.code, 'sandbox_request_invalid');
    assert.match(res.body.message, /products/);
  }
});
