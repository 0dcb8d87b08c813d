/**
 * "Never pays twice": transfers.create and batchTransfers.create against a fake Cashfree (the SDK's
 * fake fetch) that stores each transfer once per transfer_id, as Cashfree does, and fails the way a
 * network does: before the request arrives, or after Cashfree acted and before its answer came back.
 * Each test counts what Cashfree received and holds.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BadRequestError, ConflictError, isCashfreeError, RateLimitError } from '../core/errors.js';
import {
  createFakeFetch,
  errorResponse,
  type FakeReply,
  jsonResponse,
  networkError,
  type RecordedRequest,
} from '../testing/index.js';
import { CashfreePayouts } from './client.js';
import { isPayoutIdConflictError, isPayoutOutcomeUnknownError, PayoutOutcomeUnknownError } from './errors.js';
import type { CreateBatchTransferRequest, CreateTransferRequest } from './types.js';

/** What the fake does with one create: act or not, then answer or fail. */
type Fault =
  | 'ok'
  | 'hang-before' // never reaches Cashfree; the client times out
  | 'hang-after' // Cashfree acts, the answer never comes
  | 'reset-after' // Cashfree acts, the connection resets
  | '502-after' // Cashfree acts, a gateway answers 502
  | '503-before' // refused by a gateway before Cashfree
  | '429-before' // rate limited, nothing done
  | 'lands-late'; // hangs; Cashfree acts only when the next lookup has already said "not found"

const NEVER = new Promise<never>(() => {});

function fakeCashfree(options: { createFaults?: Fault[]; lookupFaults?: ('ok' | '503' | 'reset')[] } = {}) {
  const transfers = new Map<string, Record<string, unknown>>();
  const batches = new Map<string, Record<string, unknown>>();
  const createFaults = [...(options.createFaults ?? [])];
  const lookupFaults = [...(options.lookupFaults ?? [])];
  const late: (() => void)[] = [];
  let cf = 1000;
  const stats = { creates: 0, lookups: 0 };

  const storeTransfer = (body: Record<string, unknown>): Record<string, unknown> | 'exists' => {
    const id = body['transfer_id'] as string;
    if (transfers.has(id)) return 'exists';
    const transfer = {
      transfer_id: id,
      cf_transfer_id: String(cf++),
      status: 'RECEIVED',
      status_code: 'RECEIVED',
      transfer_amount: body['transfer_amount'],
      beneficiary_details: body['beneficiary_details'],
    };
    transfers.set(id, transfer);
    return transfer;
  };
  const storeBatch = (body: Record<string, unknown>): Record<string, unknown> | 'exists' => {
    const id = body['batch_transfer_id'] as string;
    if (batches.has(id)) return 'exists';
    const items = (body['transfers'] as Record<string, unknown>[]).map((item) => ({
      ...item,
      cf_transfer_id: String(cf++),
      status: 'PENDING',
    }));
    const batch = {
      batch_transfer_id: id,
      cf_batch_transfer_id: String(cf++),
      status: 'PENDING',
      transfers: items,
    };
    batches.set(id, batch);
    return batch;
  };

  const create = (
    request: RecordedRequest,
    store: typeof storeTransfer,
    duplicate: string,
  ): FakeReply | Promise<FakeReply> => {
    stats.creates++;
    const fault = createFaults.shift() ?? 'ok';
    const act = () => store(request.json);
    switch (fault) {
      case 'hang-before':
        return NEVER;
      case 'lands-late':
        late.push(() => void act());
        return NEVER;
      case '503-before':
        return errorResponse(503, 'Service Unavailable', 'internal_server_error');
      case '429-before':
        return errorResponse(429, 'Too many requests', 'request_failed', 'rate_limit_error', {
          'x-ratelimit-retry': '1',
        });
      default: {
        const result = act();
        if (fault === 'hang-after') return NEVER;
        if (fault === 'reset-after') return networkError('ECONNRESET');
        if (fault === '502-after') return new Response('Bad Gateway', { status: 502 });
        if (result === 'exists')
          return errorResponse(409, `${duplicate} already exists`, `${duplicate}_already_exists`);
        return jsonResponse(result);
      }
    }
  };

  const lookup = (found: Record<string, unknown> | undefined, notFound: string): FakeReply => {
    stats.lookups++;
    const fault = lookupFaults.shift() ?? 'ok';
    if (fault === '503') return errorResponse(503, 'Service Unavailable', 'internal_server_error');
    if (fault === 'reset') return networkError('ECONNRESET');
    if (found) return jsonResponse(found);
    // The lost request reaches Cashfree just after it answered "not found".
    for (const land of late.splice(0)) queueMicrotask(land);
    return errorResponse(404, `${notFound.replace('_not_found', '')} does not exist`, notFound);
  };

  const fetch = createFakeFetch((request) => {
    const route = `${request.method} ${request.path}`;
    if (route === 'POST /payout/transfers') return create(request, storeTransfer, 'transfer_id');
    if (route === 'POST /payout/transfers/batch') return create(request, storeBatch, 'batch_transfer_id');
    if (route === 'GET /payout/transfers') {
      return lookup(transfers.get(request.query.get('transfer_id') ?? ''), 'transfer_id_not_found');
    }
    if (route === 'GET /payout/transfers/batch') {
      return lookup(batches.get(request.query.get('batch_transfer_id') ?? ''), 'batch_transfer_id_not_found');
    }
    return errorResponse(404, `no route ${route}`, 'not_found');
  });
  const sleeps: number[] = [];
  const payouts = new CashfreePayouts(
    {
      clientId: 'CF_PAYOUT_ID',
      clientSecret: 'payout-secret-value',
      environment: 'sandbox',
      fetch,
      timeoutMs: 20,
      maxRetries: 2,
    },
    { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
  );
  return { payouts, fetch, transfers, batches, stats, sleeps };
}

const transfer = (overrides: Partial<CreateTransferRequest> = {}): CreateTransferRequest => ({
  transfer_id: 'payout_0001',
  transfer_amount: 1250.5,
  beneficiary_details: { beneficiary_id: 'tea_estate_01' },
  ...overrides,
});

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the call to reject');
}

