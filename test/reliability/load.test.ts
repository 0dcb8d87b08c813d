/**
 * Issue 12, point 7: load. 32 concurrent cashfree-kit clients drive a sandbox child process (file
 * database, as `npm start` runs it) for a sustained minute with a realistic mix: create an order,
 * fetch it, pay it by card with OTP, fetch it again, list its payments, refund part of it, fetch
 * and list the refunds. Every response is checked for what it must say; none may be an error.
 *
 * Memory: the sandbox's heap after a forced full GC may grow by at most 2 MiB plus 128 bytes per
 * request between the 20-second mark (caches warm, JIT settled) and the end. All state lives in
 * SQLite, so the JavaScript heap has nothing to grow with: what stays on it per request is a leak.
 * RSS may grow by 64 MiB more than that, because SQLite's page cache (store/database.ts) fills as
 * the database grows.
 *
 * `CASHFREE_KIT_LOAD_SECONDS` shortens the run for local experiments; under CI (CI set) a value
 * below 60 fails the test, so CI always runs the full minute.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cashfree, isCashfreeError } from 'cashfree-kit';
import { watchUnhandledRejections } from './support/concurrency.ts';
import { orderBody, TEST_CARD, TEST_OTP } from './support/order-flows.ts';
import { type MemorySample, startSandboxProcess } from './support/sandbox-process.ts';
import { tempDir } from './support/temp-dir.ts';

const CLIENTS = 32;
/** The sustained minute the guarantee is about. */
const FULL_SECONDS = 60;
const SECONDS = Number(process.env['CASHFREE_KIT_LOAD_SECONDS'] ?? FULL_SECONDS);
const WARM_UP_SECONDS = Math.min(20, SECONDS / 3);
const MiB = 1024 * 1024;
/**
 * Heap growth allowed between the warm-up mark and the end (after GC): a fixed allowance for GC
 * noise and a late JIT warm-up on a slow machine (measured: 0.2-0.4 MiB in all, and warm-up
 * levels off below 2 MiB), plus a few bytes per request served in that span, so that a leak is
 * caught however fast the machine is (measured: 10-35 bytes a request, all of it noise).
 */
const HEAP_NOISE = 2 * MiB;
const HEAP_BYTES_PER_REQUEST = 128;
/** RSS may grow by SQLite's 64 MiB page cache (store/database.ts) on top of the heap bound. */
const RSS_CACHE = 64 * MiB;

/**
 * The run plus start-up, the last memory sample and the clients' last flows (each call has a
 * 30 s timeout): twice the run and a minute more, so a hung sandbox fails the test, not CI's clock.
 */
const TIMEOUT_MS = (2 * SECONDS + 60) * 1000;

const mib = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;

