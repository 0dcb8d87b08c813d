/**
 * Issue 12, point 1: faults between the SDK and the server. cashfree-kit talks to a sandbox (in a
 * child process, on a file database) through a fault-injecting TCP proxy that resets, hangs,
 * truncates and answers 429/5xx itself, per chunk, at a 25% fault rate. Over 2,000 order
 * creations, 400 card payments (Order Pay and OTP) and 1,400 refunds:
 *
 * - every call ends in success or a typed cashfree-kit error, within a deadline computed from
 *   timeoutMs, maxRetries and the backoff policy, and nothing rejects unhandled;
 * - the sandbox's database (read directly once it stopped) holds exactly one order per successful
 *   create and never a duplicate: half the creates send no order_id, so only the idempotency key
 *   stands between a retry and a second order; a failed create left an order exactly when one of
 *   its attempts (any of them, not only the last) reached the sandbox whole and the answer was
 *   then lost on the way back, as the proxy's log of every attempt shows;
 * - no order is charged twice (one payment at most per Order Pay call), none is refunded more
 *   than was paid, and no refund exists twice.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  Cashfree,
  isBadRequestError,
  isCashfreeError,
  isConnectionError,
  isRateLimitError,
  isServerError,
  type OrderEntity,
} from 'cashfree-kit';
import { runPool, watchUnhandledRejections } from './support/concurrency.ts';
import { type ExchangeRecord, type FaultKind, startFaultProxy } from './support/fault-proxy.ts';
import { orderBody, payByCard } from './support/order-flows.ts';
import { groupBy, readLedger } from './support/sandbox-ledger.ts';
import { startSandboxProcess } from './support/sandbox-process.ts';
import { runSeed, seededRandom } from './support/seeded-random.ts';
import { tempDir } from './support/temp-dir.ts';
import { describeError } from './support/typed-errors.ts';

const FAULT_RATE = 0.25;
const CREATES = 2_000;
/** Orders paid through the proxy; the first 350 whose payment went through are refunded. */
const PAY_ATTEMPTS = 400;
const REFUNDED_ORDERS = 350;
/** Three refunds of 30% each fit; the fourth would exceed the payment and must be refused. */
const REFUND_SHARES = [0.3, 0.3, 0.3, 0.3];
const CONCURRENCY = 32;
const TIMEOUT_MS = 800;
const MAX_RETRIES = 3;
const RATE_LIMIT_RETRY_SECONDS = 1;
/** Event-loop lag on a shared, busy machine: generous, because the bound proves "never hangs", not speed. */
const SCHEDULING_SLACK_MS = 4_000;
/** About 60 s on a shared 2-core machine; three times that fails a hang, not a slow machine. */
const TEST_TIMEOUT_MS = 180_000;

/**
 * The longest a call may take: every attempt runs into its timeout, and every wait between
 * attempts is the longer of the backoff ceiling (0.5 s doubling, capped at 8 s; see the SDK's
 * internal/retry.ts) and the synthetic 429's `x-ratelimit-retry`.
 */
function callDeadlineMs(): number {
  let waits = 0;
  for (let retry = 1; retry <= MAX_RETRIES; retry++) {
    waits += Math.max(Math.min(8_000, 500 * 2 ** (retry - 1)), RATE_LIMIT_RETRY_SECONDS * 1000);
  }
  return (MAX_RETRIES + 1) * TIMEOUT_MS + waits + SCHEDULING_SLACK_MS;
}

/** The faults that hit an exchange after the server got the request: it acted, the caller never heard. */
const ANSWER_LOST: readonly FaultKind[] = [
  'reset_after_request',
  'hang_after_request',
  'truncate_response',
  'status_after_request',
];

/**
 * The attempts of each create call, from the proxy's log: the body's order tag names the call,
 * and the x-idempotency-key (the same on every retry of a call) finds its attempts whose body the
 * log lacks.
 */
