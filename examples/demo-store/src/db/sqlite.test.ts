import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { WebhookEvent } from 'cashfree-kit/webhooks';
import { createWebhookInbox } from 'cashfree-kit/webhooks/inbox';
import { createSqliteInboxStore } from 'cashfree-kit/webhooks/inbox/sqlite';
import { openDatabase } from './database.js';
import { openSqlite, SQLITE_DRIVERS, type SqliteDatabase, whyDriverMissing } from './sqlite.js';
import { WebhookLog } from './webhook-log.js';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'demo-store-sqlite-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function items(db: SqliteDatabase): string[] {
  return (db.prepare('SELECT name FROM items ORDER BY rowid').all() as Array<{ name: string }>).map(
    (row) => row.name,
  );
}

const failedPayment = {
  type: 'PAYMENT_FAILED_WEBHOOK',
  event_time: '2025-02-14T10:00:00+05:30',
  data: {
    order: { order_id: 'order_shared_db', order_amount: 1, order_currency: 'INR', order_tags: null },
    payment: { cf_payment_id: '1', payment_status: 'FAILED', payment_amount: 1 },
    customer_details: {},
  },
  delivery: { version: '2025-01-01', idempotencyKey: undefined, attempt: 1, timestamp: 0 },
} as unknown as WebhookEvent;

// Each driver the runtime has gets every test, by name; one it lacks is skipped with the reason.
for (const driver of SQLITE_DRIVERS) {
  describe(`on ${driver}`, { skip: whyDriverMissing(driver) ?? false }, () => {
    const open = (t: { after(fn: () => void): void }) => {
      const db = openSqlite(':memory:', { driver });
      t.after(() => db.close());
      db.exec('CREATE TABLE items (name TEXT NOT NULL UNIQUE, note TEXT)');
      return db;
    };

    test('rows are plain objects that compare equal to literals; run counts the rows it changed', (t) => {
      const db = open(t);
      assert.deepEqual(db.prepare("INSERT INTO items VALUES ('tea', 'green'), ('cup', NULL)").run(), {
        changes: 2,
      });
      assert.deepStrictEqual(db.prepare('SELECT * FROM items WHERE name = ?').get('tea'), {
        name: 'tea',
        note: 'green',
      });
      assert.deepStrictEqual(db.prepare('SELECT * FROM items ORDER BY name').all(), [
        { name: 'cup', note: null },
        { name: 'tea', note: 'green' },
      ]);
      assert.equal(db.prepare('SELECT * FROM items WHERE name = ?').get('pot'), undefined);
    });

    test('parameters bind as better-sqlite3 binds them: undefined is NULL, extra keys are ignored, a missing name is an error', (t) => {
      const db = open(t);
      db.prepare('INSERT INTO items VALUES (?, ?)').run('tea', undefined);
      db.prepare('INSERT INTO items VALUES (@name, @note)').run({ name: 'cup', note: undefined, price: 3 });
      assert.deepStrictEqual(db.prepare('SELECT * FROM items ORDER BY rowid').all(), [
        { name: 'tea', note: null },
        { name: 'cup', note: null },
      ]);
      assert.throws(
        () => db.prepare('INSERT INTO items VALUES (@name, @note)').run({ name: 'pot' }),
        /Missing named parameter "note"/,
      );
      // A name inside a string literal is text, not a parameter.
      db.prepare("INSERT INTO items VALUES (@name, 'costs @price')").run({ name: 'pot' });
      assert.equal(items(db).at(-1), 'pot');
    });

    test('a transaction commits what its function did, and answers what it returned', (t) => {
      const db = open(t);
      const answer = db.transaction(() => {
        db.prepare("INSERT INTO items (name) VALUES ('tea')").run();
        return 42;
      });
      assert.equal(answer, 42);
      assert.deepEqual(items(db), ['tea']);
    });

    test('a transaction that throws leaves nothing behind, and its error reaches the caller', (t) => {
      const db = open(t);
      assert.throws(
        () =>
          db.transaction(() => {
            db.prepare("INSERT INTO items (name) VALUES ('tea')").run();
            db.prepare("INSERT INTO items (name) VALUES ('tea')").run();
          }),
        /UNIQUE constraint failed/,
      );
      assert.deepEqual(items(db), []);
      db.transaction(() => db.prepare("INSERT INTO items (name) VALUES ('cup')").run());
      assert.deepEqual(items(db), ['cup'], 'the next transaction starts afresh');
    });

    test('a nested transaction is a savepoint: caught, its failure undoes only its part; an outer failure undoes both', (t) => {
      const db = open(t);
      db.transaction(() => {
        db.prepare("INSERT INTO items (name) VALUES ('tea')").run();
        assert.throws(() =>
          db.transaction(() => {
            db.prepare("INSERT INTO items (name) VALUES ('cup')").run();
            throw new Error('inner');
          }),
        );
        db.transaction(() => db.prepare("INSERT INTO items (name) VALUES ('pot')").run());
      });
      assert.deepEqual(items(db), ['tea', 'pot']);
      assert.throws(
        () =>
          db.transaction(() => {
            db.transaction(() => db.prepare("INSERT INTO items (name) VALUES ('jar')").run());
            throw new Error('outer');
          }),
        /outer/,
      );
      assert.deepEqual(items(db), ['tea', 'pot'], 'the released savepoint went with the outer rollback');
    });

    test('a transaction function that returns a promise is refused, and its work undone', (t) => {
      const db = open(t);
      assert.throws(
        () =>
          db.transaction(() => {
            db.prepare("INSERT INTO items (name) VALUES ('tea')").run();
            return Promise.resolve();
          }),
        /cannot return a promise/,
      );
      assert.deepEqual(items(db), []);
    });

    test('close() twice is harmless', () => {
      const db = openSqlite(':memory:', { driver });
      db.close();
      db.close();
    });

    test('a read-only reader sees what the store wrote and cannot write; it never creates a file', (t) => {
      const dir = tempDir(t);
      const file = join(dir, 'store.db');
      const store = openDatabase(file, driver);
      t.after(() => store.close());
      store.prepare('INSERT INTO webhook_rejections (at, reason, message) VALUES (?, ?, ?)').run(1, 'x', 'y');
      const reader = openSqlite(file, { driver, readonly: true });
      t.after(() => reader.close());
      assert.deepStrictEqual(reader.prepare('SELECT reason, message FROM webhook_rejections').all(), [
        { reason: 'x', message: 'y' },
      ]);
      assert.throws(() => reader.exec('DELETE FROM webhook_rejections'), /readonly/);
      assert.throws(() => openSqlite(join(dir, 'missing.db'), { driver, readonly: true }));
      assert.equal(existsSync(join(dir, 'missing.db')), false);
    });

    test('the webhook inbox shares the store’s database, which outlives the inbox’s store', async (t) => {
      const file = join(tempDir(t), 'store.db');
      const db = openDatabase(file, driver);
      const handled: string[] = [];
      const store = createSqliteInboxStore({ database: db });
      const inbox = createWebhookInbox({ store, handler: (event) => void handled.push(event.type) });
      const { key } = await inbox.receive(failedPayment);
      await inbox.processPending();
      assert.deepEqual(handled, ['PAYMENT_FAILED_WEBHOOK']);
      assert.deepStrictEqual(
        db.prepare('SELECT type, status, deliveries FROM cashfree_webhook_inbox').all(),
        [{ type: 'PAYMENT_FAILED_WEBHOOK', status: 'done', deliveries: 1 }],
      );
      // The store's own index of the same events, from the inbox, in the same file.
      assert.equal(await new WebhookLog(db).backfill(inbox), 1);
      await store.close?.();
      assert.deepEqual(new WebhookLog(db).newest(10), { keys: [key], total: 1 });
      db.close();
      db.close();
      const reopened = openDatabase(file, driver);
      t.after(() => reopened.close());
      assert.deepEqual(new WebhookLog(reopened).about({ kind: 'order', id: 'order_shared_db' }, 10), {
        keys: [key],
        total: 1,
      });
    });
  });
}

