/**
 * The local sandbox the server runs in-process when no keys are set: started by the first request
 * a tool actually sends (never at start-up, never for a call refused before sending), on a free
 * loopback port, with its database in `.cashfree-sandbox/` under the working directory so state
 * survives restarts.
 */
import { join } from 'node:path';
import type { RunningSandbox } from '@cashfree-kit/sandbox';
import type { Fetch } from 'cashfree-kit';

/**
 * The origin SDK clients are built with before the sandbox has a port; {@link LocalSandbox.fetch}
 * sends their requests to the running sandbox instead. Port 0 is never listened on.
 */
const NOT_YET_STARTED = 'http://127.0.0.1:0';

/** Starts the sandbox once, on first use, and closes it with the server. */
export class LocalSandbox {
  readonly #cwd: string;
  #starting: Promise<RunningSandbox> | undefined;
  #failure: Error | undefined;

  constructor(cwd: string) {
    this.#cwd = cwd;
  }

  /** The running sandbox, started now if it is not yet. */
  get(): Promise<RunningSandbox> {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  async #start(): Promise<RunningSandbox> {
    try {
      const { DEFAULT_APP_ID, DEFAULT_DB_FILE, DEFAULT_SECRET_KEY, startSandbox } = await import(
        '@cashfree-kit/sandbox'
      );
      return await startSandbox({
        host: '127.0.0.1',
        port: 0,
        db: join(this.#cwd, DEFAULT_DB_FILE),
        // Its built-in test keys, named here so clients can be made before it starts.
        appId: DEFAULT_APP_ID,
        secretKey: DEFAULT_SECRET_KEY,
      });
    } catch (error) {
      this.#failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }

  /**
   * Why the sandbox could not start, if it could not. The SDK reports a failing fetch as a
   * connection error to the placeholder URL; the server answers with this instead.
   */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /**
   * What an SDK client needs to reach the sandbox without starting it: its keys, a base URL under
   * {@link NOT_YET_STARTED}, and {@link fetch}. The SDK's checks run before its fetch, so a call
   * they refuse never starts the sandbox.
   */
  async clientOptions(
    basePath: string,
  ): Promise<{ appId: string; secretKey: string; baseUrl: string; fetch: Fetch }> {
    const { DEFAULT_APP_ID, DEFAULT_SECRET_KEY } = await import('@cashfree-kit/sandbox');
    return {
      appId: DEFAULT_APP_ID,
      secretKey: DEFAULT_SECRET_KEY,
      baseUrl: `${NOT_YET_STARTED}${basePath}`,
      fetch: this.fetch,
    };
  }

  /** Starts the sandbox if it is not yet, and sends the request to it. */
  readonly fetch: Fetch = async (input, init) => {
    const { url } = await this.get();
    const requested = new URL(input instanceof Request ? input.url : String(input));
    const target = new URL(`${requested.pathname}${requested.search}`, url);
    return input instanceof Request ? fetch(new Request(target, input), init) : fetch(target, init);
  };

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
