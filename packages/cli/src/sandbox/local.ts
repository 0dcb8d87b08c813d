/**
 * Starting the local sandbox from the CLI. `@cashfree-kit/sandbox` is loaded only when a command
 * needs it, so `cashfree errors explain` never pays for SQLite and the HTTP server.
 */
import type { RunningSandbox, SandboxOptions } from '@cashfree-kit/sandbox';

/** Starts a sandbox on loopback (unless `host` says otherwise). */
export async function startLocalSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const { startSandbox } = await import('@cashfree-kit/sandbox');
  return startSandbox({ host: '127.0.0.1', ...options });
}

/** The banner `npm start` prints too: URL, keys (the built-in secret only), env lines, test data. */
export async function sandboxBanner(sandbox: RunningSandbox): Promise<string> {
  const { startBanner } = await import('@cashfree-kit/sandbox');
  return startBanner({
    url: sandbox.url,
    appId: sandbox.appId,
    secretKey: sandbox.secretKey,
    db: sandbox.db,
  });
}

/** The sandbox's built-in credentials, safe to print (they guard nothing real). */
export async function defaultSandboxCredentials(): Promise<{ appId: string; secretKey: string }> {
  const { DEFAULT_APP_ID, DEFAULT_SECRET_KEY } = await import('@cashfree-kit/sandbox');
  return { appId: DEFAULT_APP_ID, secretKey: DEFAULT_SECRET_KEY };
}
