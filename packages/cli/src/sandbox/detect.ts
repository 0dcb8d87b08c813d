/**
 * Whether the configured API is the cashfree-kit local sandbox. Commands that can do more there
 * (trigger real events, print a checkout URL, reset, read the sandbox's clock) ask here first; a
 * default (Cashfree) base URL or a Cashfree host is never probed.
 */
import type { CliConfig } from '../config.js';
import { isCashfreeHost, SandboxAdmin, sandboxOrigin } from './admin-client.js';

/**
 * The admin client of the local sandbox `config` points at, or `undefined` when it points
 * elsewhere (Cashfree, another server, nothing answering).
 */
export async function detectLocalSandbox(
  config: Pick<CliConfig, 'baseUrl' | 'baseUrlSource'>,
): Promise<SandboxAdmin | undefined> {
  if (config.baseUrlSource === 'default' || isCashfreeHost(config.baseUrl)) return undefined;
  const origin = sandboxOrigin(config.baseUrl);
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
