/**
 * Runs the real `cashfree` binary (bin/cashfree.js) in a child process, the way a user does, and
 * starts local sandboxes and recording servers on 127.0.0.1 for it to talk to. Everything started
 * here is closed by the test that started it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type RunningSandbox, startSandbox, TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import { Cashfree } from 'cashfree-kit';
import type { Teardown } from '../../../test/support/loopback-server.ts';

export const BIN = fileURLToPath(new URL('../bin/cashfree.js', import.meta.url));
const packagesDir = fileURLToPath(new URL('../../', import.meta.url));

/** The sandbox credentials the tests use. */
export const APP_ID = 'TESTclitestapp';
export const SECRET_KEY = 'cfsk_ma_test_cli_tests_secret_0001';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * True when the built CLI (and the SDK and sandbox builds it imports) is at least as new as the
 * sources. A stale build would test yesterday's code, so the tests then run the sources instead;
 * `npm test` builds first, so CI exercises the built binary.
 */
export function buildIsFresh(): boolean {
  try {
    const built = Math.min(
      ...['cli/dist/bin.js', 'cashfree/dist/index.js', 'sandbox/dist/index.js'].map(
        (file) => statSync(join(packagesDir, file)).mtimeMs,
      ),
    );
    const sources = Math.max(
      ...['cli/src', 'cashfree/src', 'sandbox/src'].map((dir) => newestMtime(join(packagesDir, dir))),
    );
    return built >= sources;
  } catch {
    return false;
  }
}

const fromSource = buildIsFresh() ? {} : { CASHFREE_KIT_CLI_FROM_SOURCE: '1' };

/** The outcome of one run. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (fails the test with the output when it is not JSON). */
  json<T = Record<string, unknown>>(): T;
}

export interface RunOptions {
  /** Extra environment variables. CASHFREE_* from the outer environment are never passed on. */
  env?: Record<string, string>;
  /** Written to stdin, then stdin is closed. */
  input?: string | Uint8Array;
}

/** The environment of a child: the outer one without CASHFREE_* or colour settings, plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || name.startsWith('CASHFREE_') || name === 'FORCE_COLOR' || name === 'NO_COLOR')
      continue;
    if (name.startsWith('NODE_TEST') || name === 'NODE_OPTIONS') continue;
    env[name] = value;
  }
  return { ...env, ...fromSource, ...extra };
}

/** Runs `cashfree <args>` to completion. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(options.env), stdio: 'pipe' });
  return collect(child, args, options.input);
}

function collect(
  child: ChildProcess,
  args: readonly string[],
  input?: string | Uint8Array,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.stdin?.end(input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({
        code,
        stdout,
        stderr,
        json<T>() {
          try {
            return JSON.parse(stdout) as T;
          } catch {
            throw new Error(
              `cashfree ${args.join(' ')}: stdout is not JSON.\nstdout: ${stdout}\nstderr: ${stderr}`,
            );
          }
        },
      });
    });
  });
}

/** A long-running `cashfree` process (sandbox start, webhooks listen) read line by line. */
export interface CliProcess {
  child: ChildProcess;
  /** Resolves with the first stdout line that matches, or rejects after `timeoutMs`. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Every stdout line so far. */
  lines(): string[];
  /** Sends `signal` and resolves with the exit result. */
  stop(signal?: NodeJS.Signals): Promise<CliResult>;
}

