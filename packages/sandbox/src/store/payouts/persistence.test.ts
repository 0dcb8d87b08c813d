import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PRODUCTS } from 'cashfree-kit';
import { HOUR_MS, SECOND_MS } from '../../clock/time.js';
import { createSandboxApp, type SandboxApp } from '../../sandbox-app.js';
import { SQLITE_DRIVERS, type SqliteDriver, sqliteDriverProblem } from '../sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'cashfree-sandbox-payouts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function open(db: string, sqliteDriver: SqliteDriver): SandboxApp {
  return createSandboxApp({
    db,
    sqliteDriver,
    clock: { startAt: '2025-01-15T10:00:00+05:30', frozen: true },
  });
}

async function call(s: SandboxApp, method: string, path: string, body?: unknown) {
  const res = await s.request(`/payout${path}`, {
    method,
    headers: {
      'x-api-version': PRODUCTS.payouts.apiVersion,
      'x-client-id': s.appId,
      'x-client-secret': s.secretKey,
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: inspected field by field
  return { status: res.status, body: (await res.json()) as any };
}

// Each driver the runtime has runs it, by name; one it lacks is skipped with the reason.
for (const driver of SQLITE_DRIVERS) {
  const skip = sqliteDriverProblem(driver) ?? false;

  test(`${driver}: a reopened database keeps beneficiaries, transfers, their next steps, the balance and used transfer_ids`, {
    skip,
  }, async () => {
    const db = join(dir, `payouts-${driver.replace(':', '-')}.db`);
    const first = open(db, driver);
    await call(first, 'POST', '/beneficiary', {
      beneficiary_id: 'kept_bene',
      beneficiary_name: 'Tea Estate',
      beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
    });
    const transfer = {
      transfer_id: 'kept_1',
      transfer_amount: 20,
      beneficiary_details: { beneficiary_id: 'kept_bene' },
    };
    assert.equal((await call(first, 'POST', '/transfers', transfer)).status, 200);
    first.advanceClock(5 * SECOND_MS);
    assert.equal((await call(first, 'GET', '/transfers?transfer_id=kept_1')).body.status, 'PENDING');
    const balance = (await (await first.request('/_sandbox/payouts/balance')).json()) as { balance: number };
    first.close();

    const second = open(db, driver);
    after(() => second.close());
    assert.equal((await call(second, 'GET', '/beneficiary?beneficiary_id=kept_bene')).status, 200);
    assert.deepEqual(await (await second.request('/_sandbox/payouts/balance')).json(), balance);
    assert.equal((await call(second, 'POST', '/transfers', transfer)).status, 409);
    second.advanceClock(HOUR_MS);
    const done = await call(second, 'GET', '/transfers?transfer_id=kept_1');
    assert.equal(done.body.status, 'SUCCESS');
    assert.equal(done.body.status_code, 'COMPLETED');
  });
}
