// Behaviour of the benchmark helpers (statistics, interleaving, results file, tables, README
// block, load scripts, footprint counting, loopback guard). No timing is asserted anywhere.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { guardLoopback } from '../helpers/loopback-guard.js';
import { installedPackages, treeBytes } from './footprint.js';
import { wrkScript } from './load.js';
import { machineInfo } from './machine.js';
import { END, renderBlock, replaceBlock, START } from './readme.js';
import { type BenchResult, figuresOf, findFigure, readResults, writeResult } from './results.js';
import { interleave, interleaveCases, rotate } from './rounds.js';
import { median, pairedRatios, percentile, spread } from './stats.js';
import { formatNumber, renderResult, renderTables } from './table.js';

function scratch(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lib-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function result(
  name: string,
  figures = figuresOf('case', { a: { x: [1, 2, 3] } }, [{ metric: 'x', better: 'higher' }]),
): BenchResult {
  return {
    name,
    title: `Title of ${name}`,
    setup: `Setup of ${name}.`,
    machine: machineInfo(),
    startedAt: '2026-01-01T00:00:00.000Z',
    durationSeconds: 1,
    rounds: 3,
    quick: false,
    figures,
    targets: [{ goal: 'x ≥ 1', measured: '2', met: true }],
    notes: ['A note.'],
  };
}

describe('stats', () => {
  test('median of odd and even counts, without reordering the input', () => {
    const values = [5, 1, 3];
    assert.equal(median(values), 3);
    assert.deepEqual(values, [5, 1, 3]);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.throws(() => median([]), /no values/);
  });

  test('spread is median, min and max', () => {
    assert.deepEqual(spread([3, 9, 1, 4, 7]), { median: 4, min: 1, max: 9 });
  });

  test('percentile by nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(hundred, 50), 50);
    assert.equal(percentile(hundred, 99), 99);
    assert.equal(percentile(hundred, 100), 100);
    assert.equal(percentile([7], 99), 7);
    assert.equal(percentile([1, 2], 0), 1);
  });

  test('ratios are paired round by round, not medians divided', () => {
    const base = [10, 20, 30];
    const values = [5, 40, 15];
    assert.deepEqual(pairedRatios(values, base), [0.5, 2, 0.5]);
    assert.equal(median(pairedRatios(values, base)), 0.5);
    assert.notEqual(median(values) / median(base), 0.5);
    assert.throws(() => pairedRatios([1], [1, 2]), /cannot pair/);
  });
});

describe('interleaving', () => {
  test('rotate', () => {
    assert.deepEqual(rotate(['a', 'b', 'c'], 1), ['b', 'c', 'a']);
    assert.deepEqual(rotate(['a', 'b', 'c'], 4), ['b', 'c', 'a']);
    assert.deepEqual(rotate([], 2), []);
  });

  test('every round runs every contender, each round starting with the next one', async () => {
    const order: string[] = [];
    const samples = await interleave(['a', 'b', 'c'], 3, async (contender, round) => {
      order.push(`${round}${contender}`);
      return { value: round * 10 + contender.charCodeAt(0) };
    });
    assert.deepEqual(order, ['0a', '0b', '0c', '1b', '1c', '1a', '2c', '2a', '2b']);
    // Samples are stored by round, whatever the order they ran in.
    assert.deepEqual(samples['a']!['value'], [97, 107, 117]);
    assert.deepEqual(samples['c']!['value'], [99, 109, 119]);
  });

  test('cases: each round runs every case, contenders rotated within each', async () => {
    const order: string[] = [];
    const byCase = await interleaveCases(['get', 'post'], ['x', 'y'], 2, async (c, who, round) => {
      order.push(`${round}${c}${who}`);
      return { n: round };
    });
    assert.deepEqual(order, ['0getx', '0gety', '0postx', '0posty', '1gety', '1getx', '1posty', '1postx']);
    assert.deepEqual(byCase.post['y']!['n'], [0, 1]);
  });
});

