/**
 * One behavioural suite for every webhook inbox store (memory, SQLite, PostgreSQL): duplicates run
 * once, failures retry with backoff and end in the dead-letter list, leases expire, concurrent
 * inboxes on one store never run an event twice, and a reopened store resumes where it stopped.
 */
import assert from 'node:assert/strict';
import { describe, type TestContext, test } from 'node:test';
import { constructWebhookEvent, signWebhook, type WebhookEvent } from 'cashfree-kit/webhooks';
import {
  createWebhookInbox,
  InboxLeaseLostError,
  type WebhookInboxOptions,
  type WebhookInboxStore,
} from 'cashfree-kit/webhooks/inbox';
import { paymentFailedBody, paymentSuccessBody, refundBody } from './webhook-payloads.ts';

const SECRET = 'inbox-conformance-secret';

/** A verified event, as an adapter would hand it to `inbox.receive()`. */
export async function verifiedEvent(
  body: string,
  options: { version?: '2025-01-01' | '2023-08-01'; attempt?: number } = {},
): Promise<WebhookEvent> {
  const signed = await signWebhook({ body, secret: SECRET, ...options });
  return constructWebhookEvent(signed.rawBody, signed.headers, SECRET);
}

/** A store under test; `reopen` gives a new store on the same data, as after a restart. */
export interface StoreHandle {
  store: WebhookInboxStore;
  reopen?: () => Promise<WebhookInboxStore>;
}

