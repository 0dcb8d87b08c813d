/**
 * Child process for the persistence test: starts a sandbox on the database file given as argv[2]
 * (with the SQLite driver named by argv[3], if any), creates an order over HTTP, prints its id once
 * the response arrived, and waits to be killed.
 */
import { startSandbox } from '../server.js';
import type { SqliteDriver } from '../store/sqlite/index.js';

const db = process.argv[2];
if (!db) throw new Error('usage: kill-fixture.ts <db file> [node:sqlite | better-sqlite3]');
const sqliteDriver = process.argv[3] as SqliteDriver | undefined;
const sandbox = await startSandbox({ port: 0, db, sqliteDriver });
const res = await fetch(`${sandbox.url}/pg/orders`, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'x-api-version': '2025-01-01',
    'x-client-id': sandbox.appId,
    'x-client-secret': sandbox.secretKey,
  },
  body: JSON.stringify({
    order_id: 'order_before_kill',
    order_amount: 10,
    order_currency: 'INR',
    customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
  }),
});
const order = (await res.json()) as { order_id: string };
process.stdout.write(`${JSON.stringify({ status: res.status, order_id: order.order_id })}\n`);
setInterval(() => {}, 60_000);