describe('results', () => {
  test('figures carry every round, their spread and a paired ratio against the baseline', () => {
    const figures = figuresOf(
      'GET',
      { base: { rps: [10, 20, 30], p99: [1, 1, 1] }, ours: { rps: [5, 40, 15], p99: [2, 2, 2] } },
      [
        { metric: 'rps', better: 'higher', baseline: 'base' },
        { metric: 'p99', better: 'lower' },
      ],
    );
    assert.equal(figures.length, 4);
    const ours = findFigure(figures, 'GET', 'ours', 'rps');
    assert.deepEqual(ours.values, [5, 40, 15]);
    assert.equal(ours.median, 15);
    assert.deepEqual(ours.ratio, { values: [0.5, 2, 0.5], median: 0.5, min: 0.5, max: 2 });
    assert.equal(ours.baseline, 'base');
    assert.equal(findFigure(figures, 'GET', 'base', 'rps').ratio, undefined, 'the baseline has no ratio');
    assert.equal(findFigure(figures, 'GET', 'ours', 'p99').ratio, undefined);
    assert.throws(() => findFigure(figures, 'GET', 'ours', 'cpu'), /no figure for ours \/ cpu/);
  });

  test('writing one benchmark keeps the others, replaces its own, and leaves no temporary file', (t) => {
    const dir = scratch(t);
    const file = join(dir, 'results', 'latest.json');
    assert.deepEqual(readResults(file), { benchmarks: {} });
    writeResult(file, result('zeta'));
    writeResult(file, result('alpha'));
    writeResult(file, { ...result('zeta'), title: 'Zeta again' });
    const read = readResults(file);
    const major = process.versions.node.split('.')[0];
    assert.deepEqual(Object.keys(read.benchmarks), [`alpha@node${major}`, `zeta@node${major}`]);
    assert.equal(read.benchmarks[`zeta@node${major}`]!.title, 'Zeta again');
    assert.equal(read.benchmarks[`alpha@node${major}`]!.title, 'Title of alpha');
    assert.deepEqual(readdirSync(join(dir, 'results')), ['latest.json']);
  });

  test('a run on another Node major is kept beside the first, not over it', (t) => {
    const file = join(scratch(t), 'latest.json');
    writeResult(file, onNode(result('alpha'), 'v20.20.2'));
    writeResult(file, onNode({ ...result('alpha'), title: 'On 24' }, 'v24.22.3'));
    writeResult(file, onNode({ ...result('alpha'), title: 'On 20 again' }, 'v20.19.0'));
    const read = readResults(file);
    assert.deepEqual(Object.keys(read.benchmarks), ['alpha@node20', 'alpha@node24']);
    assert.equal(read.benchmarks['alpha@node20']!.title, 'On 20 again');
    assert.equal(read.benchmarks['alpha@node24']!.title, 'On 24');
  });

  test('a results file keyed by name alone (before per-Node keys) is read under its Node', (t) => {
    const file = join(scratch(t), 'latest.json');
    writeFileSync(file, JSON.stringify({ benchmarks: { alpha: onNode(result('alpha'), 'v20.20.2') } }));
    assert.deepEqual(Object.keys(readResults(file).benchmarks), ['alpha@node20']);
    writeResult(file, onNode(result('alpha'), 'v24.1.0'));
    assert.deepEqual(Object.keys(readResults(file).benchmarks), ['alpha@node20', 'alpha@node24']);
  });
});

function onNode(r: BenchResult, node: string): BenchResult {
  return { ...r, machine: { ...r.machine, node } };
}

