#!/usr/bin/env node
// CI check that `npm install && npm start` on a fresh clone brings the demo store up, the way the
// README says: clones the committed checkout into a temporary directory, runs `npm install` there,
// starts `npm start` on free ports in its own process group (as a terminal does), waits until the
// store and the sandbox answer, checks the product page, then sends SIGINT to the group (Ctrl-C)
// and checks that both processes exited. Prints each step; any failure exits 1 with the output.
//
//   node scripts/check-fresh-clone-start.mjs        (KEEP_CLONE=1 keeps the clone for a look)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cashfree-kit-fresh-clone-'));
const clone = join(work, 'cashfree-kit');
const started = Date.now();
let npmStart;
let output = '';

// Node 22.13+ has node:sqlite, which the sandbox and the demo store open when it is there.
const hasNodeSqlite = (() => {
  try {
    return Boolean(process.getBuiltinModule?.('node:sqlite'));
  } catch {
    return false;
  }
})();
const say = (line) => console.log(`[fresh-clone] ${line}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function cleanUp() {
  if (npmStart && npmStart.exitCode === null && npmStart.signalCode === null) {
    try {
      process.kill(-npmStart.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (process.env.KEEP_CLONE === '1') say(`kept the clone in ${clone}`);
  else rmSync(work, { recursive: true, force: true });
}

function fail(message) {
  console.error(`[fresh-clone] FAILED: ${message}`);
  if (output) console.error(`[fresh-clone] npm start printed:\n${output}`);
  cleanUp();
  process.exit(1);
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(what, find, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found) return found;
    if (Date.now() > deadline) fail(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

try {
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  say(`cloning the committed checkout (${head}) into ${clone}`);
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone], { stdio: 'inherit' });

  say(`npm install on Node ${process.version} (as the README says)`);
  const installStarted = Date.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: clone, stdio: 'inherit' });
  say(`npm install done in ${seconds(installStarted)}`);
  const betterSqlite3 = existsSync(join(clone, 'node_modules', 'better-sqlite3'));
  if (hasNodeSqlite) {
    // The point of node:sqlite (docs/decisions/0006): on this Node, npm install builds nothing native.
    if (betterSqlite3)
      fail('npm install put better-sqlite3 (a native build) into a Node that has node:sqlite');
    say('nothing native was built: the sandbox and the store use node:sqlite');
  } else {
    say('this Node has no node:sqlite: npm install better-sqlite3 (the README says so for Node 20)');
    const sqliteStarted = Date.now();
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', 'better-sqlite3@12'], {
      cwd: clone,
      stdio: 'inherit',
    });
    say(
      `better-sqlite3 installed (compiled from source when no prebuilt binary is reachable) in ${seconds(sqliteStarted)}`,
    );
  }
} catch (error) {
  fail(`${error.message}`);
}

// A developer's shell with none of our variables set: the default, local mode.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(CASHFREE_|DEMO_STORE_)/.test(name) && name !== 'PORT'),
);
const storePort = await freePort();
const sandboxPort = await freePort();
env.DEMO_STORE_PORT = String(storePort);
env.CASHFREE_SANDBOX_PORT = String(sandboxPort);
const storeUrl = `http://127.0.0.1:${storePort}`;
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;

say(`npm start (DEMO_STORE_PORT=${storePort} CASHFREE_SANDBOX_PORT=${sandboxPort})`);
const startStarted = Date.now();
npmStart = spawn('npm', ['start'], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
npmStart.stdout.on('data', (chunk) => {
  output += chunk;
});
npmStart.stderr.on('data', (chunk) => {
  output += chunk;
});
let stopping = false;
const exited = new Promise((resolve) => npmStart.once('exit', (code, signal) => resolve({ code, signal })));
exited.then(({ code, signal }) => {
  if (!stopping) fail(`npm start exited by itself (${signal ?? `exit code ${code}`})`);
});

await waitFor(
  'npm start to print "ready, both answer"',
  () => /\[start\] ready, both answer/.test(output),
  180_000,
);
const storePid = Number(/Demo store +\S+ +\(pid (\d+)\)/.exec(output)?.[1]);
const sandboxPid = Number(/Cashfree sandbox +\S+ +\(pid (\d+);/.exec(output)?.[1]);
if (!storePid || !sandboxPid) fail('npm start did not print both process ids');
if (!output.includes(`Demo store        ${storeUrl}`))
  fail(`npm start did not print the store URL ${storeUrl}`);
if (!output.includes(`Cashfree sandbox  ${sandboxUrl}`))
  fail(`npm start did not print the sandbox URL ${sandboxUrl}`);
say(
  `both URLs printed after ${seconds(startStarted)}: store ${storeUrl} (pid ${storePid}), sandbox ${sandboxUrl} (pid ${sandboxPid})`,
);

if (!(await answers(`${sandboxUrl}/_sandbox/health`)))
  fail(`${sandboxUrl}/_sandbox/health does not answer 200`);
if (!(await answers(`${storeUrl}/health`))) fail(`${storeUrl}/health does not answer 200`);
const product = await fetch(`${storeUrl}/`);
const page = await product.text();
if (product.status !== 200) fail(`GET ${storeUrl}/ answered ${product.status}`);
if (!page.includes('Pay ₹499')) fail('the product page has no "Pay ₹499" button');
if (!page.includes(`<script src="${sandboxUrl}/js/v3/cashfree.js"></script>`)) {
  fail('the product page does not load cashfree.js from the local sandbox');
}
say(
  'the sandbox and the store answer; the product page has "Pay ₹499" and loads cashfree.js from the sandbox',
);

say('Ctrl-C (SIGINT to the process group)');
stopping = true;
process.kill(-npmStart.pid, 'SIGINT');
const stopStarted = Date.now();
const timeout = setTimeout(() => fail('npm start did not exit within 20 s of SIGINT'), 20_000);
const { code, signal } = await exited;
clearTimeout(timeout);
await waitFor('both processes to exit', () => !alive(storePid) && !alive(sandboxPid), 10_000);
if (!/\[start\] stopped: .* exited\./.test(output))
  fail('npm start did not report that both processes exited');
if (await answers(`${storeUrl}/health`)) fail('the store still answers after Ctrl-C');
say(
  `npm start exited (${signal ?? `exit code ${code}`}) ${seconds(stopStarted)} after Ctrl-C; store and sandbox processes are gone`,
);
cleanUp();
say(`passed in ${seconds(started)}`);
