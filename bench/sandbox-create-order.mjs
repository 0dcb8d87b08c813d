#!/usr/bin/env node
// Benchmark (not a test): create-order throughput of the sandbox against a bare node:http server
// that answers canned JSON, both on loopback, 32 connections, 5 s each (autocannon). The goal in
// the sandbox issue is a ratio of at least 1/3. Each server runs in its own process so the load
// generator does not share its event loop.
//
//   node bench/sandbox-create-order.mjs [--duration 5] [--connections 32] [--prefill 0] [--db file|memory]
//
// --db file (default) uses a fresh database file in a temporary directory, as startSandbox() and
// `npm start` do (WAL, synchronous=NORMAL); --db memory uses ':memory:'.
// --prefill N inserts N orders first (straight into SQLite), to check that create-order stays
// flat as the table grows.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    serve: { type: 'string' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    prefill: { type: 'string', default: '0' },
    db: { type: 'string', default: 'file' },
  },
});

const ORDER = JSON.stringify({
  order_amount: 499,
  order_currency: 'INR',
  customer_details: {
    customer_id: 'cust_bench',
    customer_phone: '9876543210',
    customer_email: 'bench@example.com',
  },
  order_meta: { return_url: 'https://shop.example/return?order_id={order_id}' },
  order_note: 'benchmark order',
});

async function serveSandbox(prefill, dbKind) {
  const { startSandbox } = await import('@cashfree-kit/sandbox');
  const dir = dbKind === 'memory' ? undefined : mkdtempSync(join(tmpdir(), 'cashfree-bench-'));
  process.on('exit', () => dir && rmSync(dir, { recursive: true, force: true }));
  process.on('SIGTERM', () => process.exit(0));
  const sandbox = await startSandbox({ port: 0, db: dir ? join(dir, 'sandbox.db') : ':memory:' });
  if (prefill > 0) {
    const started = Date.now();
    const ctx = sandbox.sandbox.context;
    const details = JSON.stringify({ customer_details: { customer_id: 'c', customer_phone: '9876543210' } });
    const insert = ctx.store.db.prepare(
      `INSERT INTO orders (cf_order_id, order_id, payment_session_id, status, amount, currency, created_at, expires_at, cf_link_id, details)
       VALUES (?, ?, ?, 'ACTIVE', 49900, 'INR', ?, ?, NULL, ?)`,
    );
    const now = ctx.clock.now();
    ctx.store.db.transaction(() => {
      for (let i = 0; i < prefill; i++) {
        const id = ctx.store.ids.order.next();
        insert.run(id, `prefill_${id}`, `session_prefill_${id}`, now, now + 3_600_000, details);
      }
    })();
    console.error(`[bench] prefilled ${prefill} orders in ${Date.now() - started} ms`);
  }
  return { url: `${sandbox.url}/pg/orders`, appId: sandbox.appId, secretKey: sandbox.secretKey };
}

function serveBare() {
  const canned = JSON.stringify({
    cf_order_id: '2149460581',
    order_id: 'order_1',
    order_status: 'ACTIVE',
    order_amount: 499,
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(canned);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}/pg/orders` }),
    ),
  );
}

if (values.serve) {
  const info =
    values.serve === 'sandbox' ? await serveSandbox(Number(values.prefill), values.db) : await serveBare();
  process.stdout.write(`${JSON.stringify(info)}\n`);
} else {
  const { default: autocannon } = await import('autocannon');
  const self = fileURLToPath(import.meta.url);

  const start = (kind) =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--conditions=cashfree-kit-source',
          '--import',
          'tsx',
          self,
          '--serve',
          kind,
          '--prefill',
          values.prefill,
          '--db',
          values.db,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve({ child, ...JSON.parse(out.split('\n')[0]) });
      });
      child.once('exit', (code) => reject(new Error(`[bench] ${kind} server exited with ${code}`)));
    });

  const run = async (kind) => {
    const server = await start(kind);
    const headers = { 'content-type': 'application/json', 'x-api-version': '2025-01-01' };
    if (server.appId)
      Object.assign(headers, { 'x-client-id': server.appId, 'x-client-secret': server.secretKey });
    try {
      // A short warm-up so both servers are measured with a warm JIT.
      await autocannon({
        url: server.url,
        method: 'POST',
        headers,
        body: ORDER,
        connections: 8,
        duration: 1,
      });
      const result = await autocannon({
        url: server.url,
        method: 'POST',
        headers,
        body: ORDER,
        connections: Number(values.connections),
        duration: Number(values.duration),
      });
      const non2xx = result.non2xx + result.errors;
      if (non2xx > 0) console.error(`[bench] ${kind}: ${non2xx} responses were not 2xx`);
      return result.requests.average;
    } finally {
      server.child.kill('SIGTERM');
    }
  };

  const bare = await run('bare');
  const sandbox = await run('sandbox');
  const ratio = sandbox / bare;
  console.log(
    `create order, ${values.connections} connections, ${values.duration} s each, loopback, sandbox database: ${values.db}`,
  );
  console.log(`  bare node:http (canned JSON)  ${bare.toFixed(0).padStart(7)} req/s`);
  console.log(
    `  sandbox POST /pg/orders       ${sandbox.toFixed(0).padStart(7)} req/s${Number(values.prefill) ? `  (after ${values.prefill} orders)` : ''}`,
  );
  console.log(`  ratio                         ${ratio.toFixed(2)}  (goal ≥ 0.33)`);
}
