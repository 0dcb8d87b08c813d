import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeInboxStore, verifiedEvent } from '../../../../../../test/support/inbox-conformance.ts';
import { paymentSuccessBody } from '../../../../../../test/support/webhook-payloads.ts';
import { createWebhookInbox } from '../inbox.js';
import { createSqliteInboxStore, openSqliteDatabase } from './sqlite.js';

function tempFile(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-inbox-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'webhooks.db');
}

// node:sqlite is the default wherever the runtime has it (Node 22.13+), so CI on Node 20 alone
// never ran it: each driver the runtime has gets the whole suite, by name. better-sqlite3 is an
// optional peer: on Node 22+ a fresh install leaves it out, so its cases are skipped with the reason
// there, and CI runs them on Node 20, where .ci/run installs it.
const hasNodeSqlite = Boolean(process.getBuiltinModule?.('node:sqlite'));
const betterSqlite3Problem = (() => {
  try {
    const Database = createRequire(import.meta.url)('better-sqlite3') as new (
      path: string,
    ) => { close(): void };
    new Database(':memory:').close();
    return undefined;
  } catch (error) {
    return `better-sqlite3 does not load on Node ${process.version}: ${String(error).split('\n')[0]}`;
  }
})();
const drivers: Array<'better-sqlite3' | 'node:sqlite'> = hasNodeSqlite
  ? ['better-sqlite3', 'node:sqlite']
  : ['better-sqlite3'];

for (const driver of drivers) {
  if (driver === 'better-sqlite3' && betterSqlite3Problem) {
    test(`SQLite on better-sqlite3 (skipped: ${betterSqlite3Problem})`, {
      skip: betterSqlite3Problem,
    }, () => {});
    continue;
  }
  describeInboxStore(`SQLite on ${driver} (a file, reopened for the restart)`, async (t) => {
    const filename = tempFile(t);
    const stores = [createSqliteInboxStore({ filename, driver })];
    // Shutdown closes every store, including the one the restart already closed.
    t.after(async () => {
      for (const store of stores) await store.close?.();
    });
    return {
      store: stores[0]!,
      reopen: async () => {
        // A "restart": the first store is closed, a new one opens the same file.
        await stores[0]?.close?.();
        const reopened = createSqliteInboxStore({ filename, driver });
        stores.push(reopened);
        return reopened;
      },
    };
  });

  test(`SQLite on ${driver}: close() twice is harmless, and a closed store's file reopens with its data`, async (t) => {
    const filename = tempFile(t);
    const store = createSqliteInboxStore({ filename, driver });
    const inbox = createWebhookInbox({ store, handler: () => {} });
    const { key } = await inbox.receive(await verifiedEvent(paymentSuccessBody('order_close_twice')));
    await store.close?.();
    await store.close?.();
    const reopened = createSqliteInboxStore({ filename, driver });
    t.after(() => reopened.close?.());
    assert.equal((await reopened.get(key))?.status, 'pending');
  });
}

test('SQLite: a database you opened is used as-is (and not closed), under a custom table name', async (t) => {
  const db = await openSqliteDatabase(tempFile(t));
  t.after(() => db.close());
  const store = createSqliteInboxStore({ database: db, tableName: 'my_inbox' });
  const handled: string[] = [];
  const inbox = createWebhookInbox({ store, handler: (event) => void handled.push(event.type) });
  await inbox.receive(await verifiedEvent(paymentSuccessBody()));
  await inbox.processPending();
  await store.close?.();
  assert.deepEqual(handled, ['PAYMENT_SUCCESS_WEBHOOK']);
  // Spread: node:sqlite's rows have a null prototype.
  const rows = db.prepare('SELECT type, status, deliveries FROM my_inbox').all();
  assert.deepEqual(
    rows.map((row) => ({ ...(row as object) })),
    [{ type: 'PAYMENT_SUCCESS_WEBHOOK', status: 'done', deliveries: 1 }],
  );
});

test('SQLite: two processes’ worth of stores on one file never run an event twice', async (t) => {
  const filename = tempFile(t);
  const stores = [createSqliteInboxStore({ filename }), createSqliteInboxStore({ filename })];
  t.after(async () => {
    for (const store of stores) await store.close?.();
  });
  const runs = new Map<string, number>();
  const inboxes = stores.map((store) =>
    createWebhookInbox({
      store,
      batchSize: 1,
      handler: (_e, { key }) => void runs.set(key, (runs.get(key) ?? 0) + 1),
    }),
  );
  for (let i = 0; i < 10; i++) {
    const event = await verifiedEvent(paymentSuccessBody(`order_${i}`, `cf_${i}`));
    await Promise.all(inboxes.map((inbox) => inbox.receive(event)));
  }
  await Promise.all(inboxes.map((inbox) => inbox.processPending()));
  assert.equal(runs.size, 10);
  assert.ok([...runs.values()].every((n) => n === 1));
});

test('SQLite: a bad table name is refused before any SQL runs', () => {
  assert.throws(
    () => createSqliteInboxStore({ filename: ':memory:', tableName: 'inbox; DROP TABLE x' }),
    /plain SQL identifier/,
  );
});