for (const driver of SQLITE_DRIVERS) {
  const missing = whyDriverMissing(driver);
  test(`a driver the runtime lacks is refused by name: ${driver}`, {
    skip: missing ? false : 'this runtime has it',
  }, () => {
    assert.throws(
      () => openSqlite(':memory:', { driver }),
      (error: Error) => error.message === `the SQLite driver ${driver} is not available: ${missing}`,
    );
  });
}

test('with neither driver, the store says how to get one', (t) => {
  // The seam copied where no better-sqlite3 can be found, on a Node without node:sqlite (this one,
  // with node:sqlite switched off where it has it).
  const dir = tempDir(t);
  for (const name of ['sqlite.ts', 'sqlite-node.ts', 'sqlite-better.ts']) {
    copyFileSync(fileURLToPath(new URL(name, import.meta.url)), join(dir, name));
  }
  writeFileSync(
    join(dir, 'open.ts'),
    "import { openSqlite } from './sqlite.js';\ntry { openSqlite(':memory:'); } catch (error) { console.log((error as Error).message); }\n",
  );
  const flags = process.getBuiltinModule?.('node:sqlite') ? ['--no-experimental-sqlite'] : [];
  const said = execFileSync(
    process.execPath,
    [...flags, '--import', import.meta.resolve('tsx'), join(dir, 'open.ts')],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(
    said.trim(),
    `no SQLite driver: Node ${process.version} has no node:sqlite (Node 22.13+ has it); run \`npm install better-sqlite3\``,
  );
});
