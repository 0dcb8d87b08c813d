import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createSandboxApp, type SandboxApp } from '../sandbox-app.js';
import { SQLITE_DRIVERS, type SqliteDriver, sqliteDriverProblem } from './sqlite/index.js';

const dir = mkdtempSync(join(tmpdir(), 'cashfree-sandbox-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function open(db: string, sqliteDriver: SqliteDriver): SandboxApp {
  return createSandboxApp({
    db,
    sqliteDriver,
    clock: { startAt: '2025-01-15T10:00:00+05:30', frozen: true },
  });
}

async function call(
  s: SandboxApp,
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
) {
  const res = await s.request(path, {
    method,
    headers: {
      'x-api-version': '2025-01-01',
      'x-client-id': s.appId,
      'x-client-secret': s.secretKey,
      'content-type': 'application/json',
      ...extra,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: inspected field by field
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

const orderBody = (id: string) => ({
  order_id: id,
  order_amount: 250,
  order_currency: 'INR',
  customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
});

// Each driver the runtime has runs the whole suite, by name; one it lacks is skipped with the reason.
for (const driver of SQLITE_DRIVERS) {
  const skip = sqliteDriverProblem(driver) ?? false;
  const slug = driver.replace(':', '-');

  test(`${driver}: closing and reopening the database file keeps orders, payments, clock, keys and pending jobs`, {
    skip,
  }, async () => {
    const db = join(dir, `restart-${slug}.db`);
    const key = randomUUID();
    const first = open(db, driver);
    const created = await call(first, 'POST', '/pg/orders', orderBody('order_restart'), {
      'x-idempotency-key': key,
    });
    const pay = await call(first, 'POST', '/pg/orders/sessions', {
      payment_session_id: created.body.payment_session_id,
      payment_method: { upi: { channel: 'collect', upi_id: 'testsuccess@gocash' } },
    });
    await call(first, 'POST', '/_sandbox/clock/advance', { ms: 200 });
    const clockBefore = (await call(first, 'GET', '/_sandbox/clock')).body;
    await call(first, 'POST', '/pg/links', {
      link_id: 'link_restart',
      link_amount: 10,
      link_currency: 'INR',
      link_purpose: 'Restart',
      customer_details: { customer_phone: '9876543210' },
    });
    const jobsBefore = (await call(first, 'GET', '/_sandbox/jobs')).body;
    assert.ok(jobsBefore.some((j: { kind: string }) => j.kind === 'payment.resolve'));
    first.close();

    const second = open(db, driver);
    try {
      const order = await call(second, 'GET', '/pg/orders/order_restart');
      assert.deepEqual(order.body, created.body, 'the order is as it was');
      assert.deepEqual(
        (await call(second, 'GET', '/_sandbox/clock')).body,
        clockBefore,
        'the clock kept its offset',
      );
      assert.deepEqual(
        (await call(second, 'GET', '/_sandbox/jobs')).body,
        jobsBefore,
        'scheduled jobs survived',
      );
      const replay = await call(second, 'POST', '/pg/orders', orderBody('order_restart'), {
        'x-idempotency-key': key,
      });
      assert.equal(replay.headers.get('x-idempotency-replayed'), 'true');
      assert.equal((await call(second, 'GET', '/pg/links/link_restart')).body.link_status, 'ACTIVE');

      // The UPI collect resolves 500 ms after it started, on the reopened sandbox.
      await call(second, 'POST', '/_sandbox/clock/advance', { ms: 300 });
      const payment = await call(
        second,
        'GET',
        `/pg/orders/order_restart/payments/${pay.body.cf_payment_id}`,
      );
      assert.equal(payment.body.payment_status, 'SUCCESS');
      assert.equal((await call(second, 'GET', '/pg/orders/order_restart')).body.order_status, 'PAID');

      const next = await call(second, 'POST', '/pg/orders', orderBody('order_after_restart'));
      assert.ok(Number(next.body.cf_order_id) > Number(created.body.cf_order_id), 'ids keep increasing');
    } finally {
      second.close();
    }
  });

  test(`${driver}: a second sandbox on the same file fails fast with a clear message`, { skip }, () => {
    const db = join(dir, `locked-${slug}.db`);
    const first = open(db, driver);
    try {
      assert.throws(
        () => open(db, driver),
        /\[cashfree-sandbox\] the database .* is in use by another sandbox process/,
      );
    } finally {
      first.close();
    }
  });

  test(`${driver}: a killed sandbox keeps every change it acknowledged`, { skip }, async () => {
    const db = join(dir, `killed-${slug}.db`);
    const fixture = fileURLToPath(new URL('../testing/kill-fixture.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--conditions=cashfree-kit-source', '--import', 'tsx', fixture, db, driver],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
      });
      child.once('exit', (code) => reject(new Error(`fixture exited early with ${code}`)));
    });
    assert.deepEqual(JSON.parse(line), { status: 200, order_id: 'order_before_kill' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const reopened = createSandboxApp({ db, sqliteDriver: driver });
    try {
      const order = await call(reopened, 'GET', '/pg/orders/order_before_kill');
      assert.equal(order.status, 200);
      assert.equal(order.body.order_status, 'ACTIVE');
    } finally {
      reopened.close();
    }
  });
}