describe('transfers.create never pays twice', () => {
  test('a plain create sends once, to /payout/transfers, with Payouts headers and no idempotency key', async () => {
    const { payouts, fetch, transfers } = fakeCashfree();
    const created = await payouts.transfers.create(transfer());
    assert.equal(created.cf_transfer_id, transfers.get('payout_0001')?.['cf_transfer_id']);
    assert.equal(fetch.calls.length, 1);
    const [call] = fetch.calls;
    assert.equal(call?.url, 'https://sandbox.cashfree.com/payout/transfers');
    assert.equal(call?.headers['x-api-version'], '2024-01-01');
    assert.equal(call?.headers['x-client-id'], 'CF_PAYOUT_ID');
    assert.equal(call?.headers['x-idempotency-key'], undefined);
  });

  test('timeout after Cashfree acted: the lookup finds the transfer, and nothing is sent again', async () => {
    const { payouts, stats, transfers } = fakeCashfree({ createFaults: ['hang-after'] });
    const created = await payouts.transfers.create(transfer());
    assert.equal(created.transfer_id, 'payout_0001');
    assert.equal(created.cf_transfer_id, transfers.get('payout_0001')?.['cf_transfer_id']);
    assert.deepEqual(stats, { creates: 1, lookups: 1 });
  });

  test('timeout before Cashfree got it: the lookup says not found, then one more send creates it', async () => {
    const { payouts, stats, transfers, fetch } = fakeCashfree({ createFaults: ['hang-before'] });
    const created = await payouts.transfers.create(transfer());
    assert.equal(created.status, 'RECEIVED');
    assert.equal(transfers.size, 1);
    assert.deepEqual(stats, { creates: 2, lookups: 1 });
    const posts = fetch.calls.filter((call) => call.method === 'POST');
    assert.equal(posts[1]?.body, posts[0]?.body, 'the same transfer_id and body are sent again');
    assert.deepEqual(
      fetch.calls.map((call) => `${call.method} ${call.path}${call.query.size ? `?${call.query}` : ''}`),
      ['POST /payout/transfers', 'GET /payout/transfers?transfer_id=payout_0001', 'POST /payout/transfers'],
    );
  });

  test('a connection reset after Cashfree acted resolves to the transfer it has', async () => {
    const { payouts, stats, transfers } = fakeCashfree({ createFaults: ['reset-after'] });
    const created = await payouts.transfers.create(transfer());
    assert.equal(created.cf_transfer_id, transfers.get('payout_0001')?.['cf_transfer_id']);
    assert.deepEqual(stats, { creates: 1, lookups: 1 });
  });

  test('a 5xx is ambiguous: after a 502 the transfer is found; after a 503 it is not, and is sent again', async () => {
    const after = fakeCashfree({ createFaults: ['502-after'] });
    await after.payouts.transfers.create(transfer());
    assert.deepEqual(after.stats, { creates: 1, lookups: 1 });
    assert.equal(after.transfers.size, 1);

    const before = fakeCashfree({ createFaults: ['503-before'] });
    await before.payouts.transfers.create(transfer());
    assert.deepEqual(before.stats, { creates: 2, lookups: 1 });
    assert.equal(before.transfers.size, 1);
  });

  test('a 409 after our own lost attempt resolves to the transfer that attempt made', async () => {
    // The first send hangs and lands only after the lookup said "not found"; the second gets 409.
    const { payouts, stats, transfers } = fakeCashfree({ createFaults: ['lands-late'] });
    const created = await payouts.transfers.create(transfer());
    assert.equal(transfers.size, 1);
    assert.equal(created.cf_transfer_id, transfers.get('payout_0001')?.['cf_transfer_id']);
    assert.deepEqual(stats, { creates: 2, lookups: 2 });
  });

  test("a 409 for a stranger's transfer under the same id (another amount or payee) is an error, not that transfer", async () => {
    const { payouts, transfers, stats } = fakeCashfree();
    await payouts.transfers.create(transfer());
    for (const different of [
      transfer({ transfer_amount: 99 }),
      transfer({ beneficiary_details: { beneficiary_id: 'someone_else' } }),
    ]) {
      const error = await rejectionOf(payouts.transfers.create(different));
      assert.ok(isPayoutIdConflictError(error), String(error));
      assert.match(error.message, /payout_0001/);
      assert.ok(error.cause instanceof ConflictError, 'the 409 is kept as the cause');
    }
    assert.equal(transfers.size, 1);
    assert.equal(transfers.get('payout_0001')?.['transfer_amount'], 1250.5);
    assert.equal(stats.creates, 3);
  });

  test("after a lost attempt, a lookup that finds a stranger's transfer under the id is an error too", async () => {
    const { payouts, transfers } = fakeCashfree({ createFaults: ['ok', 'hang-before'] });
    await payouts.transfers.create(transfer({ transfer_amount: 10 }));
    const error = await rejectionOf(payouts.transfers.create(transfer({ transfer_amount: 20 })));
    assert.ok(isPayoutIdConflictError(error));
    assert.deepEqual(error.differences, ['transfer_amount 20 ≠ 10']);
    assert.equal(transfers.get('payout_0001')?.['transfer_amount'], 10);
  });

  test('the same payment sent again (a caller retrying after a crash) returns the existing transfer', async () => {
    const { payouts, transfers } = fakeCashfree();
    const first = await payouts.transfers.create(transfer());
    const again = await payouts.transfers.create(transfer());
    assert.equal(again.cf_transfer_id, first.cf_transfer_id);
    assert.equal(transfers.size, 1);
  });

  test('when the lookups fail too, the call ends in PayoutOutcomeUnknownError and sends nothing more', async () => {
    const { payouts, stats, transfers } = fakeCashfree({
      createFaults: ['hang-after'],
      lookupFaults: ['503', 'reset', '503'],
    });
    const error = await rejectionOf(payouts.transfers.create(transfer()));
    assert.ok(isPayoutOutcomeUnknownError(error), String(error));
    assert.ok(error instanceof PayoutOutcomeUnknownError);
    assert.equal(error.id, 'payout_0001');
    assert.match(error.message, /transfers\.get\(\{ transfer_id: 'payout_0001' \}\)/);
    assert.doesNotMatch(JSON.stringify(error) + String(error.cause), /payout-secret-value/);
    assert.equal(stats.creates, 1, 'never sent again without a "not found"');
    assert.equal(stats.lookups, 3, 'the lookup is a GET, retried as any GET');
    assert.equal(transfers.size, 1);
  });

  test('when every send is lost and every lookup says not found, it stops after maxRetries with an unknown outcome', async () => {
    const { payouts, stats, transfers } = fakeCashfree({
      createFaults: ['hang-before', 'hang-before', 'hang-before'],
    });
    const error = await rejectionOf(payouts.transfers.create(transfer()));
    assert.ok(isPayoutOutcomeUnknownError(error));
    assert.deepEqual(stats, { creates: 3, lookups: 3 });
    assert.equal(transfers.size, 0);
  });

  test('a 429 is sent again after a lookup, and ends in the RateLimitError (not an unknown outcome) if it persists', async () => {
    const once = fakeCashfree({ createFaults: ['429-before'] });
    await once.payouts.transfers.create(transfer());
    assert.deepEqual(once.stats, { creates: 2, lookups: 1 });
    assert.deepEqual(once.sleeps, [1000], "x-ratelimit-retry's wait");

    const always = fakeCashfree({ createFaults: ['429-before', '429-before', '429-before'] });
    const error = await rejectionOf(always.payouts.transfers.create(transfer()));
    assert.ok(error instanceof RateLimitError);
    assert.equal(always.transfers.size, 0);
  });

  test('a refusal that names the request (400) is thrown as is: no lookup, no second send', async () => {
    const fetch = createFakeFetch(() =>
      errorResponse(400, 'beneficiary_id : invalid', 'beneficiary_details.beneficiary_id_invalid'),
    );
    const payouts = new CashfreePayouts({
      clientId: 'id',
      clientSecret: 'secret',
      environment: 'sandbox',
      fetch,
    });
    const error = await rejectionOf(payouts.transfers.create(transfer()));
    assert.ok(error instanceof BadRequestError);
    assert.equal(error.code, 'beneficiary_details.beneficiary_id_invalid');
    assert.equal(fetch.calls.length, 1);
  });

  test('every call over a run of mixed faults ends in a transfer or a typed error, with one transfer per id', async () => {
    const faults: Fault[] = [
      'ok',
      'hang-before',
      'hang-after',
      'reset-after',
      '502-after',
      '503-before',
      'lands-late',
      '429-before',
    ];
    const { payouts, transfers } = fakeCashfree({
      createFaults: Array.from({ length: 40 }, (_, i) => faults[(i * 5) % faults.length] as Fault),
    });
    const ids = Array.from({ length: 12 }, (_, i) => `payout_${i}`);
    const outcomes = await Promise.allSettled(
      ids.map((id) => payouts.transfers.create(transfer({ transfer_id: id }))),
    );
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') {
        assert.equal(outcome.value.cf_transfer_id, transfers.get(ids[index] as string)?.['cf_transfer_id']);
      } else {
        assert.ok(isCashfreeError(outcome.reason), String(outcome.reason));
      }
    });
    assert.ok(transfers.size <= ids.length);
  });
});

