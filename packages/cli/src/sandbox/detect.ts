/**
 * Whether the configured API is the cashfree-kit local sandbox. Commands that can do more there
 * (trigger real events, print a checkout URL, reset, read the sandbox's clock) ask here first; a
 * Cashfree host (the default base URLs) is never probed.
 */
import { isCashfreeHost, SandboxAdmin, sandboxOrigin } from './admin-client.js';

/**
 * The admin client of the local sandbox whose API is at `baseUrl` (`http://127.0.0.1:8787/pg`),
 * or `undefined` when it is something else (Cashfree, another server, nothing answering).
 */
export async function detectLocalSandbox(baseUrl: string): Promise<SandboxAdmin | undefined> {
  if (isCashfreeHost(baseUrl)) return undefined;
  const origin = sandboxOrigin(baseUrl);
  try {
    const response = await fetch(`${origin}/_sandbox/health`, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return undefined;
    const health = (await response.json()) as { status?: unknown; api_base?: unknown };
    return health.status === 'ok' && typeof health.api_base === 'string'
      ? new SandboxAdmin(origin)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The sandbox's "now" in epoch ms: its clock moves only when advanced, so it may be days ahead of this machine's. */
export async function sandboxNow(admin: SandboxAdmin): Promise<number> {
  const clock = await admin.call<{ epoch_ms: number }>('GET', '/clock');
  return clock.epoch_ms;
}

/**
 * "Now" for a date range sent to the API at `baseUrl`: the local sandbox's clock when it is one
 * (after a clock advance it is ahead of this machine, and so are its settlements), else this
 * machine's.
 */
export async function serverNow(baseUrl: string): Promise<number> {
  const sandbox = await detectLocalSandbox(baseUrl);
  return sandbox ? sandboxNow(sandbox) : Date.now();
}
