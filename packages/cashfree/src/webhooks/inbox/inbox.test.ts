import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verifiedEvent } from '../../../../../test/support/inbox-conformance.ts';
import { paymentSuccessBody } from '../../../../../test/support/webhook-payloads.ts';
import { exponentialBackoff } from './backoff.js';
import { createWebhookInbox } from './inbox.js';
import { createMemoryInboxStore } from './stores/memory.js';

test('options are checked up front', () => {
  const store = createMemoryInboxStore();
  const handler = () => {};
  assert.throws(
    () => createWebhookInbox({ store, handler, maxAttempts: 0 }),
    /maxAttempts must be a positive integer/,
  );
  assert.throws(
    () => createWebhookInbox({ store, handler, leaseMs: 1.5 }),
    /leaseMs must be a positive integer/,
  );
  assert.throws(
    () => createWebhookInbox({ store, handler, leaseMs: 1000, leaseRenewMs: 1000 }),
    /leaseRenewMs \(1000\) must be shorter than leaseMs \(1000\)/,
  );
});

test('exponentialBackoff grows by the factor, caps at maxMs, and jitters within 50–100 %', () => {
  const exact = exponentialBackoff({ baseMs: 1000, factor: 2, maxMs: 5000, jitter: false });
  assert.deepEqual([1, 2, 3, 4, 5].map(exact), [1000, 2000, 4000, 5000, 5000]);
  const jittered = exponentialBackoff({ baseMs: 1000, factor: 2 });
  for (let i = 0; i < 200; i++) {
    const delay = jittered(3);
    assert.ok(delay >= 2000 && delay <= 4000, `${delay}`);
  }
});

test('a worker whose run died past maxAttempts is dead-lettered without running the handler again', async () => {
  let now = 1_000;
  const store = createMemoryInboxStore();
  let runs = 0;
  const inbox = createWebhookInbox({
    store,
    now: () => now,
    maxAttempts: 2,
    leaseMs: 10,
    handler: () => void runs++,
  });
  const { key } = await inbox.receive(await verifiedEvent(paymentSuccessBody()));
  // Two workers claim it in turn and die without settling.
  await store.claim({ workerId: 'a', now, leaseMs: 10, limit: 1 });
  now += 10;
  await store.claim({ workerId: 'b', now, leaseMs: 10, limit: 1 });
  now += 10;
  assert.deepEqual(await inbox.processPending(), { succeeded: 0, retried: 0, deadLettered: 1 });
  assert.equal(runs, 0);
  assert.equal((await inbox.deadLetters())[0]?.key, key);
});

test('processPending honours limit', async () => {
  const inbox = createWebhookInbox({ store: createMemoryInboxStore(), handler: () => {} });
  for (let i = 0; i < 5; i++) await inbox.receive(await verifiedEvent(paymentSuccessBody(`o${i}`, `cf${i}`)));
  assert.deepEqual(await inbox.processPending({ limit: 2 }), { succeeded: 2, retried: 0, deadLettered: 0 });
  assert.equal((await inbox.list({ status: 'pending' })).length, 3);
});
