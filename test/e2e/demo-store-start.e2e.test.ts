/**
 * `npm start` itself (scripts/start.mjs), as a developer runs it: both processes start on the ports
 * given, it waits until both answer and prints both URLs, Ctrl-C stops both; a taken port is one
 * clear line naming the variable, and so is giving both the same port; with test keys it runs the
 * store alone against Cashfree's sandbox (checked offline: nothing is called before a customer
 * clicks Pay).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const START = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function occupy(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
  });
}

function portOf(server: Server): number {
  return (server.address() as { port: number }).port;
}

/** The environment of a developer who set nothing of ours. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(CASHFREE_|DEMO_STORE_)/.test(name) && name !== 'PORT') env[name] = value;
  }
  return { ...env, ...extra };
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpExecArray>;
}

/** Runs `node scripts/start.mjs` in its own process group (as a terminal runs it) from `cwd`. */
function start(cwd: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [START], { cwd, env: cleanEnv(env), detached: true });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(output);
      if (match) return match;
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`no ${pattern} in the output of npm start:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, output: () => output, exited, waitFor };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch {
    return true;
  }
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)),
  ]);
}

test('local mode: both start on the ports given, answer, are printed, and Ctrl-C stops both', {
  timeout: 120_000,
}, async (t) => {
  const cwd = mkdtempSync(join(tmpdir(), 'npm-start-'));
  t.after(() => rmSync(cwd, { recursive: true, force: true }));
  const [storePort, sandboxPort] = [await freePort(), await freePort()];
  const run = start(cwd, { DEMO_STORE_PORT: String(storePort), CASHFREE_SANDBOX_PORT: String(sandboxPort) });
  t.after(() => {
    if (run.child.exitCode === null) process.kill(-(run.child.pid ?? 0), 'SIGKILL');
  });
  await run.waitFor(/Ctrl-C stops both\./);
  const storeUrl = `http://127.0.0.1:${storePort}`;
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const storePid = Number((await run.waitFor(/Demo store +http:\S+ +\(pid (\d+)\)/))[1]);
  const sandboxPid = Number((await run.waitFor(/Cashfree sandbox +http:\S+ +\(pid (\d+);/))[1]);
  assert.match(run.output(), new RegExp(`Demo store +${storeUrl} `));
  assert.match(
    run.output(),
    new RegExp(`Cashfree sandbox +${sandboxUrl} .*dashboard ${sandboxUrl}/_sandbox/`),
  );

  const product = await (await fetch(`${storeUrl}/`)).text();
  assert.match(product, /Pay ₹499/);
  assert.ok(product.includes(`<script src="${sandboxUrl}/js/v3/cashfree.js"></script>`));
  const health = (await (await fetch(`${storeUrl}/health`)).json()) as Record<string, string>;
  assert.deepEqual(health, { status: 'ok', target: 'local-sandbox', api_base: `${sandboxUrl}/pg` });
  assert.equal((await fetch(`${sandboxUrl}/_sandbox/health`)).status, 200);
  // The sandbox's checkout names the store, as Cashfree's names the merchant's business.
  const ordered = await fetch(`${storeUrl}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customer_name: 'Priya Patel', customer_phone: '9876543210' }),
  });
  const { payment_session_id } = (await ordered.json()) as { payment_session_id: string };
  const checkout = await (await fetch(`${sandboxUrl}/checkout/pay?session=${payment_session_id}`)).text();
  assert.match(checkout, /Pay Pahadi Tea Co\./);
  assert.ok(
    existsSync(join(cwd, '.cashfree-sandbox', 'sandbox.db')),
    'the sandbox keeps its state under .cashfree-sandbox/',
  );
  assert.ok(
    existsSync(join(cwd, '.demo-store', 'local-sandbox.db')),
    'the store keeps its state under .demo-store/',
  );

  // Ctrl-C in a terminal signals the whole process group: the script and both children.
  process.kill(-(run.child.pid ?? 0), 'SIGINT');
  assert.equal(await within(run.exited, 20_000, 'stopping'), 0, run.output());
  assert.match(run.output(), /\[start\] stopped: .* exited\./);
  assert.ok(!alive(storePid) && !alive(sandboxPid), 'both processes are gone');
  assert.ok((await refused(storeUrl)) && (await refused(sandboxUrl)), 'both ports are closed');
});

test('SIGTERM to the script alone (a process manager) stops both as well', {
  timeout: 120_000,
}, async (t) => {
  const cwd = mkdtempSync(join(tmpdir(), 'npm-start-'));
  t.after(() => rmSync(cwd, { recursive: true, force: true }));
  const run = start(cwd, { DEMO_STORE_PORT: '0', CASHFREE_SANDBOX_PORT: '0' });
  t.after(() => {
    if (run.child.exitCode === null) process.kill(-(run.child.pid ?? 0), 'SIGKILL');
  });
  const storePid = Number((await run.waitFor(/Demo store +http:\S+ +\(pid (\d+)\)/))[1]);
  const sandboxPid = Number((await run.waitFor(/Cashfree sandbox +http:\S+ +\(pid (\d+);/))[1]);
  run.child.kill('SIGTERM');
  assert.equal(await within(run.exited, 20_000, 'stopping'), 0, run.output());
  assert.ok(!alive(storePid) && !alive(sandboxPid), 'both processes are gone');
});

/** True while any process of the process group `pgid` is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `check` until it holds; fails naming `what` after `ms`. */
async function eventually(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: still not so after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('SIGTERM to npm itself (npm start under a process manager or an IDE) stops the script, the sandbox and the store', {
  timeout: 120_000,
}, async (t) => {
  // An app directory whose `npm start` runs the script, as the repository's package.json does:
  // npm runs it under `sh -c`, and passes a SIGTERM to that shell only.
  const cwd = mkdtempSync(join(tmpdir(), 'npm-start-'));
  t.after(() => rmSync(cwd, { recursive: true, force: true }));
  writeFileSync(
    join(cwd, 'package.json'),
    JSON.stringify({ name: 'start-under-npm', private: true, scripts: { start: `node ${START}` } }),
  );
  const [storePort, sandboxPort] = [await freePort(), await freePort()];
  const npm = spawn('npm', ['start'], {
    cwd,
    env: cleanEnv({ DEMO_STORE_PORT: String(storePort), CASHFREE_SANDBOX_PORT: String(sandboxPort) }),
    detached: true,
  });
  const pgid = npm.pid ?? 0;
  t.after(() => {
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  });
  let output = '';
  npm.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  npm.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  await eventually(
    () => /Ctrl-C stops both\./.test(output) || npm.exitCode !== null,
    60_000,
    'npm start ready',
  );
  assert.match(output, /Ctrl-C stops both\./);
  const storePid = Number(/Demo store +http:\S+ +\(pid (\d+)\)/.exec(output)?.[1]);
  const sandboxPid = Number(/Cashfree sandbox +http:\S+ +\(pid (\d+);/.exec(output)?.[1]);
  assert.ok(alive(storePid) && alive(sandboxPid));

  npm.kill('SIGTERM'); // npm only, not its group
  await eventually(() => !groupAlive(pgid), 20_000, 'every process npm start began has exited');
  assert.ok(!alive(storePid) && !alive(sandboxPid), 'the store and the sandbox are gone');
  assert.ok(
    (await refused(`http://127.0.0.1:${storePort}/`)) && (await refused(`http://127.0.0.1:${sandboxPort}/`)),
    'both ports are free',
  );
  assert.ok(await portFree(storePort), 'the store port can be listened on again');
});

