/**
 * A sandbox in a child process (sandbox-child.ts), for the reliability suite: it gets a core of
 * its own away from the load generator, can be killed with SIGKILL mid-request, and reports its
 * memory after a forced GC. Every process started here is killed when the test ends.
 *
 * The sandbox runs on the suites' client secret (suite-secret.ts) unless a test names another:
 * the runner scans the whole test output for that secret, so anything the sandbox prints with it
 * (a log line, a crash) fails the run. The secret reaches the child in its environment
 * (CASHFREE_SECRET_KEY, which the sandbox reads), not in argv, where any process listing shows it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SandboxOptions } from '@cashfree-kit/sandbox';
import type { ChildMessage, ParentMessage } from './sandbox-child.ts';
import { SUITE_SECRET } from './suite-secret.ts';

const CHILD = fileURLToPath(new URL('./sandbox-child.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface MemorySample {
  heapUsed: number;
  rss: number;
  external: number;
}

export interface SandboxProcess {
  url: string;
  /** `${url}/pg`. */
  apiBase: string;
  appId: string;
  secretKey: string;
  db: string;
  pid: number;
  /** Heap and RSS after two forced collections. */
  memory(): Promise<MemorySample>;
  /** Closes the sandbox gracefully (webhook attempts in flight are aborted) and waits for the exit. */
  close(): Promise<void>;
  /** Sends SIGKILL and waits for the exit: no handler runs, nothing is flushed. */
  kill(): Promise<void>;
}

export interface Teardown {
  after(fn: () => void | Promise<void>): void;
}

function nextMessage<T extends ChildMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`sandbox child sent no ${type} message within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: ChildMessage) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new Error(`sandbox child exited (${signal ?? code}) before its ${type} message`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts a sandbox child on `options` (a file `db` so that it survives a kill). */
export async function startSandboxProcess(t: Teardown, options: SandboxOptions): Promise<SandboxProcess> {
  const { secretKey = SUITE_SECRET, ...rest } = options;
  const child = spawn(
    process.execPath,
    ['--conditions=cashfree-kit-source', '--import', 'tsx', '--expose-gc', CHILD, JSON.stringify(rest)],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, CASHFREE_SECRET_KEY: secretKey },
    },
  );
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  const ready = await nextMessage(child, 'ready', START_TIMEOUT_MS);
  // Compared, never printed: a sandbox on its default key would make the runner's scan blind.
  if (ready.secretKey !== secretKey)
    throw new Error('the sandbox child did not take the secret key it was given');
  const send = (message: ParentMessage) => child.send(message);
  return {
    url: ready.url,
    apiBase: `${ready.url}/pg`,
    appId: ready.appId,
    secretKey: ready.secretKey,
    db: ready.db,
    pid: child.pid ?? -1,
    async memory() {
      const reply = nextMessage(child, 'memory', 10_000);
      send({ type: 'memory' });
      const { heapUsed, rss, external } = await reply;
      return { heapUsed, rss, external };
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      send({ type: 'close' });
      await exited;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
