import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { SandboxEventListener } from './context.js';
import { DEFAULT_DB_FILE, type SandboxOptions } from './options.js';
import { openSandboxApp, type SandboxApp, type SandboxAppInternals } from './sandbox-app.js';

/**
 * Default port of `startSandbox()` and `npm start`.
 *
 * @example
 * const sandbox = await startSandbox({ port: DEFAULT_PORT + 1, db: ':memory:' });
 * await sandbox.close();
 */
export const DEFAULT_PORT = 8787;

/**
 * A running sandbox.
 *
 * @example
 * const running: RunningSandbox = await startSandbox({ port: 0, db: ':memory:' });
 * console.log(running.apiBase, running.appId);
 * running.sandbox.advanceClock(60 * 60_000); // an hour later: unpaid orders expire
 * await running.close();
 */
export interface RunningSandbox {
  /** The origin, e.g. `http://127.0.0.1:8787`; the Cashfree API is at `${url}/pg`. */
  readonly url: string;
  /** `${url}/pg`: the base URL to give an SDK. */
  readonly apiBase: string;
  readonly appId: string;
  readonly secretKey: string;
  /** The database: an absolute file path, or `:memory:`. */
  readonly db: string;
  /** The in-process app behind the server (admin helpers, clock). */
  readonly sandbox: SandboxApp;
  /** Subscribes to committed domain events; see {@link SandboxApp.onEvent}. */
  onEvent(listener: SandboxEventListener): () => void;
  /**
   * Stops listening, drops open connections, aborts webhook attempts in flight (they are sent
   * again after a restart), stops the scheduler and closes the database.
   */
  close(): Promise<void>;
}

/**
 * Thrown when the port is taken; `code` is `EADDRINUSE`.
 *
 * @example
 * const sandbox = await startSandbox({ port: DEFAULT_PORT, db: ':memory:' }).catch((error: unknown) => {
 *   if (error instanceof PortInUseError) return startSandbox({ port: 0, db: ':memory:' });
 *   throw error;
 * });
 * await sandbox.close();
 */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError' as const;
  readonly code = 'EADDRINUSE' as const;

  constructor(
    readonly host: string,
    readonly port: number,
    options?: ErrorOptions,
  ) {
    super(
      `[cashfree-sandbox] port ${port} on ${host} is already in use (is another sandbox running?). ` +
        'Stop that process, or choose another port (PORT / CASHFREE_SANDBOX_PORT, or port: 0 for any free port).',
      options,
    );
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port, { cause: error }) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function originOf(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/**
 * Starts the sandbox on a socket. The database is a file (`.cashfree-sandbox/sandbox.db` under
 * the working directory) unless `db` says otherwise, so state survives restarts.
 *
 * @example
 * import { Cashfree } from 'cashfree-kit';
 *
 * const sandbox = await startSandbox({ port: 0, db: ':memory:' });
 * const cashfree = new Cashfree({ appId: sandbox.appId, secretKey: sandbox.secretKey,
 *   environment: 'sandbox', baseUrl: `${sandbox.url}/pg` });
 * // …
 * await sandbox.close();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_PORT;
  let sandbox: SandboxAppInternals | undefined;
  // Listen before opening the database, so a second `npm start` reports the taken port (the
  // likely cause) rather than the locked database behind it.
  const server = createAdaptorServer({
    fetch: (request, env) =>
      sandbox ? sandbox.app.fetch(request, env) : new Response(null, { status: 503 }),
  }) as Server;
  const address = await listen(server, port, host);
  const url = originOf(host, address.port);
  try {
    sandbox = openSandboxApp(options, DEFAULT_DB_FILE);
  } catch (error) {
    await new Promise((resolve) => server.close(resolve));
    throw error;
  }
  sandbox.setPublicUrl(url);
  const app = sandbox;
  let closing: Promise<void> | undefined;
  return {
    url,
    apiBase: `${url}/pg`,
    appId: app.appId,
    secretKey: app.secretKey,
    db: app.db,
    sandbox: app,
    onEvent: (listener) => app.onEvent(listener),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => {
          // Abort webhook attempts in flight and let them unwind before the database closes.
          void app.webhooks.close().then(() => {
            app.close();
            resolve();
          });
        });
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
