#!/usr/bin/env node
// `npm start`: the local Cashfree sandbox and the demo store, from source (no build needed), with
// no credentials and no network. It starts the sandbox (port 8787: CASHFREE_SANDBOX_PORT / PORT;
// database .cashfree-sandbox/), then the store (port 3000: DEMO_STORE_PORT; database .demo-store/)
// with the CASHFREE_* lines the sandbox prints, waits until both answer, prints both URLs, and
// stops both on Ctrl-C, SIGTERM or SIGHUP, and when the process that started it goes away (`npm
// start` runs this script under `sh -c`, and a SIGTERM to npm ends that shell without passing the
// signal on).
//
// With CASHFREE_APP_ID, CASHFREE_SECRET_KEY (and CASHFREE_ENV=TEST) or CASHFREE_BASE_URL set, the
// store runs against that Cashfree instead and no local sandbox is started; the script then asks
// that Cashfree once whether it answers, and says what to do when it does not.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const env = process.env;
const tsx = import.meta.resolve('tsx');
const entry = (path) => fileURLToPath(new URL(path, import.meta.url));
const SANDBOX = { name: 'the sandbox', entry: entry('../packages/sandbox/src/main.ts') };
const STORE = { name: 'the demo store', entry: entry('../examples/demo-store/src/main.ts') };
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const PROBE_TIMEOUT_MS = 3_000;
const PARENT_CHECK_MS = 500;
/** The display name the local sandbox's checkout pages show instead of its app id. */
const STORE_NAME = 'Pahadi Tea Co.';

const say = (line) => console.log(`[start] ${line}`);
const fail = (line) => {
  console.error(`[start] ${line}`);
  process.exitCode = 1;
};

const ownCashfree = ['CASHFREE_APP_ID', 'CASHFREE_SECRET_KEY', 'CASHFREE_BASE_URL'].some((name) =>
  env[name]?.trim(),
);

/** The port a child will listen on and the variable that sets it, as the child reads them. */
function portSetting(names, fallback) {
  const name = names.find((n) => env[n]?.trim());
  return { variable: name ?? names.join(' / '), port: Number(name ? env[name] : fallback) };
}

/** True when `port` on `host` can be listened on now (0 and malformed ports are the child's to judge). */
function portFree(host, port) {
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) return Promise.resolve(true);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => resolve(error.code !== 'EADDRINUSE'));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

const children = [];
let stopping = false;

