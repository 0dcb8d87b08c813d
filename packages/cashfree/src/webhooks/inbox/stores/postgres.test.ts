import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { type TestContext, test } from 'node:test';
import pg from 'pg';
import { describeInboxStore, verifiedEvent } from '../../../../../../test/support/inbox-conformance.ts';
import { prerequisite } from '../../../../../../test/support/prerequisites.ts';
import {
  paymentFailedBody,
  paymentSuccessBody,
  refundBody,
} from '../../../../../../test/support/webhook-payloads.ts';
import type { WebhookEvent } from '../../events.js';
import { createWebhookInbox } from '../inbox.js';
import { createPostgresInboxStore } from './postgres.js';

const url = process.env['CASHFREE_KIT_PG_URL'];

/** A pool on the test server and a schema of its own, both removed when the test ends; undefined when skipped. */
function connect(t: TestContext): { pools: () => pg.Pool; schema: string } | undefined {
  const available = prerequisite(
    t,
    Boolean(url),
    'PostgreSQL (CASHFREE_KIT_PG_URL)',
    'Start a local server (see ../shared/reference/ecosystem.md: initdb under /tmp, listen on 127.0.0.1) and ' +
      'export CASHFREE_KIT_PG_URL=postgres://postgres@127.0.0.1:<port>/postgres; .ci/run does this.',
  );
  if (!available || !url) return undefined;
  const schema = `cfk_inbox_${randomUUID().replaceAll('-', '')}`;
  const opened: pg.Pool[] = [];
  t.after(async () => {
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    await Promise.all(opened.map((pool) => pool.end()));
  });
  return {
    schema,
    pools: () => {
      const pool = new pg.Pool({ connectionString: url, max: 4 });
      opened.push(pool);
      return pool;
    },
  };
}

describeInboxStore('PostgreSQL (own schema per test)', async (t) => {
  const db = connect(t);
  if (!db) return undefined;
  return {
    store: createPostgresInboxStore({ pool: db.pools(), schema: db.schema }),
    reopen: async () => createPostgresInboxStore({ pool: db.pools(), schema: db.schema }),
  };
});

test('PostgreSQL: 4 workers on 4 pools with injected duplicate deliveries handle each event exactly once', async (t) => {
  const db = connect(t);
  if (!db) return;
  const handled: { key: string; worker: number }[] = [];
  const workers = [0, 1, 2, 3].map((worker) =>
    createWebhookInbox({
      store: createPostgresInboxStore({ pool: db.pools(), schema: db.schema }),
      batchSize: 3,
      handler: async (_event, { key }) => {
        handled.push({ key, worker });
        // Yield so the four workers interleave their claims.
        await new Promise((resolve) => setImmediate(resolve));
      },
    }),
  );

  // 60 distinct events: payments (2025-01-01, keyed by x-idempotency-key), failed attempts and
  // refunds (2023-08-01, keyed by content hash).
  const events: WebhookEvent[] = [];
  for (let i = 0; i < 20; i++) {
    events.push(await verifiedEvent(paymentSuccessBody(`order_${i}`, `cf_ok_${i}`)));
    events.push(
      await verifiedEvent(paymentFailedBody(`order_${i}`, `cf_fail_${i}`), { version: '2023-08-01' }),
    );
    events.push(await verifiedEvent(refundBody(`refund_${i}`), { version: '2023-08-01' }));
  }
  // Every event is delivered 3 times — Cashfree's retries, landing on random instances — while all
  // four workers are already draining the inbox.
  const deliveries = events.flatMap((event, i) =>
    [1, 2, 3].map((attempt) => ({
      event: { ...event, delivery: { ...event.delivery, attempt } },
      worker: (i + attempt) % 4,
    })),
  );
  const receive = Promise.all(deliveries.map(({ event, worker }) => workers[worker]!.receive(event)));
  const drainWhileReceiving = Promise.all(workers.map((inbox) => inbox.processPending()));
  const receipts = await receive;
  await drainWhileReceiving;
  // Whatever arrived after a worker found the inbox empty: drain again, all four at once.
  await Promise.all(workers.map((inbox) => inbox.processPending()));

  assert.equal(receipts.filter((r) => !r.duplicate).length, 60);
  assert.equal(handled.length, 60, 'each of the 60 events is handled once, none twice');
  const perKey = new Map<string, number>();
  for (const { key } of handled) perKey.set(key, (perKey.get(key) ?? 0) + 1);
  assert.equal(perKey.size, 60);
  assert.ok([...perKey.values()].every((n) => n === 1));

  const check = db.pools();
  const { rows } = await check.query(
    `SELECT status, count(*)::int AS n, sum(deliveries)::int AS deliveries FROM "${db.schema}".cashfree_webhook_inbox GROUP BY status`,
  );
  assert.deepEqual(rows, [{ status: 'done', n: 60, deliveries: 180 }]);
});

test('PostgreSQL: concurrent first use migrates once; bad identifiers are refused', async (t) => {
  const db = connect(t);
  if (!db) return;
  const stores = [0, 1, 2, 3].map(() =>
    createPostgresInboxStore({ pool: db.pools(), schema: db.schema, tableName: 'hooks' }),
  );
  await Promise.all(stores.map((store) => store.migrate()));
  const { rows } = await db
    .pools()
    .query(
      'SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2',
      [db.schema, 'hooks'],
    );
  assert.deepEqual(rows, [{ n: 1 }]);
  assert.throws(
    () => createPostgresInboxStore({ pool: db.pools(), schema: 'x"; DROP SCHEMA public; --' }),
    /plain SQL identifier/,
  );
});