describe('batchTransfers.create never pays twice', () => {
  const batch = (amount = 100): CreateBatchTransferRequest => ({
    batch_transfer_id: 'batch_0001',
    transfers: [
      {
        transfer_id: 'salary_001',
        transfer_amount: amount,
        beneficiary_details: { beneficiary_id: 'emp_001' },
      },
      { transfer_id: 'salary_002', transfer_amount: 200, beneficiary_details: { beneficiary_id: 'emp_002' } },
    ],
  });

  test('a timeout after Cashfree acted resolves to the batch by its batch_transfer_id', async () => {
    const { payouts, stats, batches, fetch } = fakeCashfree({ createFaults: ['hang-after'] });
    const created = await payouts.batchTransfers.create(batch());
    assert.equal(created.cf_batch_transfer_id, batches.get('batch_0001')?.['cf_batch_transfer_id']);
    assert.deepEqual(stats, { creates: 1, lookups: 1 });
    assert.equal(
      fetch.calls[1]?.url,
      'https://sandbox.cashfree.com/payout/transfers/batch?batch_transfer_id=batch_0001',
    );
  });

  test('a lost batch is sent again only after Cashfree says it does not exist', async () => {
    const { payouts, stats, batches } = fakeCashfree({ createFaults: ['reset-after', 'hang-before'] });
    await payouts.batchTransfers.create({ ...batch(), batch_transfer_id: 'batch_a' });
    await payouts.batchTransfers.create({ ...batch(), batch_transfer_id: 'batch_b' });
    assert.deepEqual(stats, { creates: 3, lookups: 2 });
    assert.equal(batches.size, 2);
  });

  test('a 409 for a batch with other transfers under the id is a PayoutIdConflictError', async () => {
    const { payouts, batches } = fakeCashfree();
    await payouts.batchTransfers.create(batch(100));
    const error = await rejectionOf(payouts.batchTransfers.create(batch(150)));
    assert.ok(isPayoutIdConflictError(error));
    assert.deepEqual(error.differences, ['transfers[0].transfer_amount 150 ≠ 100']);
    assert.equal(batches.size, 1);
  });
});
