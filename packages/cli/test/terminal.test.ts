/**
 * The CLI on a real terminal (a pty from util-linux's `script`), where spinners run: every spinner
 * stops when its step ends and gives the cursor back, and a terminal that reports no width (what
 * `script` without a controlling terminal, `docker -t` and some CI ptys give) neither hangs nor
 * floods the output.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type TestContext, test } from 'node:test';
import { prerequisite } from '../../../test/support/prerequisites.ts';
import { BIN, childEnv, sandboxEnv, startTestSandbox } from './support.ts';

const SCRIPT = '/usr/bin/script';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';

/** True when util-linux's `script` can give the CLI a pty (skips loudly, or fails under CI, if not). */
function scriptAvailable(t: TestContext): boolean {
  return prerequisite(
    t,
    existsSync(SCRIPT),
    "util-linux's script (/usr/bin/script)",
    'apt-get install -y bsdutils',
  );
}

/** Runs `cashfree <args>` inside a pty; resolves with everything the terminal received. */
function onTerminal(args: string[], env: Record<string, string>, columns?: number, timeoutMs = 15_000) {
  const cashfree = [process.execPath, BIN, ...args].map((part) => `'${part}'`).join(' ');
  const command = columns === undefined ? cashfree : `stty cols ${columns} rows 24; ${cashfree}`;
  // A developer's terminal: nanospinner draws nothing when CI is set (as .ci/run sets it).
  const { CI: _ci, ...terminalEnv } = childEnv({ ...env, TERM: 'xterm-256color' });
  const child = spawn(SCRIPT, ['-qec', command, '/dev/null'], {
    env: terminalEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    // A runaway redraw loop writes gigabytes; keep only enough to diagnose it.
    if (output.length < 1_000_000) output += chunk;
  });
  return new Promise<{ code: number | null; output: string; timedOut: boolean }>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut: signal === 'SIGKILL' });
    });
  });
}

test('on a terminal without a width, a command with a spinner ends, prints its result and shows the cursor', async (t) => {
  if (!scriptAvailable(t)) return;
  const sandbox = await startTestSandbox(t);
  const env = sandboxEnv(sandbox);
  const created = await onTerminal(
    [
      'orders',
      'create',
      '--amount',
      '499',
      '--phone',
      '9876543210',
      '--order-id',
      'tty_order_1',
      '--no-json',
    ],
    env,
  );
  assert.equal(created.timedOut, false, `the command hung; it printed:\n${created.output.slice(0, 2000)}`);
  assert.equal(created.code, 0, created.output.slice(0, 2000));
  assert.match(created.output, /tty_order_1/);
  assert.ok(created.output.length < 20_000, `${created.output.length} characters for one order`);
  if (created.output.includes(HIDE_CURSOR)) {
    assert.ok(
      created.output.lastIndexOf(SHOW_CURSOR) > created.output.lastIndexOf(HIDE_CURSOR),
      'the cursor was hidden by a spinner and never shown again',
    );
  }
});

test('on an 80-column terminal the spinner runs while the request is in flight, then stops and shows the cursor', async (t) => {
  if (!scriptAvailable(t)) return;
  const sandbox = await startTestSandbox(t);
  const result = await onTerminal(
    ['orders', 'get', 'tty_no_such_order', '--no-json'],
    sandboxEnv(sandbox),
    80,
  );
  assert.equal(result.timedOut, false, result.output.slice(0, 2000));
  assert.equal(result.code, 4, result.output.slice(0, 2000));
  assert.match(result.output, /order_not_found/);
  assert.ok(result.output.includes(HIDE_CURSOR), 'a spinner ran');
  assert.ok(
    result.output.lastIndexOf(SHOW_CURSOR) > result.output.lastIndexOf(HIDE_CURSOR),
    'the cursor was hidden by a spinner and never shown again',
  );
  const afterError = result.output.slice(result.output.indexOf('order_not_found'));
  assert.ok(!afterError.includes(HIDE_CURSOR), 'the spinner kept redrawing after the error was printed');
});