test(`32 concurrent clients for ${SECONDS} s: every answer correct, no error, bounded memory`, {
  timeout: TIMEOUT_MS,
}, async (t) => {
  assert.ok(Number.isFinite(SECONDS) && SECONDS > 0, `CASHFREE_KIT_LOAD_SECONDS must be a number of seconds`);
  // A shortened run proves less than the guarantee says: fine on a laptop, never in CI.
  if (process.env['CI'])
    assert.ok(
      SECONDS >= FULL_SECONDS,
      `CI runs the full ${FULL_SECONDS} s (CASHFREE_KIT_LOAD_SECONDS=${SECONDS})`,
    );
  const unhandled = watchUnhandledRejections(t);
  const sandbox = await startSandboxProcess(t, { db: tempDir(t, 'load')('sandbox.db') });

  const requests = new Map<string, number>();
  const errors: string[] = [];
  let flows = 0;
  let stop = false;
  const count = (what: string) => requests.set(what, (requests.get(what) ?? 0) + 1);

  /** One client: its own SDK instance, one flow after another, every answer checked. */
  async function client(id: number): Promise<void> {
    const cashfree = new Cashfree({
      appId: sandbox.appId,
      secretKey: sandbox.secretKey,
      environment: 'sandbox',
      baseUrl: sandbox.apiBase,
      // Every error response must surface: nothing is retried away.
      maxRetries: 0,
      timeoutMs: 30_000,
      onResponse: ({ method, url }) => {
        count(`${method} ${new URL(url).pathname.replace(/\/[^/]*\d[^/]*/g, '/:id')}`);
      },
    });
    for (let n = 0; !stop; n++) {
      const orderId = `load_${id}_${n}`;
      const amount = 100 + (n % 100);
      try {
        const order = await cashfree.orders.create(orderBody(orderId, amount));
        assert.equal(order.order_id, orderId);
        assert.equal(order.order_status, 'ACTIVE');
        assert.equal(order.order_amount, amount);
        assert.match(order.payment_session_id ?? '', /^session_/);

        const fetched = await cashfree.orders.get(orderId);
        assert.equal(fetched.cf_order_id, order.cf_order_id);
        assert.equal(fetched.order_status, 'ACTIVE');

        const pay = await cashfree.orders.pay({
          payment_session_id: order.payment_session_id ?? '',
          payment_method: { card: TEST_CARD },
        });
        assert.equal(pay.payment_method, 'card');
        const otp = await cashfree.orders.authenticate(String(pay.cf_payment_id), {
          action: 'SUBMIT_OTP',
          otp: TEST_OTP,
        });
        assert.equal(otp.authenticate_status, 'SUCCESS');

        assert.equal((await cashfree.orders.get(orderId)).order_status, 'PAID');
        const payments = await cashfree.payments.list(orderId);
        assert.equal(payments.length, 1);
        assert.equal(payments[0]?.payment_status, 'SUCCESS');
        assert.equal(payments[0]?.payment_amount, amount);
        assert.equal(String(payments[0]?.cf_payment_id), String(pay.cf_payment_id));

        const refund = await cashfree.refunds.create(orderId, {
          refund_id: 'refund_1',
          refund_amount: amount / 2,
        });
        assert.equal(refund.refund_status, 'PENDING');
        assert.equal(refund.refund_amount, amount / 2);
        assert.equal((await cashfree.refunds.get(orderId, 'refund_1')).cf_refund_id, refund.cf_refund_id);
        const refunds = await cashfree.refunds.list(orderId);
        assert.deepEqual(
          refunds.map((r) => r.refund_id),
          ['refund_1'],
        );
        flows++;
      } catch (error) {
        errors.push(
          `${orderId}: ${isCashfreeError(error) ? `${error.name} ${error.message}` : String(error)}`,
        );
        if (errors.length > 20) stop = true;
      }
    }
  }

  const started = Date.now();
  const samples: ({ at_s: number } & MemorySample)[] = [];
  const sample = async () => {
    const memory = await sandbox.memory();
    samples.push({ at_s: Math.round((Date.now() - started) / 1000), ...memory });
    return memory;
  };
  const clients = Array.from({ length: CLIENTS }, (_, id) => client(id));
  const sleepUntil = (seconds: number) =>
    new Promise((resolve) => setTimeout(resolve, Math.max(0, started + seconds * 1000 - Date.now())));

  await sleepUntil(WARM_UP_SECONDS);
  const warm = await sample();
  const requestsAtWarm = [...requests.values()].reduce((a, b) => a + b, 0);
  for (let at = WARM_UP_SECONDS + 10; at < SECONDS; at += 10) {
    await sleepUntil(at);
    await sample();
  }
  await sleepUntil(SECONDS);
  const end = await sample();
  stop = true;
  await Promise.all(clients);
  await sandbox.close();

  const total = [...requests.values()].reduce((a, b) => a + b, 0);
  const heapBound = HEAP_NOISE + HEAP_BYTES_PER_REQUEST * (total - requestsAtWarm);
  const rssBound = heapBound + RSS_CACHE;
  console.log(
    `[reliability] load: ${JSON.stringify({
      clients: CLIENTS,
      seconds: SECONDS,
      flows,
      requests: total,
      requests_per_second: Math.round(total / SECONDS),
      by_endpoint: Object.fromEntries(requests),
      errors: errors.length,
      memory_mib: samples.map((s) => ({ at_s: s.at_s, heap: mib(s.heapUsed), rss: mib(s.rss) })),
      heap_growth_mib: mib(end.heapUsed - warm.heapUsed),
      heap_bound_mib: mib(heapBound),
      heap_growth_bytes_per_request: Math.round((end.heapUsed - warm.heapUsed) / (total - requestsAtWarm)),
      rss_growth_mib: mib(end.rss - warm.rss),
      rss_bound_mib: mib(rssBound),
    })}`,
  );

  assert.deepEqual(errors, [], 'no error responses and no wrong answers');
  assert.deepEqual(unhandled, []);
  assert.ok(flows >= CLIENTS, 'every client completed flows');
  assert.ok(
    end.heapUsed - warm.heapUsed < heapBound,
    `heap grew ${mib(end.heapUsed - warm.heapUsed)} MiB after warm-up (bound ${mib(heapBound)} MiB)`,
  );
  assert.ok(
    end.rss - warm.rss < rssBound,
    `RSS grew ${mib(end.rss - warm.rss)} MiB after warm-up (bound ${mib(rssBound)} MiB)`,
  );
});
