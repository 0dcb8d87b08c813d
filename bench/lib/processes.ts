import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Node flags for a benchmark helper process: workspace packages from source, TypeScript via tsx. */
export const HELPER_EXEC_ARGV = ['--conditions=cashfree-kit-source', '--import', 'tsx'];

/** The path of a helper script in bench/helpers/. */
export function helperPath(name: string): string {
  return fileURLToPath(new URL(`../helpers/${name}`, import.meta.url));
}

/** A helper process that answers commands over IPC (see {@link serveCommands}). */
export interface Helper<Ready = unknown> {
  readonly child: ChildProcess;
  /** What the helper sent once ready (its URL, credentials…). */
  readonly ready: Ready;
  /** Sends a command and resolves with the helper's answer. */
  call<T = unknown>(command: string, args?: unknown): Promise<T>;
  stop(): Promise<void>;
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/**
 * Forks `script` with `args` and waits for its `ready` message. Each benchmark's contenders run in
 * processes of their own: a server never shares its event loop with the load, and a client that
 * patches globals (cashfree-pg's Sentry does) cannot slow the others.
 */
export function startHelper<Ready = unknown>(
  script: string,
  args: readonly string[] = [],
  options: { execArgv?: readonly string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<Helper<Ready>> {
  const child = fork(script, [...args], {
    execArgv: [...(options.execArgv ?? HELPER_EXEC_ARGV)],
    env: options.env ?? process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) => {
      const error = new Error(`[bench] helper ${script} exited (${signal ?? code}) before it was stopped`);
      failAll(error);
      reject(error);
    };
    child.once('exit', onExit);
    child.once('error', reject);
    child.on('message', (message: { ready?: unknown } | Reply) => {
      if ('ready' in message) {
        resolve({
          child,
          ready: message.ready as Ready,
          call<T>(command: string, callArgs?: unknown): Promise<T> {
            const id = nextId++;
            return new Promise<T>((res, rej) => {
              pending.set(id, { resolve: res as (v: unknown) => void, reject: rej });
              child.send({ id, command, args: callArgs });
            });
          },
          stop() {
            child.off('exit', onExit);
            if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
            return new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            });
          },
        });
        return;
      }
      const reply = message as Reply;
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.value);
      else waiter.reject(new Error(reply.error));
    });
  });
}

/**
 * The helper side: announces `ready` and answers each command with its handler's result (and
 * `cpu` with its CPU time so far, in µs). The
 * process exits on SIGTERM or when its parent goes away, so no helper outlives a benchmark.
 */
export function serveCommands(
  ready: unknown,
  handlers: Record<string, (args: never) => unknown | Promise<unknown>>,
): void {
  if (!process.send) throw new Error('[bench] this helper runs under a benchmark (it needs an IPC channel)');
  process.on('SIGTERM', () => process.exit(0));
  process.on('disconnect', () => process.exit(0));
  // Every helper reports its CPU time (µs, user + system), so a benchmark can divide it by the
  // requests it served: a figure a busy neighbour disturbs far less than throughput.
  const all: Record<string, (args: never) => unknown> = {
    cpu: () => {
      const used = process.cpuUsage();
      return used.user + used.system;
    },
    ...handlers,
  };
  process.on('message', async (message: { id: number; command: string; args: never }) => {
    const handler = all[message.command];
    try {
      if (!handler) throw new Error(`unknown command ${message.command}`);
      const value = await handler(message.args);
      process.send!({ id: message.id, ok: true, value });
    } catch (error) {
      process.send!({ id: message.id, ok: false, error: (error as Error).stack ?? String(error) });
    }
  });
  process.send({ ready });
}
