import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SandboxEvent } from '../context.js';
import { harness } from '../testing/harness.js';

test('on the real clock, a UPI collect to a test VPA resolves on its own, without any request', async () => {
  const h = harness({ clock: {}, upiResolveDelayMs: 50 });
  const resolved = new Promise<SandboxEvent>((resolve) => h.sandbox.onEvent(resolve));
  const order = await h.createOrder();
  const pay = await h.pay(order.payment_session_id, {
    upi: { channel: 'collect', upi_id: 'success@cashfree' },
  });
  assert.equal(pay.status, 200);
  // The scheduler's timer is unref'd so that it never keeps a process alive; here nothing else
  // would (no socket), so hold the event loop open while waiting, as a server's socket does.
  const keepAlive = setInterval(() => {}, 1_000);
  const event = await resolved.finally(() => clearInterval(keepAlive));
  assert.equal(event.type, 'PAYMENT_SUCCESS_WEBHOOK');
  assert.equal(event.cf_payment_id, pay.body.cf_payment_id);
  assert.equal((await h.call('GET', `/pg/orders/${order.order_id}`)).body.order_status, 'PAID');
});

test('a job that throws is dropped and reported, and the others still run', async () => {
  const h = harness();
  const ctx = (h.sandbox as import('../sandbox-app.js').SandboxAppInternals).context;
  const ran: string[] = [];
  ctx.scheduler.register('test.boom', () => {
    throw new Error('boom');
  });
  ctx.scheduler.register('test.ok', (job) => ran.push(job.ref));
  ctx.transact(() => {
    ctx.scheduler.schedule('test.boom', 'a', ctx.clock.now() + 10);
    ctx.scheduler.schedule('test.ok', 'b', ctx.clock.now() + 20);
  });
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    h.sandbox.advanceClock(20);
  } finally {
    console.error = original;
  }
  assert.deepEqual(ran, ['b']);
  assert.equal(errors.length, 1);
  assert.equal(ctx.store.jobs.list(10).filter((j) => j.kind.startsWith('test.')).length, 0);
});

test('scheduling the same transition twice moves it instead of duplicating it', () => {
  const h = harness();
  const ctx = (h.sandbox as import('../sandbox-app.js').SandboxAppInternals).context;
  ctx.transact(() => {
    ctx.scheduler.schedule('test.once', 'x', ctx.clock.now() + 1_000);
    ctx.scheduler.schedule('test.once', 'x', ctx.clock.now() + 2_000);
  });
  const jobs = ctx.store.jobs.list(100).filter((j) => j.kind === 'test.once');
  assert.equal(jobs.length, 1);
  assert.equal(jobs[0]?.due_at, ctx.clock.now() + 2_000);
});