function attemptsByCreate(exchanges: readonly ExchangeRecord[], seed: number): Map<number, ExchangeRecord[]> {
  const keyOf = (request: string) => /\r\nx-idempotency-key: ([^\r\n]+)/i.exec(request)?.[1];
  const tag = new RegExp(`"call":"create_${seed}_(\\d+)"`);
  const callOfKey = new Map<string, number>();
  for (const { request } of exchanges) {
    const key = keyOf(request);
    const call = tag.exec(request)?.[1];
    if (key !== undefined && call !== undefined) callOfKey.set(key, Number(call));
  }
  const attempts = new Map<number, ExchangeRecord[]>();
  for (const exchange of exchanges) {
    const call = callOfKey.get(keyOf(exchange.request) ?? '');
    if (call !== undefined) attempts.set(call, [...(attempts.get(call) ?? []), exchange]);
  }
  return attempts;
}

/** True for the errors a call may end in after its retries ran out on injected faults. */
function isExhaustedRetry(error: unknown): boolean {
  if (isConnectionError(error)) return true;
  if (isRateLimitError(error)) return error.status === 429;
  return isServerError(error) && [500, 502, 503].includes(error.status);
}

interface Outcome<T> {
  value?: T;
  error?: unknown;
  elapsedMs: number;
}

async function settle<T>(call: () => Promise<T>): Promise<Outcome<T>> {
  const started = performance.now();
  try {
    const value = await call();
    return { value, elapsedMs: performance.now() - started };
  } catch (error) {
    return { error, elapsedMs: performance.now() - started };
  }
}