/** Starts `cashfree <args>` and leaves it running; the test's teardown kills it if still running. */
export function startCli(t: Teardown, args: readonly string[], options: RunOptions = {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(options.env), stdio: 'pipe' });
  let buffer = '';
  const seen: string[] = [];
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    seen.push(...parts);
    for (const wake of waiters) wake();
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const exited = new Promise<CliResult>((resolve) => {
    child.on('exit', async (code) => {
      // Output still in the pipes arrives before 'close'; a grandchild holding the pipes open
      // must not hang the test, hence the bound.
      await Promise.race([closed, new Promise((done) => setTimeout(done, 1000).unref())]);
      resolve({
        code,
        stdout: `${seen.join('\n')}${buffer}`,
        stderr,
        json: () => {
          throw new Error('a long-running command prints JSON lines; use lines()');
        },
      });
    });
  });
  t.after(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // SIGTERM first, so the CLI closes what it started; SIGKILL if it does not stop in time.
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  });
  return {
    child,
    lines: () => [...seen],
    waitForLine(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = seen.find(match);
          if (line === undefined) return false;
          cleanup();
          resolve(line);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `no matching line within ${timeoutMs} ms.\nstdout:\n${seen.join('\n')}\nstderr:\n${stderr}`,
            ),
          );
        }, timeoutMs);
        const onExit = () => {
          if (check()) return;
          cleanup();
          reject(
            new Error(
              `cashfree exited (${child.exitCode}) before the line appeared.\nstdout:\n${seen.join('\n')}\nstderr:\n${stderr}`,
            ),
          );
        };
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          child.off('exit', onExit);
        };
        const wake = () => void check();
        if (check()) return;
        waiters.add(wake);
        child.on('exit', onExit);
      });
    },
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}

/** A local sandbox on 127.0.0.1 with a fresh in-memory database, closed when the test ends. */
export async function startTestSandbox(
  t: Teardown,
  options: Parameters<typeof startSandbox>[0] = {},
): Promise<RunningSandbox> {
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    db: ':memory:',
    appId: APP_ID,
    secretKey: SECRET_KEY,
    ...options,
  });
  t.after(() => sandbox.close());
  return sandbox;
}

/** The environment that points the CLI at `sandbox`. */
export function sandboxEnv(
  sandbox: { apiBase: string },
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    CASHFREE_BASE_URL: sandbox.apiBase,
    CASHFREE_APP_ID: APP_ID,
    CASHFREE_SECRET_KEY: SECRET_KEY,
    CASHFREE_ENV: 'TEST',
    ...overrides,
  };
}

/** A local sandbox shared by a describe block, the environment that points the CLI at it, and an SDK client for it. */
export interface LocalSandbox {
  readonly sandbox: RunningSandbox;
  readonly env: Record<string, string>;
  readonly client: Cashfree;
}

/**
 * Called in a describe block: starts a local sandbox before its tests (closed after them) and
 * gives the CLI's environment and an SDK client for it. Read the fields inside tests or hooks.
 */
export function localSandboxWithClient(): LocalSandbox {
  const local = {} as { sandbox: RunningSandbox; env: Record<string, string>; client: Cashfree };
  const closers: (() => unknown)[] = [];
  after(async () => {
    for (const close of closers) await close();
  });

  before(async () => {
    local.sandbox = await startTestSandbox({ after: (close) => closers.push(close) });
    local.env = sandboxEnv(local.sandbox);
    local.client = new Cashfree({
      appId: APP_ID,
      secretKey: SECRET_KEY,
      environment: 'sandbox',
      baseUrl: local.sandbox.apiBase,
    });
  });
  return local;
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Pays `orderId` with the sandbox's success card and OTP 111000, as a customer would at checkout. */
export async function payWithTestCard(client: Cashfree, orderId: string): Promise<string> {
  const order = await client.orders.get(orderId);
  const payment = await client.orders.pay({
    payment_session_id: order.payment_session_id as string,
    payment_method: {
      card: {
        channel: 'post',
        card_number: '4111111111111111',
        card_expiry_mm: TEST_CARD_EXPIRY.mm,
        card_expiry_yy: TEST_CARD_EXPIRY.yy,
        card_cvv: '123',
      },
    },
  });
  await client.orders.authenticate(String(payment.cf_payment_id), { otp: '111000', action: 'SUBMIT_OTP' });
  return String(payment.cf_payment_id);
}