describe('tables', () => {
  test('numbers: three significant digits, integers and thousands grouped', () => {
    assert.equal(formatNumber(12_345.6), '12,346');
    assert.equal(formatNumber(42), '42');
    assert.equal(formatNumber(1.5), '1.50');
    assert.equal(formatNumber(0.041234), '0.0412');
    assert.equal(formatNumber(123.4), '123');
    assert.equal(formatNumber(Number.NaN), 'NaN');
  });

  test('a table per case: a row per contender, the median per metric, the ratio column', () => {
    const figures = figuresOf(
      'GET order',
      { 'raw fetch': { 'requests/s': [10, 20, 30] }, ours: { 'requests/s': [5, 40, 15] } },
      [{ metric: 'requests/s', better: 'higher', baseline: 'raw fetch' }],
    );
    const text = renderTables(result('x', figures));
    const lines = text.trim().split('\n');
    assert.equal(lines[0], '| GET order | requests/s | requests/s: × raw fetch |');
    assert.equal(lines[2], '| raw fetch | 20 | 1 (baseline) |');
    assert.equal(lines[3], '| ours | 15 | 0.500× (0.500–2) |');
  });

  test('the report names the machine, the rounds, the targets and the notes', () => {
    const text = renderResult(result('x'));
    assert.match(text, /^### Title of x/);
    assert.match(text, /Median of 3 interleaved rounds/);
    assert.match(text, new RegExp(`Machine: .*${machineInfo().cores} cores.*Node ${process.version}`));
    assert.match(text, /- ✅ met: x ≥ 1 \(measured 2\)/);
    assert.match(text, /> A note\./);
  });

  test('the performance page block is replaced between its markers only, in the page order', () => {
    const block = renderBlock({
      benchmarks: { 'webhook-verify': result('webhook-verify'), 'cold-start': result('cold-start') },
    });
    assert.ok(block.startsWith(START) && block.endsWith(END));
    assert.ok(block.indexOf('Title of cold-start') < block.indexOf('Title of webhook-verify'));
    const readme = `# A\n\nbefore\n\n${START}\nold table\n${END}\n\nafter\n`;
    const updated = replaceBlock(readme, block);
    assert.ok(updated.startsWith('# A\n\nbefore\n\n'));
    assert.ok(updated.endsWith(`${END}\n\nafter\n`));
    assert.doesNotMatch(updated, /old table/);
    assert.equal(replaceBlock(updated, block), updated, 'regenerating is stable');
    assert.throws(() => replaceBlock('# no markers', block), /no .* block/);
  });

  test('with runs on two Node majors: a target per row with a column per Node, and each report under its Node', () => {
    const verify = (node: string, met: boolean, measured: string) => ({
      ...onNode(result('webhook-verify'), node),
      targets: [{ goal: 'verify ≥ 0.95× HMAC', measured, met }],
    });
    const block = renderBlock({
      benchmarks: {
        'webhook-verify@node24': verify('v24.22.3', false, '0.90×'),
        'webhook-verify@node20': verify('v20.20.2', true, '0.99×'),
        'cold-start@node20': onNode(result('cold-start'), 'v20.20.2'),
      },
    });
    assert.match(block, /^\| target \| Node 20 \| Node 24 \|$/m);
    assert.match(block, /^\| verify ≥ 0\.95× HMAC \| ✅ 0\.99× \| ❌ 0\.90× \|$/m);
    assert.match(block, /^\| x ≥ 1 \| ✅ 2 \| not run \|$/m, 'a benchmark run on one Node only says so');
    const headings = [...block.matchAll(/^### (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, [
      'Title of cold-start (Node 20)',
      'Title of webhook-verify (Node 20)',
      'Title of webhook-verify (Node 24)',
    ]);
  });

  test('with runs on one Node major only: no Node table, headings as before', () => {
    const block = renderBlock({
      benchmarks: { 'cold-start@node20': onNode(result('cold-start'), 'v20.20.2') },
    });
    assert.doesNotMatch(block, /\| target \|/);
    assert.match(block, /^### Title of cold-start$/m);
  });
});

describe('load scripts for wrk', () => {
  test('method, headers and body; a JSON summary; quotes survive', () => {
    const script = wrkScript({
      url: 'http://127.0.0.1:1/pg/orders',
      method: 'POST',
      headers: { 'x-api-version': '2025-01-01' },
      body: '{"note":"say \\"hi\\""}',
      connections: 32,
      seconds: 1,
    });
    assert.match(script, /^wrk\.method = "POST"$/m);
    assert.match(script, /^wrk\.headers\["x-api-version"\] = "2025-01-01"$/m);
    assert.match(script, /^wrk\.body = "\{\\"note\\":\\"say \\\\\\"hi\\\\\\"\\"\}"$/m);
    assert.match(script, /latency:percentile\(99\)/);
    assert.doesNotMatch(script, /request = function/, 'a fixed request needs no per-request function');
  });

  test('paths are cycled through, one per request', () => {
    const script = wrkScript({
      url: 'http://127.0.0.1:1/pg/orders',
      method: 'GET',
      headers: {},
      connections: 1,
      seconds: 1,
      paths: ['/pg/orders/a', '/pg/orders/b'],
    });
    assert.match(script, /local paths = \{ "\/pg\/orders\/a", "\/pg\/orders\/b" \}/);
    assert.match(script, /return wrk\.format\(nil, paths\[\(i % #paths\) \+ 1\]\)/);
  });
});

describe('install footprint counting', () => {
  test('packages from npm’s own record (links left out), bytes and files under node_modules', (t) => {
    const project = scratch(t);
    const modules = join(project, 'node_modules');
    mkdirSync(join(modules, 'a', 'lib'), { recursive: true });
    mkdirSync(join(modules, '@scope', 'b'), { recursive: true });
    writeFileSync(join(modules, 'a', 'lib', 'index.js'), 'x'.repeat(1000));
    writeFileSync(join(modules, '@scope', 'b', 'package.json'), '{}');
    writeFileSync(
      join(modules, '.package-lock.json'),
      JSON.stringify({
        packages: {
          '': {},
          'node_modules/a': {},
          'node_modules/@scope/b': {},
          'node_modules/a/node_modules/c': {},
          'node_modules/linked': { link: true },
        },
      }),
    );
    assert.deepEqual(installedPackages(project), ['a', '@scope/b', 'c']);
    const lockBytes = readFileSync(join(modules, '.package-lock.json')).length;
    const tree = treeBytes(modules);
    assert.equal(tree.files, 3);
    assert.equal(tree.bytes, 1000 + 2 + lockBytes);
    assert.ok(tree.allocated >= tree.bytes, 'whole blocks are at least the bytes');
  });
});

describe('loopback guard', () => {
  test('refuses and counts connections outside loopback, lets loopback through', async (t) => {
    const server = createServer((socket) => socket.end('hi'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => server.close());
    const guard = guardLoopback();
    t.after(() => guard.restore());
    const port = (server.address() as { port: number }).port;

    const outside = await new Promise<Error>((resolve) => {
      connect({ host: 'o330525.ingest.sentry.io', port: 443 }).once('error', resolve);
    });
    assert.match(outside.message, /blocked a connection to o330525\.ingest\.sentry\.io/);
    const byPort = await new Promise<Error>((resolve) => connect(80, '10.0.0.1').once('error', resolve));
    assert.match(byPort.message, /blocked a connection to 10\.0\.0\.1/);
    assert.deepEqual(Object.fromEntries(guard.attempts()), { 'o330525.ingest.sentry.io': 1, '10.0.0.1': 1 });

    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.equal(reply, 'hi');
    assert.equal(guard.attempts().size, 2, 'loopback is not counted');
  });
});

describe('settings', () => {
  test('rounds: 5 by default, a benchmark’s own default, --quick keeps 5, --rounds wins', async () => {
    const { benchSettings, LATEST_RESULTS } = await import('./run.js');
    assert.equal(benchSettings([]).rounds, 5);
    assert.equal(benchSettings([], 15).rounds, 15);
    assert.equal(benchSettings(['--quick'], 15).rounds, 5);
    assert.equal(benchSettings(['--quick', '--rounds', '1'], 15).rounds, 1);
    assert.equal(benchSettings(['--rounds', '7']).rounds, 7);
    assert.equal(benchSettings([]).out, LATEST_RESULTS);
    assert.equal(benchSettings(['--out', '/tmp/x.json', '--orders', '9']).out, '/tmp/x.json');
    assert.throws(() => benchSettings(['--rounds', '0']), /positive integer/);
  });
});