test('2,000 creates, 400 payments and 1,400 refunds through a 25% fault proxy: typed, bounded, never duplicated', {
  timeout: TEST_TIMEOUT_MS,
}, async (t) => {
  const seed = runSeed('faults');
  const random = seededRandom(seed);
  const unhandled = watchUnhandledRejections(t);
  const db = tempDir(t, 'faults')('sandbox.db');

  const sandbox = await startSandboxProcess(t, { db });
  const proxy = await startFaultProxy({
    targetPort: Number(new URL(sandbox.url).port),
    random,
    faultRate: FAULT_RATE,
    rateLimitRetrySeconds: RATE_LIMIT_RETRY_SECONDS,
  });
  t.after(() => proxy.close());

  let attempts = 0;
  let retries = 0;
  const credentials = { appId: sandbox.appId, secretKey: sandbox.secretKey, environment: 'sandbox' as const };
  const faulty = new Cashfree({
    ...credentials,
    baseUrl: `${proxy.url}/pg`,
    timeoutMs: TIMEOUT_MS,
    maxRetries: MAX_RETRIES,
    onRequest: ({ attempt }) => {
      attempts++;
      if (attempt > 1) retries++;
    },
  });
  const deadline = callDeadlineMs();

  // --- 2,000 creates; every second one without order_id, tagged so the database can be matched.
  const tag = (index: number) => `create_${seed}_${index}`;
  const creates: Outcome<OrderEntity>[] = new Array(CREATES);
  await runPool(CREATES, CONCURRENCY, async (index) => {
    const orderId = index % 2 === 0 ? `rel_${seed}_${index}` : undefined;
    creates[index] = await settle(() =>
      faulty.orders.create(orderBody(orderId, 100 + (index % 50), { order_tags: { call: tag(index) } })),
    );
  });

  // --- Pay the first created orders by card through the proxy (Order Pay, then the OTP), then
  // refund each four times through it.
  const candidates = creates
    .map((outcome) => outcome.value)
    .filter((order): order is OrderEntity => order !== undefined)
    .slice(0, PAY_ATTEMPTS);
  const pays: Outcome<string>[] = new Array(candidates.length);
  await runPool(candidates.length, CONCURRENCY, async (index) => {
    pays[index] = await settle(() => payByCard(faulty, candidates[index] as OrderEntity));
  });
  const paid = candidates.filter((_, index) => pays[index]?.value !== undefined).slice(0, REFUNDED_ORDERS);
  assert.equal(paid.length, REFUNDED_ORDERS, 'enough orders were paid to refund');
  const refunds: { order: OrderEntity; refundId: string; outcome: Outcome<unknown> }[][] = [];
  await runPool(paid.length, CONCURRENCY, async (index) => {
    const order = paid[index] as OrderEntity;
    const results: (typeof refunds)[number] = [];
    // Sequential per order, so the fourth refund meets the first three.
    for (const [n, share] of REFUND_SHARES.entries()) {
      const refundId = `refund_${n}`;
      const outcome = await settle(() =>
        faulty.refunds.create(order.order_id, {
          refund_id: refundId,
          refund_amount: Math.round(order.order_amount * share * 100) / 100,
        }),
      );
      results.push({ order, refundId, outcome });
    }
    refunds[index] = results;
  });

  const stats = proxy.stats;
  const refundCalls = refunds.flat();
  const failedCreates = creates.filter((o) => o.error !== undefined);
  const summary = {
    seed,
    creates: CREATES,
    payments: candidates.length,
    refunds: refundCalls.length,
    attempts,
    retries,
    proxy_requests: stats.requests,
    proxy_connections: stats.connections,
    faults: proxy.faultCount(),
    fault_rate: Number((proxy.faultCount() / stats.requests).toFixed(3)),
    faults_by_kind: stats.faults,
    synthetic_statuses: stats.statuses,
    faults_on_reused_connections: stats.faultsOnReusedConnections,
    failed_creates: failedCreates.length,
    failed_payments: pays.filter((o) => o.error !== undefined).length,
    failed_refunds: refundCalls.filter((r) => r.outcome.error !== undefined).length,
    slowest_call_ms: Math.round(
      Math.max(...[...creates, ...pays, ...refundCalls.map((r) => r.outcome)].map((o) => o.elapsedMs)),
    ),
    deadline_ms: deadline,
  };
  console.log(`[reliability] faults: ${JSON.stringify(summary)}`);

  // --- The run was what it claims to be.
  assert.ok(
    summary.fault_rate >= 0.2 && summary.fault_rate <= 0.3,
    `fault rate ${summary.fault_rate} is within 20-30%`,
  );
  for (const [kind, count] of Object.entries(stats.faults)) assert.ok(count > 0, `${kind} was injected`);
  for (const status of ['429', '500', '502', '503'])
    assert.ok(stats.statuses[status], `a ${status} was sent`);
  assert.ok(stats.faultsOnReusedConnections > 0, 'faults hit keep-alive connections mid-life');
  assert.ok(refundCalls.length >= 1_000);

  // --- Every call ended in success or a typed error, within its deadline.
  assert.deepEqual(unhandled, [], 'no unhandled rejection');
  const calls = [
    ...creates.map((outcome) => ({ outcome, deadline })),
    // A payment is two calls: Order Pay, then the OTP.
    ...pays.map((outcome) => ({ outcome, deadline: 2 * deadline })),
    ...refundCalls.map(({ outcome }) => ({ outcome, deadline })),
  ];
  for (const { outcome, deadline } of calls) {
    assert.ok(
      outcome.elapsedMs <= deadline,
      `a call took ${Math.round(outcome.elapsedMs)} ms (> ${deadline})`,
    );
    if (outcome.error !== undefined) assert.ok(isCashfreeError(outcome.error), describeError(outcome.error));
  }
  for (const outcome of pays) {
    if (outcome.error !== undefined) {
      assert.ok(isExhaustedRetry(outcome.error), `payment failed with ${describeError(outcome.error)}`);
    }
  }
  for (const outcome of failedCreates) {
    assert.ok(isExhaustedRetry(outcome.error), `create failed with ${describeError(outcome.error)}`);
  }
  for (const calls of refunds) {
    for (const [n, { outcome }] of calls.entries()) {
      if (outcome.error === undefined) continue;
      // Only the fourth refund may be refused: it exceeds the payment once the first three landed.
      const refused = n === REFUND_SHARES.length - 1 && isBadRequestError(outcome.error);
      assert.ok(
        refused || isExhaustedRetry(outcome.error),
        `refund failed with ${describeError(outcome.error)}`,
      );
    }
  }

  // --- The database, read directly.
  await proxy.close();
  await sandbox.close();
  const ledger = readLedger(db);
  const ordersByTag = groupBy(ledger.orders, (o) => o.order_tags?.['call']);
  assert.equal(ordersByTag.get(undefined), undefined, 'every order belongs to a create call');
  let failedButPresent = 0;
  const wrongCounts: string[] = [];
  const createAttempts = attemptsByCreate(proxy.exchanges, seed);
  const unexplained: string[] = [];
  for (const [index, outcome] of creates.entries()) {
    const rows = ordersByTag.get(tag(index)) ?? [];
    if (outcome.value) {
      if (rows.length !== 1) {
        wrongCounts.push(`create ${index} succeeded and left ${rows.length} orders`);
        continue;
      }
      assert.equal(String(rows[0]?.cf_order_id), outcome.value.cf_order_id, 'the order the call returned');
      assert.equal(rows[0]?.order_id, outcome.value.order_id);
      assert.equal(rows[0]?.amount, (100 + (index % 50)) * 100);
    } else if (rows.length > 1) {
      wrongCounts.push(`create ${index} failed and left ${rows.length} orders`);
    } else {
      // A failed create left its order exactly when one of its attempts (any, not only the last)
      // reached the sandbox whole, and then its answer was lost on the way back.
      const tried = createAttempts.get(index) ?? [];
      const reached = tried.filter((attempt) => attempt.forwarded);
      const lost = reached.filter((attempt) => attempt.fault && ANSWER_LOST.includes(attempt.fault));
      if (tried.length === 0) unexplained.push(`create ${index}: no attempt in the proxy's log`);
      else if (rows.length === 1 && lost.length === 0)
        unexplained.push(
          `create ${index} left an order, but none of its ${tried.length} attempts lost an answer`,
        );
      else if (rows.length === 0 && reached.length > 0)
        unexplained.push(`create ${index}: ${reached.length} attempts reached the sandbox, yet no order`);
      if (rows.length === 1) failedButPresent++;
    }
  }
  assert.deepEqual(
    unexplained.slice(0, 5),
    [],
    `${unexplained.length} failed creates do not match the proxy's log`,
  );
  assert.deepEqual(
    wrongCounts.slice(0, 5),
    [],
    `${wrongCounts.length} creates left the wrong number of orders`,
  );
  console.log(
    `[reliability] faults: ${failedCreates.length} creates failed, ${failedButPresent} of them after the order was created; ` +
      `the proxy's log has the attempts of ${createAttempts.size} of ${CREATES} creates`,
  );

  // Never charged twice: one Order Pay call per order, so one payment at most, whatever was retried.
  const paymentsByOrder = groupBy(ledger.payments, (p) => p.cf_order_id);
  const chargedTwice = [...paymentsByOrder].filter(([, rows]) => rows.length > 1);
  assert.deepEqual(chargedTwice.slice(0, 5), [], `${chargedTwice.length} orders have more than one payment`);
  const refundsByOrder = groupBy(ledger.refunds, (r) => r.cf_order_id);
  let timesRefusedAsOverRefund = 0;
  for (const calls of refunds) {
    const order = calls[0]?.order as OrderEntity;
    const cfOrderId = Number(order.cf_order_id);
    const captured = (paymentsByOrder.get(cfOrderId) ?? []).filter((p) => p.status === 'SUCCESS');
    assert.equal(captured.length, 1, `${order.order_id} has one captured payment`);
    const rows = refundsByOrder.get(cfOrderId) ?? [];
    const ids = rows.map((r) => r.refund_id);
    assert.equal(new Set(ids).size, ids.length, `${order.order_id}: no refund_id twice`);
    assert.ok(rows.length <= 3, `${order.order_id}: at most three refunds of 30% (found ${rows.length})`);
    const refunded = rows
      .filter((r) => r.status === 'SUCCESS' || r.status === 'PENDING')
      .reduce((sum, r) => sum + r.amount, 0);
    assert.ok(
      refunded <= (captured[0]?.amount ?? 0),
      `${order.order_id}: refunded ${refunded} of ${captured[0]?.amount} paise`,
    );
    for (const { refundId, outcome } of calls) {
      const row = rows.find((r) => r.refund_id === refundId);
      const value = outcome.value as { cf_refund_id?: string } | undefined;
      if (value)
        assert.equal(String(row?.cf_refund_id), String(value.cf_refund_id), 'the refund the call returned');
      if (isBadRequestError(outcome.error)) {
        timesRefusedAsOverRefund++;
        assert.equal(row, undefined, 'a refused refund left no row');
      }
    }
  }
  console.log(
    `[reliability] faults: ${timesRefusedAsOverRefund} fourth refunds refused for exceeding the payment`,
  );
  assert.ok(timesRefusedAsOverRefund > 0, 'some fourth refunds were refused for exceeding the payment');
});
