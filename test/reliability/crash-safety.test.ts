/**
 * Issue 12, point 2: crash safety. A sandbox child process on a file database takes a load of
 * creates, card payments and refunds from 16 concurrent cashfree-kit clients and is killed with
 * SIGKILL at a seeded point, three times, each time restarted on the same file. After every
 * restart:
 *
 * - every request that got a 2xx is there as it was acknowledged (same ids, amounts, statuses),
 *   and its idempotency key still replays the acknowledged answer instead of acting again;
 * - the database is consistent: an order is PAID exactly when it has one successful payment, no
 *   order is refunded beyond its payment, every refund points at that payment;
 * - webhook deliveries that were pending at the kill (the receiver refuses every first attempt,
 *   so there always are some) resume, and in the end every outbox event reached the receiver.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { Cashfree, type CreateOrderRequest, isConnectionError, type OrderEntity } from 'cashfree-kit';
import { sendJson, startLoopbackServer } from '../support/loopback-server.ts';
import { watchUnhandledRejections } from './support/concurrency.ts';
import { orderBody, payByCard } from './support/order-flows.ts';
import { groupBy, readLedger } from './support/sandbox-ledger.ts';
import { type SandboxProcess, startSandboxProcess } from './support/sandbox-process.ts';
import { between, runSeed, seededRandom } from './support/seeded-random.ts';
import { tempDir } from './support/temp-dir.ts';
import { waitUntilSettled } from './support/webhook-deliveries.ts';

const ROUNDS = 3;
const WORKERS = 16;
/** Each round is killed after this many acknowledged requests (seeded within the range). */
const KILL_AFTER_ACKS: [number, number] = [150, 450];
const SANDBOX_OPTIONS = { webhookRetrySchedule: 'fast' as const, webhookTimeoutMs: 2_000 };
/** A round waits up to this for the deliveries pending at the kill to resume. */
const RESUME_WAIT_MS = 60_000;
/**
 * About 35 s on a shared 2-core machine. The bound lets every round wait its full RESUME_WAIT_MS
 * and still leaves a minute for the load, so it is that wait's own failure that shows, not this.
 */
const TEST_TIMEOUT_MS = ROUNDS * RESUME_WAIT_MS + 60_000;

interface AckedCreate {
  body: CreateOrderRequest;
  idempotencyKey: string;
  entity: OrderEntity;
}

interface AckedRefund {
  orderId: string;
  refundId: string;
  cfRefundId: string;
  amount: number;
}

