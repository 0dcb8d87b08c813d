/**
 * The local sandbox the server runs in-process when no keys are set: started when the first tool
 * needs it (never at start-up), on a free loopback port, with its database in
 * `.cashfree-sandbox/` under the working directory so state survives restarts.
 */
import { join } from 'node:path';
import type { RunningSandbox } from '@cashfree-kit/sandbox';

/** Starts the sandbox once, on first use, and closes it with the server. */
export class LocalSandbox {
  readonly #cwd: string;
  #starting: Promise<RunningSandbox> | undefined;

  constructor(cwd: string) {
    this.#cwd = cwd;
  }

  /** The running sandbox, started now if it is not yet. */
  get(): Promise<RunningSandbox> {
    this.#starting ??= import('@cashfree-kit/sandbox').then(({ DEFAULT_DB_FILE, startSandbox }) =>
      startSandbox({ host: '127.0.0.1', port: 0, db: join(this.#cwd, DEFAULT_DB_FILE) }),
    );
    return this.#starting;
  }

  /** Whether it was ever started. */
  get started(): boolean {
    return this.#starting !== undefined;
  }

  async close(): Promise<void> {
    const starting = this.#starting;
    if (!starting) return;
    await (await starting.catch(() => undefined))?.close();
  }
}