/** A controllable clock. */
function clock(start = 1_750_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** Counts handler runs per dedupe key. */
function counter() {
  const runs = new Map<string, number>();
  return {
    runs,
    handler: ((_event, { key }) => {
      runs.set(key, (runs.get(key) ?? 0) + 1);
    }) satisfies WebhookInboxOptions['handler'],
  };
}

/** Waits (in real time, a few ms at a time) until `done()` holds or about 2 s passed; never throws. */
async function eventually(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** The store with its `renew` calls counted, and held back until `open()` while `gated`. */
function watchRenewals(store: WebhookInboxStore, gated = false) {
  let renewals = 0;
  let open = () => {};
  const gate = gated ? new Promise<void>((resolve) => (open = resolve)) : Promise.resolve();
  const watched: WebhookInboxStore = {
    ...store,
    async renew(key, workerId, lockedUntil) {
      await gate;
      const held = await store.renew(key, workerId, lockedUntil);
      renewals++;
      return held;
    },
  };
  return { store: watched, renewals: () => renewals, open: () => open() };
}

/**
 * Registers the suite. `create` returns a fresh, empty store for one test (registering its own
 * cleanup on `t`), or undefined when the test was skipped for a missing prerequisite.
 */
export function describeInboxStore(
  name: string,
  create: (t: TestContext) => Promise<StoreHandle | undefined>,
): void {
  describe(`webhook inbox on ${name}`, () => {
    test('a delivery received three times runs the handler once; later duplicates never rerun', async (t) => {
      const handle = await create(t);
      if (!handle) return;
      const { runs, handler } = counter();
      const inbox = createWebhookInbox({ store: handle.store, handler });
      const event = await verifiedEvent(paymentSuccessBody('order_dup'));
      const first = await inbox.receive(event);
      assert.deepEqual(first, { key: first.key, duplicate: false, status: 'pending' });
      assert.equal((await inbox.receive(event)).duplicate, true);
      // Cashfree's retry carries another attempt number but the same idempotency key.
      assert.equal(
        (await inbox.receive({ ...event, delivery: { ...event.delivery, attempt: 2 } })).duplicate,
        true,
      );
      await inbox.receive(await verifiedEvent(refundBody()));

      assert.deepEqual(await inbox.processPending(), { succeeded: 2, retried: 0, deadLettered: 0 });
      assert.deepEqual([...runs.values()], [1, 1]);
      assert.deepEqual(await inbox.receive(event), { key: first.key, duplicate: true, status: 'done' });
      assert.deepEqual(await inbox.processPending(), { succeeded: 0, retried: 0, deadLettered: 0 });
      const entry = await inbox.get(first.key);
      assert.equal(entry?.deliveries, 4);
      assert.equal(entry?.status, 'done');
      assert.equal(entry?.event.type, 'PAYMENT_SUCCESS_WEBHOOK');
    });

    test('without x-idempotency-key (version 2023-08-01) duplicates are keyed by a content hash', async (t) => {
      const handle = await create(t);
      if (!handle) return;
      const { runs, handler } = counter();
      const inbox = createWebhookInbox({ store: handle.store, handler });
      const old = await verifiedEvent(paymentSuccessBody('order_v2023'), { version: '2023-08-01' });
      const again = await verifiedEvent(paymentSuccessBody('order_v2023'), {
        version: '2023-08-01',
        attempt: 2,
      });
      const other = await verifiedEvent(paymentFailedBody('order_v2023'), { version: '2023-08-01' });
      const keys = [await inbox.receive(old), await inbox.receive(again), await inbox.receive(other)];
      assert.match(keys[0]?.key ?? '', /^sha256:/);
      assert.deepEqual(
        keys.map((k) => k.duplicate),
        [false, true, false],
      );
      await inbox.processPending();
      assert.equal(runs.size, 2);
    });

    test('a failing handler is retried with backoff, then dead-lettered, and can be re-driven', async (t) => {
      const handle = await create(t);
      if (!handle) return;
      const time = clock();
      let failing = true;
      const attempts: number[] = [];
      const inbox = createWebhookInbox({
        store: handle.store,
        now: time.now,
        maxAttempts: 3,
        backoff: (attempt) => attempt * 60_000,
        onError: () => {},
        handler: (_event, context) => {
          attempts.push(context.attempt);
          if (failing) throw new Error(`downstream unavailable (attempt ${context.attempt})`);
        },
      });
      const { key } = await inbox.receive(await verifiedEvent(paymentSuccessBody('order_retry')));

      assert.deepEqual(await inbox.processPending(), { succeeded: 0, retried: 1, deadLettered: 0 });
      let entry = await inbox.get(key);
      assert.equal(entry?.status, 'pending');
      assert.equal(entry?.nextAttemptAt, time.now() + 60_000);
      assert.equal(entry?.lastError, 'Error: downstream unavailable (attempt 1)');

      // Not due yet: nothing runs until the backoff has passed.
      time.advance(59_999);
      assert.deepEqual(await inbox.processPending(), { succeeded: 0, retried: 0, deadLettered: 0 });
      time.advance(1);
      assert.deepEqual(await inbox.processPending(), { succeeded: 0, retried: 1, deadLettered: 0 });
      assert.equal((await inbox.get(key))?.nextAttemptAt, time.now() + 120_000);
      time.advance(120_000);
      assert.deepEqual(await inbox.processPending(), { succeeded: 0, retried: 0, deadLettered: 1 });
      assert.deepEqual(attempts, [1, 2, 3]);

      const dead = await inbox.deadLetters();
      assert.deepEqual(
        dead.map((d) => [d.key, d.status, d.attempts, d.lastError]),
        [[key, 'dead', 3, 'Error: downstream unavailable (attempt 3)']],
      );
      time.advance(3_600_000);
      assert.deepEqual(await inbox.processPending(), { succeeded: 0, retried: 0, deadLettered: 0 });

      failing = false;
      assert.equal(await inbox.redrive(key), true);
      assert.equal(await inbox.redrive(key), false);
      assert.deepEqual(await inbox.processPending(), { succeeded: 1, retried: 0, deadLettered: 0 });
      entry = await inbox.get(key);
      assert.equal(entry?.status, 'done');
      assert.equal(entry?.attempts, 1);
      assert.deepEqual(await inbox.deadLetters(), []);
    });

    test('a claimed event whose worker died is re-run after its lease; the dead worker cannot settle it', async (t) => {
      const handle = await create(t);
      if (!handle) return;
      const time = clock();
      const { runs, handler } = counter();
      const inbox = createWebhookInbox({ store: handle.store, handler, now: time.now, leaseMs: 30_000 });
      const { key } = await inbox.receive(await verifiedEvent(paymentSuccessBody('order_lease')));
      const [claimed] = await handle.store.claim({
        workerId: 'crashed',
        now: time.now(),
        leaseMs: 30_000,
        limit: 10,
      });
      assert.equal(claimed?.key, key);

      assert.deepEqual(await inbox.processPending(), { succeeded: 0, retried: 0, deadLettered: 0 });
      time.advance(30_000);
      assert.deepEqual(await inbox.processPending(), { succeeded: 1, retried: 0, deadLettered: 0 });
      assert.equal(runs.get(key), 1);
      assert.equal(await handle.store.settle(key, 'crashed', { status: 'done', at: time.now() }), false);
      assert.equal((await inbox.get(key))?.attempts, 2);
    });

    test('renew extends the lease of its holder only, and never a settled record', async (t) => {
      const handle = await create(t);
      if (!handle) return;
      const time = clock();
      const inbox = createWebhookInbox({ store: handle.store, handler: () => {}, now: time.now });
      const { key } = await inbox.receive(await verifiedEvent(paymentSuccessBody('order_renew')));
      await handle.store.claim({ workerId: 'a', now: time.now(), leaseMs: 1000, limit: 1 });
      assert.equal(await handle.store.renew(key, 'b', time.now() + 5000), false);
      assert.equal((await handle.store.get(key))?.lockedUntil, time.now() + 1000);
      assert.equal(await handle.store.renew(key, 'a', time.now() + 5000), true);
      assert.equal((await handle.store.get(key))?.lockedUntil, time.now() + 5000);
      time.advance(4999);
      assert.deepEqual(
        await handle.store.claim({ workerId: 'b', now: time.now(), leaseMs: 1000, limit: 1 }),
        [],
        'a renewed lease cannot be claimed',
      );
      assert.equal(await handle.store.settle(key, 'a', { status: 'done', at: time.now() }), true);
      assert.equal(await handle.store.renew(key, 'a', time.now() + 5000), false);
      assert.equal((await handle.store.get(key))?.lockedUntil, null);
    });

    test('a handler that runs 3× leaseMs keeps its lease: a second inbox polling meanwhile never runs it', async (t) => {
      const handle = await create(t);
      if (!handle) return;
      const time = clock();
      const leaseMs = 30_000;
      const watched = watchRenewals(handle.store);
      const { runs, handler } = counter();
      const other = createWebhookInbox({ store: handle.store, handler, now: time.now, leaseMs });
      const othersClaims: number[] = [];
      const slow = createWebhookInbox({
        store: watched.store,
        now: time.now,
        leaseMs,
        leaseRenewMs: 5,
        async handler(event, context) {
          handler(event, context);
          // Nine steps of leaseMs / 3 on the inbox's clock: three leases long. After each step
          // the heartbeat gets a chance to renew, then the other inbox tries to claim.
          for (let step = 0; step < 9; step++) {
            const before = watched.renewals();
            time.advance(leaseMs / 3);
            await eventually(() => watched.renewals() > before);
            othersClaims.push((await other.processPending()).succeeded);
          }
        },
      });
      const { key } = await slow.receive(await verifiedEvent(paymentSuccessBody('order_slow')));
      assert.deepEqual(await slow.processPending(), { succeeded: 1, retried: 0, deadLettered: 0 });
      assert.deepEqual(othersClaims, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
      assert.equal(runs.get(key), 1, 'the slow handler ran once');
      const entry = await slow.get(key);
      assert.equal(entry?.status, 'done');
      assert.equal(entry?.attempts, 1);
    });

    test('a worker that lost its lease is told: the signal aborts, its outcome is refused and reported', async (t) => {
      const handle = await create(t);
      if (!handle) return;
      const time = clock();
      const leaseMs = 30_000;
      const watched = watchRenewals(handle.store, true);
      const errors: unknown[] = [];
      let reason: unknown;
      const inbox = createWebhookInbox({
        store: watched.store,
        now: time.now,
        leaseMs,
        leaseRenewMs: 5,
        onError: (error) => void errors.push(error),
        async handler(_event, context) {
          // The heartbeat is held back while the lease runs out and another worker takes the event.
          time.advance(leaseMs);
          const stolen = await handle.store.claim({ workerId: 'thief', now: time.now(), leaseMs, limit: 1 });
          assert.equal(stolen.length, 1);
          watched.open();
          await eventually(() => context.signal.aborted);
          reason = context.signal.reason;
        },
      });
      const { key } = await inbox.receive(await verifiedEvent(paymentSuccessBody('order_stolen')));
      assert.deepEqual(await inbox.processPending(), { succeeded: 0, retried: 0, deadLettered: 0 });
      assert.ok(reason instanceof InboxLeaseLostError, `signal reason: ${String(reason)}`);
      assert.equal(reason.key, key);
      assert.ok(
        errors.some((error) => error instanceof InboxLeaseLostError && /done outcome/.test(error.message)),
      );
      const entry = await inbox.get(key);
      assert.equal(entry?.status, 'processing');
      assert.equal(entry?.lockedBy, 'thief', "the thief's claim stands");
    });

    test('three inboxes sharing the store, fed duplicates concurrently, run each event exactly once', async (t) => {
      const handle = await create(t);
      if (!handle) return;
      const { runs, handler } = counter();
      const slowHandler: WebhookInboxOptions['handler'] = async (event, context) => {
        await new Promise((resolve) => setImmediate(resolve));
        handler(event, context);
      };
      const inboxes = [1, 2, 3].map(() =>
        createWebhookInbox({ store: handle.store, handler: slowHandler, batchSize: 2 }),
      );
      const events = await Promise.all(
        Array.from({ length: 12 }, (_, i) => verifiedEvent(paymentSuccessBody(`order_c${i}`, `cf_${i}`))),
      );
      const receipts = await Promise.all(
        events.flatMap((event, i) =>
          inboxes.map((inbox, j) =>
            inbox.receive({ ...event, delivery: { ...event.delivery, attempt: i + j } }),
          ),
        ),
      );
      assert.equal(receipts.filter((r) => !r.duplicate).length, 12);
      const summaries = await Promise.all(inboxes.map((inbox) => inbox.processPending()));
      assert.equal(
        summaries.reduce((sum, s) => sum + s.succeeded, 0),
        12,
      );
      assert.equal(runs.size, 12);
      assert.ok([...runs.values()].every((count) => count === 1));
    });

    test('the background worker processes what receive() records, and stops cleanly', async (t) => {
      const handle = await create(t);
      if (!handle) return;
      let resolveHandled: (event: WebhookEvent) => void = () => {};
      const handled = new Promise<WebhookEvent>((resolve) => {
        resolveHandled = resolve;
      });
      const inbox = createWebhookInbox({ store: handle.store, handler: (event) => resolveHandled(event) });
      inbox.start({ pollIntervalMs: 60_000 });
      t.after(() => inbox.stop());
      await inbox.receive(await verifiedEvent(refundBody('refund_worker')));
      const event = await handled;
      assert.equal(event.type, 'REFUND_STATUS_WEBHOOK');
      await inbox.stop();
    });

    test('after a restart a new inbox on the same data resumes pending work and keeps done work done', async (t) => {
      const handle = await create(t);
      if (!handle?.reopen) return;
      const { runs, handler } = counter();
      const before = createWebhookInbox({ store: handle.store, handler });
      const done = await before.receive(await verifiedEvent(paymentSuccessBody('order_before')));
      await before.processPending();
      const pending = await before.receive(await verifiedEvent(paymentSuccessBody('order_pending', 'cf_p')));

      const after = createWebhookInbox({ store: await handle.reopen(), handler });
      assert.equal(
        (await after.receive(await verifiedEvent(paymentSuccessBody('order_before')))).duplicate,
        true,
      );
      assert.deepEqual(await after.processPending(), { succeeded: 1, retried: 0, deadLettered: 0 });
      assert.equal(runs.get(done.key), 1);
      assert.equal(runs.get(pending.key), 1);
      assert.equal((await after.get(done.key))?.deliveries, 2);
    });
  });
}
