// A smoke run of each benchmark: one round, --quick, small counts, results into a temporary file.
// Asserts that every benchmark runs to the end and records a figure for each of its contenders,
// with ratios against its baseline; never how fast anything was. install-footprint is left out
// (it installs from the registry); its counting is tested in lib/lib.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type BenchResult, readResults } from './lib/results.js';
import { benchSqliteDrivers } from './lib/sqlite-drivers.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const sdkBuilt = existsSync(join(root, 'packages', 'cashfree', 'dist', 'index.js'));

function runBench(file: string, args: string[], env: NodeJS.ProcessEnv = {}): BenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  try {
    const out = join(dir, 'latest.json');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'bench', file), '--rounds', '1', '--quick', '--out', out, ...args],
      { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 },
    );
    assert.equal(run.status, 0, `${file} failed:\n${run.stderr}\n${run.stdout}`);
    const results = readResults(out);
    const names = Object.keys(results.benchmarks);
    assert.equal(names.length, 1, `${file} writes one entry`);
    assert.match(run.stdout, /^### /m, 'it prints its report');
    return results.benchmarks[names[0]!]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function assertFigures(result: BenchResult, contenders: readonly string[], metric: string): void {
  for (const caseName of new Set(result.figures.map((f) => f.case))) {
    const got = result.figures.filter((f) => f.case === caseName && f.metric === metric);
    assert.deepEqual(
      got.map((f) => f.contender).sort(),
      [...contenders].sort(),
      `${caseName}: a ${metric} figure per contender`,
    );
    for (const f of got) {
      assert.equal(f.values.length, 1, 'one value per round');
      assert.ok(Number.isFinite(f.median), `${f.contender}: ${metric} is a number`);
      if (f.ratio) assert.ok(Number.isFinite(f.ratio.median), `${f.contender}: the ratio is a number`);
    }
    assert.ok(
      got.some((f) => f.ratio),
      `${caseName}: ${metric} has ratios against its baseline`,
    );
  }
  assert.equal(result.rounds, 1);
  assert.equal(result.quick, true);
  assert.ok(result.machine.cores > 0 && result.machine.node === process.version);
}

describe('benchmark smoke runs (one round, --quick)', {
  skip: !sdkBuilt && 'build packages/cashfree first',
}, () => {
  test('cold-start', () => {
    const r = runBench('cold-start.ts', []);
    assertFigures(
      r,
      ['cashfree-kit', 'cashfree-pg 6.0.6', 'cashfree-pg, new Cashfree() (analytics default)'],
      'import wall ms',
    );
    assert.equal(r.targets.length, 1);
  });

  test('request-overhead', () => {
    const r = runBench('request-overhead.ts', []);
    assertFigures(
      r,
      [
        'raw fetch',
        'raw fetch + timeout signal',
        'cashfree-kit',
        'cashfree-pg (analytics off)',
        'cashfree-pg (analytics default)',
      ],
      'requests/s',
    );
    assert.equal(new Set(r.figures.map((f) => f.case)).size, 4, 'GET and POST, sequential and 32 in flight');
    assert.ok(!r.notes.some((n) => n.startsWith('Errors')), r.notes.join('\n'));
  });

  test('webhook-verify', () => {
    const r = runBench('webhook-verify.ts', []);
    assertFigures(
      r,
      [
        'HMAC + timingSafeEqual (floor)',
        'HMAC + timingSafeEqual + JSON.parse',
        'cashfree-kit verifyWebhookSignature (no parse)',
        'cashfree-kit verifyWebhook (typed event)',
        'cashfree-pg PGVerifyWebhookSignature',
      ],
      'verifies/s',
    );
    assert.deepEqual(new Set(r.figures.map((f) => f.case)), new Set(['1.5 KB body', '20 KB body']));
  });

  test('sandbox-throughput, with autocannon as the load generator', () => {
    const r = runBench('sandbox-throughput.ts', ['--orders', '2000'], { BENCH_LOAD: 'autocannon' });
    // Where this runtime loads both SQLite drivers, a third sandbox runs on the one npm start does not pick.
    const { picked, other } = benchSqliteDrivers();
    assertFigures(
      r,
      [
        'bare node:http (canned JSON)',
        'sandbox, empty at start',
        'sandbox, 2,000 orders stored',
        ...(other ? [`sandbox, empty at start, on ${other}`] : []),
      ],
      'requests/s',
    );
    assert.match(r.setup, /autocannon/);
    assert.match(r.setup, new RegExp(`database file on ${picked}`), 'the setup names the driver');
    assert.equal(r.targets.length, 3);
    assert.deepEqual(
      r.notes.filter((note) => note.startsWith('Responses that were not 2xx')),
      [],
      'every answer was 2xx',
    );
    assert.equal(r.notes.length, other ? 2 : 1, 'a note compares the drivers, or names the one used');
  });

  test('subscription-renewals', () => {
    const r = runBench('subscription-renewals.ts', ['--subscriptions', '30']);
    const year = 'a year of renewals (12·N charges)';
    const cycle = 'one monthly cycle (N charges due)';
    const of = (caseName: string, metric: string) =>
      r.figures.filter((f) => f.case === caseName && f.metric === metric);
    for (const metric of ['charges/s', 'CPU µs per charge', 'peak RSS MB', 'database MB']) {
      const got = of(year, metric);
      assert.deepEqual(got.map((f) => f.contender).sort(), [
        'plain SQLite insert loop (the limit)',
        'sandbox',
      ]);
      assert.ok(
        got.every((f) => Number.isFinite(f.median) && f.median > 0),
        `${metric} is a positive number`,
      );
      assert.ok(
        Number.isFinite(got.find((f) => f.contender === 'sandbox')?.ratio?.median),
        `${metric}: a ratio`,
      );
    }
    const cpu = of(cycle, 'charge path CPU ms');
    assert.deepEqual(cpu.map((f) => f.contender).sort(), [
      'sandbox',
      'sandbox, with 10·N subscriptions over',
    ]);
    assert.ok(
      cpu.some((f) => f.ratio && Number.isFinite(f.ratio.median)),
      'the cycle with 10·N over has a ratio',
    );
    assert.equal(r.targets.length, 2);
    assert.ok(r.targets[1]!.met, `every charge SUCCESS, every webhook delivered: ${r.targets[1]!.measured}`);
    assert.deepEqual(r.notes, []);
  });

  test('payouts', () => {
    const r = runBench('payouts.ts', ['--transfers', '50']);
    assertFigures(
      r,
      [
        'sandbox create-order, single calls (the limit)',
        'transfers, single create-transfer calls',
        'transfers, one batch',
      ],
      'items created/s',
    );
    const endToEnd = r.figures.filter((f) => f.metric === 'transfers/s to final status + webhooks');
    assert.deepEqual(endToEnd.map((f) => f.contender).sort(), [
      'transfers, one batch',
      'transfers, single create-transfer calls',
    ]);
    assert.ok(endToEnd.every((f) => Number.isFinite(f.median) && f.median > 0));
    assert.equal(r.targets.length, 1);
    // Every transfer ended SUCCESS and both of its webhooks were verified: no problem noted.
    assert.deepEqual(
      r.notes.filter((n) => !n.startsWith('A 50-transfer batch')),
      [],
      r.notes.join('\n'),
    );
  });

  test('webhook-delivery', () => {
    const r = runBench('webhook-delivery.ts', []);
    assertFigures(r, ['bare POST loop (8 in flight, pre-signed)', 'sandbox delivery worker'], 'deliveries/s');
    assert.ok(!r.notes.some((n) => /rejected|emit made/.test(n)), r.notes.join('\n'));
  });
});