/** Runs an entry point with tsx, echoing its output; `child.onLine` listeners see each stdout line. */
function run(target, childEnv) {
  const child = spawn(process.execPath, ['--conditions=cashfree-kit-source', '--import', tsx, target.entry], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.target = target;
  child.onLine = new Set();
  children.push(child);
  createInterface({ input: child.stdout }).on('line', (line) => {
    console.log(line);
    for (const listener of child.onLine) listener(line);
  });
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.exited.then(({ code, signal }) => {
    if (stopping) return;
    fail(`${target.name} stopped (${signal ?? `exit code ${code}`}); stopping everything.`);
    void stop('SIGTERM');
  });
  return child;
}

/** Resolves with the first stdout line matching `pattern`; rejects if the child exits first. */
function lineMatching(child, pattern, onLine) {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.onLine.delete(listener);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${child.target.name} did not start within ${READY_TIMEOUT_MS / 1000} s`));
    }, READY_TIMEOUT_MS);
    const listener = (line) => {
      onLine?.(line);
      const match = pattern.exec(line);
      if (match) {
        done();
        resolve(match);
      }
    };
    child.onLine.add(listener);
    child.exited.then(() => {
      done();
      reject(new Error(`${child.target.name} exited before it was ready`));
    });
  });
}

/** Polls `url` until it answers 200. */
async function answers(url, child) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${child.target.name} exited`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${READY_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops every child (the signal a terminal's Ctrl-C would send), then exits. */
async function stop(signal) {
  if (stopping) {
    // A second Ctrl-C: do not wait any longer.
    for (const child of children) child.kill('SIGKILL');
    return;
  }
  stopping = true;
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const child of running) child.kill(signal);
  const timer = setTimeout(() => {
    fail(`still running after ${STOP_TIMEOUT_MS / 1000} s; killing.`);
    for (const child of running) child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  await Promise.all(running.map((c) => c.exited));
  clearTimeout(timer);
  if (running.length > 0)
    say(`stopped: ${running.map((c) => `${c.target.name} (pid ${c.pid})`).join(' and ')} exited.`);
  process.exit(process.exitCode ?? 0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));

// `npm start` runs this script as `sh -c "node scripts/start.mjs"`. A SIGTERM to npm (a process
// manager, an IDE's stop button) is passed to that shell only, which dies and leaves this script
// and its children running with their ports taken. Being re-parented means whoever started it is
// gone: stop as if signalled.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) void stop('SIGTERM');
}, PARENT_CHECK_MS).unref();

/**
 * Whether the Cashfree the store was pointed at answers: a local sandbox (loopback) by its
 * /_sandbox/health, anything else by any HTTP answer to its API base. Resolves with `undefined`
 * when it answers, else with why not.
 */
async function probeCashfree(apiBase) {
  const base = new URL(apiBase);
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname);
  const url = local ? `${base.origin}/_sandbox/health` : apiBase;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (local && !response.ok) return { local, url, why: `answered ${response.status}` };
    return undefined;
  } catch (error) {
    const code = error?.cause?.code;
    const why =
      error?.name === 'TimeoutError'
        ? `no answer within ${PROBE_TIMEOUT_MS / 1000} s`
        : code === 'ECONNREFUSED'
          ? 'connection refused: nothing listens there'
          : (code ?? error?.cause?.message ?? error?.message ?? String(error));
    return { local, url, why };
  }
}

async function main() {
  const storePort = portSetting(['DEMO_STORE_PORT'], 3000);
  const sandboxPort = portSetting(['CASHFREE_SANDBOX_PORT', 'PORT'], 8787);
  const taken = async (host, setting, what) => {
    if (await portFree(host, setting.port)) return false;
    fail(
      `port ${setting.port} on ${host} is taken, so ${what} cannot start; set ${setting.variable} to a free port (0 picks one).`,
    );
    return true;
  };
  if (!ownCashfree && storePort.port === sandboxPort.port && storePort.port > 0) {
    fail(
      `the sandbox and the store cannot share port ${storePort.port}; change DEMO_STORE_PORT or ${sandboxPort.variable}.`,
    );
    return;
  }
  if (await taken(env.DEMO_STORE_HOST?.trim() || '127.0.0.1', storePort, STORE.name)) return;
  if (
    !ownCashfree &&
    (await taken(env.CASHFREE_SANDBOX_HOST?.trim() || '127.0.0.1', sandboxPort, SANDBOX.name))
  )
    return;

  let storeEnv = { ...env };
  let sandbox;
  let sandboxUrl;
  if (!ownCashfree) {
    // The store gets exactly the lines the sandbox tells a developer to paste into .env.
    const pasted = {};
    sandbox = run(SANDBOX, { CASHFREE_SANDBOX_MERCHANT_NAME: STORE_NAME, ...env });
    // One listener for the whole banner: its lines can arrive in one chunk.
    await lineMatching(sandbox, /^CASHFREE_ENV=/, (line) => {
      sandboxUrl ??= /sandbox listening on (\S+)/.exec(line)?.[1];
      const match = /^(CASHFREE_[A-Z_]+)=(.*)$/.exec(line);
      if (match) pasted[match[1]] = match[2];
    });
    await answers(`${sandboxUrl}/_sandbox/health`, sandbox);
    storeEnv = { ...env, ...pasted };
  }
  const store = run(STORE, storeEnv);
  const [, storeUrl] = await lineMatching(store, /demo store listening on (\S+)/);
  await answers(`${storeUrl}/health`, store);
  // The store's own answer says where it sends its calls (CASHFREE_BASE_URL, or the environment's).
  const { api_base: apiBase } = await (await fetch(`${storeUrl}/health`)).json();
  const silent = sandbox ? undefined : await probeCashfree(apiBase);

  console.log('');
  say(silent ? 'the store answers, but the Cashfree it is set to use does not:' : 'ready, both answer:');
  say(`  Demo store        ${storeUrl}  (pid ${store.pid})   ← open this in a browser`);
  if (sandbox) {
    say(`  Cashfree sandbox  ${sandboxUrl}  (pid ${sandbox.pid}; dashboard ${sandboxUrl}/_sandbox/)`);
  } else {
    say(`  Cashfree          ${apiBase}  (your settings; no local sandbox started)`);
  }
  if (silent) {
    say(`  ${silent.url} did not answer: ${silent.why}.`);
    if (silent.local) {
      say(
        `  Start the sandbox it names (npx cashfree sandbox start --port ${new URL(apiBase).port || 80}) and keep it running, or unset the CASHFREE_* variables so npm start runs one itself; until then Pay cannot open checkout.`,
      );
    } else {
      say(
        "  Check CASHFREE_BASE_URL and this machine's network, or unset the CASHFREE_* variables so npm start runs the local sandbox; until then Pay cannot open checkout.",
      );
    }
  }
  say(`Ctrl-C stops ${sandbox ? 'both' : 'the store'}.`);
}

main().catch((error) => {
  if (stopping) return;
  fail(`${error.message}; stopping.`);
  void stop('SIGTERM');
});