test('SIGKILL during creates, payments and refunds loses no acknowledged change, and webhooks resume', {
  timeout: TEST_TIMEOUT_MS,
}, async (t) => {
  const seed = runSeed('crash-safety');
  const random = seededRandom(seed);
  const unhandled = watchUnhandledRejections(t);
  const db = tempDir(t, 'crash')('sandbox.db');

  // The merchant's webhook endpoint: refuses each delivery's first attempt, so that deliveries
  // are always waiting for a retry when the sandbox dies; remembers when each key first landed.
  const firstDelivered = new Map<string, number>();
  const receiver = await startLoopbackServer(t, (request, response) => {
    const key = String(request.headers['x-idempotency-key']);
    if (request.headers['x-webhook-attempt'] === '1') return sendJson(response, 503, { retry: true });
    if (!firstDelivered.has(key)) firstDelivered.set(key, Date.now());
    sendJson(response, 200, { received: true });
  });
  const notifyUrl = `${receiver.url}/webhooks/cashfree`;

  const creates = new Map<string, AckedCreate>();
  const payments = new Map<string, string>();
  const refunds: AckedRefund[] = [];
  const clientFor = (sandbox: SandboxProcess) =>
    new Cashfree({
      appId: sandbox.appId,
      secretKey: sandbox.secretKey,
      environment: 'sandbox',
      baseUrl: sandbox.apiBase,
      // One attempt: an acknowledgement is this request's own 2xx, never a retry's.
      maxRetries: 0,
      timeoutMs: 10_000,
    });

  /** Drives the load until the sandbox dies; every resolved call is recorded as acknowledged. */
  async function load(client: Cashfree, round: number, onAck: () => void): Promise<number> {
    let failures = 0;
    let stopped = false;
    const worker = async (w: number) => {
      for (let n = 0; !stopped; n++) {
        try {
          const body = orderBody(`crash_${seed}_${round}_${w}_${n}`, 100 + ((w + n) % 40), {
            order_meta: { notify_url: notifyUrl },
          });
          const idempotencyKey = randomUUID();
          const entity = await client.orders.create(body, { idempotencyKey });
          creates.set(entity.order_id, { body, idempotencyKey, entity });
          onAck();
          payments.set(entity.order_id, await payByCard(client, entity));
          onAck();
          for (const [i, share] of [0.4, 0.4].entries()) {
            const refundId = `refund_${i}`;
            const amount = Math.round(entity.order_amount * share * 100) / 100;
            const refund = await client.refunds.create(entity.order_id, {
              refund_id: refundId,
              refund_amount: amount,
            });
            refunds.push({
              orderId: entity.order_id,
              refundId,
              cfRefundId: String(refund.cf_refund_id),
              amount,
            });
            onAck();
          }
        } catch (error) {
          // The kill: every call in flight fails to connect or is cut off; nothing else may fail.
          stopped = true;
          failures++;
          assert.ok(isConnectionError(error), `load failed with ${String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    return failures;
  }

  /** Everything acknowledged so far is there, as acknowledged, on the restarted sandbox. */
  async function verifyAcknowledged(client: Cashfree) {
    for (const [orderId, acked] of creates) {
      const order = await client.orders.get(orderId);
      assert.equal(order.cf_order_id, acked.entity.cf_order_id, `${orderId} kept its cf_order_id`);
      assert.equal(order.order_amount, acked.entity.order_amount);
      assert.equal(order.payment_session_id, acked.entity.payment_session_id);
      if (payments.has(orderId)) assert.equal(order.order_status, 'PAID', `${orderId} is PAID`);
      // The key still answers with the acknowledged response; a second order would be a 409.
      const replay = await client.orders.create(acked.body, { idempotencyKey: acked.idempotencyKey });
      assert.deepEqual(
        replay,
        acked.entity,
        `${orderId}: the idempotency key replays the acknowledged answer`,
      );
    }
    for (const [orderId, cfPaymentId] of payments) {
      const payment = await client.payments.get(orderId, cfPaymentId);
      assert.equal(payment.payment_status, 'SUCCESS', `${orderId}: payment ${cfPaymentId} succeeded`);
    }
    for (const acked of refunds) {
      const refund = await client.refunds.get(acked.orderId, acked.refundId);
      assert.equal(
        String(refund.cf_refund_id),
        acked.cfRefundId,
        `${acked.orderId}/${acked.refundId} kept its id`,
      );
      assert.equal(refund.refund_amount, acked.amount);
    }
  }

  const rounds: Record<string, number>[] = [];
  let sandbox = await startSandboxProcess(t, { db, ...SANDBOX_OPTIONS });
  for (let round = 1; round <= ROUNDS; round++) {
    const killAfter = between(random, ...KILL_AFTER_ACKS);
    let acks = 0;
    let killing: Promise<void> | undefined;
    const running = sandbox;
    const cutOff = await load(clientFor(running), round, () => {
      if (++acks === killAfter) killing = running.kill();
    });
    assert.ok(killing, `round ${round} reached its kill point`);
    await killing;

    sandbox = await startSandboxProcess(t, { db, ...SANDBOX_OPTIONS });
    const restartedAt = Date.now();
    await verifyAcknowledged(clientFor(sandbox));
    // No new event happens now (reads and replays only): what arrives was pending at the kill.
    await waitUntilSettled(sandbox.url, RESUME_WAIT_MS);
    const resumed = [...firstDelivered.values()].filter((at) => at >= restartedAt).length;
    rounds.push({ round, killed_after_acks: killAfter, calls_cut_off: cutOff, deliveries_resumed: resumed });
    assert.ok(resumed > 0, `round ${round}: deliveries pending at the kill resumed after the restart`);
  }
  await sandbox.close();

  const ledger = readLedger(db);
  console.log(
    `[reliability] crash-safety: ${JSON.stringify({
      seed,
      rounds,
      acknowledged: { creates: creates.size, payments: payments.size, refunds: refunds.length },
      stored: {
        orders: ledger.orders.length,
        payments: ledger.payments.length,
        refunds: ledger.refunds.length,
      },
      events: ledger.events.length,
      deliveries: ledger.webhookDeliveries.length,
    })}`,
  );
  assert.deepEqual(unhandled, []);

  // --- Consistency of everything stored, acknowledged or not.
  const paymentsByOrder = groupBy(ledger.payments, (p) => p.cf_order_id);
  const refundsByOrder = groupBy(ledger.refunds, (r) => r.cf_order_id);
  for (const order of ledger.orders) {
    const captured = (paymentsByOrder.get(order.cf_order_id) ?? []).filter((p) => p.status === 'SUCCESS');
    assert.ok(captured.length <= 1, `${order.order_id}: at most one successful payment`);
    assert.equal(order.status === 'PAID', captured.length === 1, `${order.order_id} is ${order.status}`);
    const orderRefunds = refundsByOrder.get(order.cf_order_id) ?? [];
    const refunded = orderRefunds
      .filter((r) => r.status !== 'CANCELLED')
      .reduce((sum, r) => sum + r.amount, 0);
    assert.ok(refunded <= (captured[0]?.amount ?? 0), `${order.order_id}: refunded ${refunded} paise`);
    for (const refund of orderRefunds) assert.equal(refund.cf_payment_id, captured[0]?.cf_payment_id);
  }

  // --- Every event reached the receiver: one delivery per event (every order has a notify_url),
  // delivered, its key received.
  const deliveriesByEvent = groupBy(ledger.webhookDeliveries, (d) => d.event_id);
  assert.ok(ledger.events.length > 0);
  for (const event of ledger.events) {
    const rows = deliveriesByEvent.get(event.id) ?? [];
    assert.equal(rows.length, 1, `event ${event.id} (${event.type}) has one delivery`);
    assert.equal(rows[0]?.status, 'delivered', `event ${event.id} was delivered`);
    assert.ok(firstDelivered.has(String(rows[0]?.idempotency_key)), `event ${event.id} reached the receiver`);
  }
});