/** True when `port` on 127.0.0.1 can be listened on. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

test('with CASHFREE_BASE_URL at a local sandbox that is not running: no "both answer"; it says what does not answer and what to do', {
  timeout: 60_000,
}, async (t) => {
  const cwd = mkdtempSync(join(tmpdir(), 'npm-start-'));
  t.after(() => rmSync(cwd, { recursive: true, force: true }));
  const closed = await freePort();
  const run = start(cwd, {
    CASHFREE_BASE_URL: `http://127.0.0.1:${closed}/pg`,
    CASHFREE_APP_ID: 'TESTcashfreekitsandbox',
    CASHFREE_SECRET_KEY: 'cfsk_ma_test_cashfree_kit_local_sandbox',
    CASHFREE_ENV: 'TEST',
    DEMO_STORE_PORT: '0',
  });
  t.after(() => {
    if (run.child.exitCode === null) process.kill(-(run.child.pid ?? 0), 'SIGKILL');
  });
  await run.waitFor(/Ctrl-C stops the store\./);
  assert.doesNotMatch(run.output(), /both answer/);
  assert.match(run.output(), /\[start\] the store answers, but the Cashfree it is set to use does not:/);
  assert.ok(
    run.output().includes(`http://127.0.0.1:${closed}/_sandbox/health did not answer: connection refused`),
    run.output(),
  );
  assert.ok(run.output().includes(`npx cashfree sandbox start --port ${closed}`), run.output());
  process.kill(-(run.child.pid ?? 0), 'SIGINT');
  assert.equal(await within(run.exited, 20_000, 'stopping'), 0);
});

test('with CASHFREE_BASE_URL at a running local sandbox: it is asked, answers, and the store is ready', {
  timeout: 60_000,
}, async (t) => {
  const cwd = mkdtempSync(join(tmpdir(), 'npm-start-'));
  t.after(() => rmSync(cwd, { recursive: true, force: true }));
  const { startSandbox } = await import('@cashfree-kit/sandbox');
  const sandbox = await startSandbox({ port: 0, db: ':memory:' });
  t.after(() => sandbox.close());
  const run = start(cwd, {
    CASHFREE_BASE_URL: sandbox.apiBase,
    CASHFREE_APP_ID: sandbox.appId,
    CASHFREE_SECRET_KEY: sandbox.secretKey,
    CASHFREE_ENV: 'TEST',
    DEMO_STORE_PORT: '0',
  });
  t.after(() => {
    if (run.child.exitCode === null) process.kill(-(run.child.pid ?? 0), 'SIGKILL');
  });
  await run.waitFor(/Ctrl-C stops the store\./);
  assert.match(run.output(), /\[start\] ready, both answer:/);
  assert.doesNotMatch(run.output(), /did not answer/);
  process.kill(-(run.child.pid ?? 0), 'SIGINT');
  assert.equal(await within(run.exited, 20_000, 'stopping'), 0);
});

for (const [variable, what] of [
  ['DEMO_STORE_PORT', 'the demo store'],
  ['CASHFREE_SANDBOX_PORT', 'the sandbox'],
] as const) {
  test(`a taken ${variable} is one line naming the variable, and nothing is left running`, {
    timeout: 60_000,
  }, async (t) => {
    const cwd = mkdtempSync(join(tmpdir(), 'npm-start-'));
    t.after(() => rmSync(cwd, { recursive: true, force: true }));
    const busy = await occupy();
    t.after(() => busy.close());
    const other = await freePort();
    const env =
      variable === 'DEMO_STORE_PORT'
        ? { DEMO_STORE_PORT: String(portOf(busy)), CASHFREE_SANDBOX_PORT: String(other) }
        : { DEMO_STORE_PORT: String(other), CASHFREE_SANDBOX_PORT: String(portOf(busy)) };
    const run = start(cwd, env);
    assert.equal(await within(run.exited, 30_000, 'refusing'), 1);
    assert.equal(
      run.output(),
      `[start] port ${portOf(busy)} on 127.0.0.1 is taken, so ${what} cannot start; set ${variable} to a free port (0 picks one).\n`,
    );
    assert.ok(await refused(`http://127.0.0.1:${other}/`), 'the other process never started');
  });
}

for (const sandboxVariable of ['CASHFREE_SANDBOX_PORT', 'PORT'] as const) {
  test(`DEMO_STORE_PORT and ${sandboxVariable} the same port: one line naming both variables, and nothing starts`, {
    timeout: 60_000,
  }, async (t) => {
    const cwd = mkdtempSync(join(tmpdir(), 'npm-start-'));
    t.after(() => rmSync(cwd, { recursive: true, force: true }));
    const port = await freePort();
    const run = start(cwd, { DEMO_STORE_PORT: String(port), [sandboxVariable]: String(port) });
    assert.equal(await within(run.exited, 30_000, 'refusing'), 1);
    assert.equal(
      run.output(),
      `[start] the sandbox and the store cannot share port ${port}; change DEMO_STORE_PORT or ${sandboxVariable}.\n`,
    );
    assert.ok(await refused(`http://127.0.0.1:${port}/`), 'nothing listens on it');
    assert.ok(
      !existsSync(join(cwd, '.cashfree-sandbox')) && !existsSync(join(cwd, '.demo-store')),
      'neither process started',
    );
  });
}

test("with test keys: the store alone against Cashfree's sandbox, loading the real cashfree.js; the secret is never printed", {
  timeout: 120_000,
}, async (t) => {
  const cwd = mkdtempSync(join(tmpdir(), 'npm-start-'));
  t.after(() => rmSync(cwd, { recursive: true, force: true }));
  const secret = `cfsk_ma_test_${randomBytes(12).toString('hex')}`;
  const port = await freePort();
  const run = start(cwd, {
    CASHFREE_APP_ID: 'TEST10203040506070',
    CASHFREE_SECRET_KEY: secret,
    CASHFREE_ENV: 'TEST',
    DEMO_STORE_PUBLIC_URL: 'https://tea.example.test',
    DEMO_STORE_PORT: String(port),
  });
  t.after(() => {
    if (run.child.exitCode === null) process.kill(-(run.child.pid ?? 0), 'SIGKILL');
  });
  await run.waitFor(/Ctrl-C stops the store\./);
  assert.match(
    run.output(),
    /Cashfree +https:\/\/sandbox\.cashfree\.com\/pg +\(your settings; no local sandbox started\)/,
  );
  assert.match(run.output(), /notify_url +https:\/\/tea\.example\.test\/webhooks\/cashfree/);
  assert.doesNotMatch(run.output(), /cashfree-sandbox\]/, 'no local sandbox');
  const product = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  assert.ok(product.includes('<script src="https://sdk.cashfree.com/js/v3/cashfree.js"></script>'));
  assert.match(product, /Cashfree's TEST environment/);
  for (const path of ['/', '/admin', '/events', '/health']) {
    assert.ok(!(await (await fetch(`http://127.0.0.1:${port}${path}`)).text()).includes(secret), path);
  }
  process.kill(-(run.child.pid ?? 0), 'SIGINT');
  assert.equal(await within(run.exited, 20_000, 'stopping'), 0);
  assert.ok(!run.output().includes(secret), 'the secret key is not in the output');
  assert.ok(existsSync(join(cwd, '.demo-store', 'cashfree-test.db')));
});

test('a production setting is refused before anything listens, and the secret is not echoed', {
  timeout: 60_000,
}, async (t) => {
  const cwd = mkdtempSync(join(tmpdir(), 'npm-start-'));
  t.after(() => rmSync(cwd, { recursive: true, force: true }));
  const secret = `cfsk_ma_test_${randomBytes(12).toString('hex')}`;
  const run = start(cwd, {
    CASHFREE_APP_ID: 'TEST10203040506070',
    CASHFREE_SECRET_KEY: secret,
    CASHFREE_ENV: 'PROD',
    DEMO_STORE_PORT: '0',
  });
  assert.equal(await within(run.exited, 30_000, 'refusing'), 1);
  assert.match(
    run.output(),
    /^\[demo-store\] CASHFREE_ENV asks for production: this demo store only takes test payments/m,
  );
  assert.match(run.output(), /\[start\] the demo store stopped \(exit code 1\)/);
  assert.ok(!run.output().includes(secret));
});
