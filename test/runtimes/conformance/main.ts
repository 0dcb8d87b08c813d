/**
 * Runs the conformance checks on the runtime that runs this file (Node, Bun or Deno) and prints
 * one `CONFORMANCE {json}` line per check, then `CONFORMANCE-END`; the Node harness reads them.
 *
 * Its settings come from the environment the harness sets: CASHFREE_APP_ID, CASHFREE_SECRET_KEY,
 * CONFORMANCE_SANDBOX_URL, CONFORMANCE_FAULTS_URL, CONFORMANCE_CARD_EXPIRY, CONFORMANCE_RUNTIME and CONFORMANCE_SQLITE
 * (the SQLite drivers this runtime must have, comma-separated). `process` is a global on all three.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteInboxStore, type SqliteDriver } from 'cashfree-kit/webhooks/inbox/sqlite';
import { runChecks } from './checks.ts';

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this file through test/runtimes/conformance.test.ts`);
  return value;
}

const drivers = (process.env['CONFORMANCE_SQLITE'] ?? '').split(',').filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-conformance-'));
let files = 0;

const results = await runChecks({
  runtime: setting('CONFORMANCE_RUNTIME'),
  appId: setting('CASHFREE_APP_ID'),
  secretKey: setting('CASHFREE_SECRET_KEY'),
  sandboxUrl: setting('CONFORMANCE_SANDBOX_URL'),
  faultsUrl: setting('CONFORMANCE_FAULTS_URL'),
  cardExpiry: setting('CONFORMANCE_CARD_EXPIRY'),
  sqlite: {
    drivers,
    open: (driver, filename) => createSqliteInboxStore({ filename, driver: driver as SqliteDriver }),
    tempFile: () => join(dir, `inbox-${files++}.db`),
  },
});
for (const result of results) console.log(`CONFORMANCE ${JSON.stringify(result)}`);
console.log('CONFORMANCE-END');
