/** The CLI in-process: help text, output modes and usage errors, with a fake runtime. */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { run } from './index.js';
import type { Runtime } from './runtime.js';

function fakeRuntime(options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const runtime: Runtime = {
    env: options.env ?? {},
    stdout: { write: (text: string) => out.push(text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => err.push(text), isTTY: false },
    stdin: Readable.from([]),
    untilStopped: () => new Promise(() => {}),
  };
  return { runtime, stdout: () => out.join(''), stderr: () => err.join('') };
}

const EVERY_COMMAND = [
  'sandbox start',
  'smoke',
  'orders create',
  'orders get <order_id>',
  'orders terminate <order_id>',
  'payments list <order_id>',
  'payments get <order_id> <cf_payment_id>',
  'refunds create <order_id>',
  'refunds get <order_id> <refund_id>',
  'refunds list <order_id>',
  'links create',
  'links get <link_id>',
  'links cancel <link_id>',
  'links orders <link_id>',
  'settlements order <order_id>',
  'settlements list',
  'webhooks verify',
  'webhooks trigger <event_type>',
  'webhooks listen',
  'errors list',
  'errors explain <code>',
  'doctor',
];

test('--help lists every command, the global options, the environment and the exit codes', async () => {
  const io = fakeRuntime();
  assert.equal(await run(['--help'], io.runtime), 0);
  const help = io.stdout();
  for (const command of EVERY_COMMAND)
    assert.match(help, new RegExp(`^  ${command.replace(/[<>]/g, '\\$&')}\\s{2,}\\S`, 'm'), command);
  for (const option of ['--json', '--no-json', '--env <env>', '--base-url <url>'])
    assert.ok(help.includes(option), option);
  for (const variable of ['CASHFREE_APP_ID', 'CASHFREE_SECRET_KEY', 'CASHFREE_ENV', 'CASHFREE_BASE_URL'])
    assert.ok(help.includes(variable));
  for (let code = 0; code <= 9; code += 1)
    assert.match(help, new RegExp(`^  ${code}\\s+\\S`, 'm'), `exit code ${code}`);
});

test('every command’s --help also shows the global options', async () => {
  for (const command of [['doctor'], ['orders', 'create'], ['webhooks', 'listen']]) {
    const io = fakeRuntime();
    assert.equal(await run([...command, '--help'], io.runtime), 0);
    for (const option of ['--json', '--env <env>', '--base-url <url>'])
      assert.ok(io.stdout().includes(option), `${command.join(' ')} --help lacks ${option}`);
  }
});

test('output is JSON when stdout is not a terminal, text on a terminal, and the flags override both', async () => {
  const piped = fakeRuntime();
  assert.equal(await run(['errors', 'explain', 'order_not_found'], piped.runtime), 0);
  assert.equal(JSON.parse(piped.stdout()).code, 'order_not_found');

  const tty = fakeRuntime({ tty: true, env: { NO_COLOR: '1' } });
  assert.equal(await run(['errors', 'explain', 'order_not_found'], tty.runtime), 0);
  assert.match(tty.stdout(), /^order_not_found {2}\(error code · HTTP 404/);

  const forced = fakeRuntime({ tty: true });
  assert.equal(await run(['errors', 'explain', 'order_not_found', '--json'], forced.runtime), 0);
  assert.equal(JSON.parse(forced.stdout()).code, 'order_not_found');
});

test('colours only on a terminal, and never with NO_COLOR', async () => {
  const tty = fakeRuntime({ tty: true });
  await run(['errors', 'explain', 'order_not_found'], tty.runtime);
  assert.ok(tty.stdout().includes('\u001b['), 'colours on a terminal');
  const noColor = fakeRuntime({ tty: true, env: { NO_COLOR: '' } });
  await run(['errors', 'explain', 'order_not_found'], noColor.runtime);
  assert.ok(!noColor.stdout().includes('\u001b['));
});

test('a usage error is one line naming the help to read, exit 2, and JSON on stdout', async () => {
  const io = fakeRuntime();
  assert.equal(await run(['refunds', 'create'], io.runtime), 2);
  assert.equal(
    io.stderr(),
    "cashfree: missing required argument 'order_id'. Run 'cashfree refunds create --help' for usage.\n",
  );
  assert.deepEqual(JSON.parse(io.stdout()), {
    error: {
      name: 'CliError',
      message: "missing required argument 'order_id'. Run 'cashfree refunds create --help' for usage.",
      exit_code: 2,
    },
  });
});

test('a command group without a subcommand shows its help and exits 2; --version prints it', async () => {
  const group = fakeRuntime();
  assert.equal(await run(['webhooks'], group.runtime), 2);
  assert.match(group.stderr(), /Usage: cashfree webhooks/);
  const version = fakeRuntime();
  assert.equal(await run(['--version'], version.runtime), 0);
  assert.match(version.stdout(), /^\d+\.\d+\.\d+\n$/);
});
