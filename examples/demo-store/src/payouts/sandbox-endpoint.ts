/**
 * On Cashfree, a Payouts webhook URL is added on the dashboard (Payouts → Developers → Webhooks,
 * V2), not sent with each transfer. On the local sandbox the store does that step itself, through
 * the sandbox's webhook admin API (`/_sandbox/webhooks/endpoints`), before its first payout: once
 * per process, and only when the sandbox does not already have the URL (a restarted store keeps
 * its address, so its earlier registration still serves).
 */

/** Registers `webhookUrl` with the sandbox at `sandboxOrigin`; resolves once it is registered. */
export type EnsureEndpoint = () => Promise<void>;

export function sandboxEndpointRegistrar(
  sandboxOrigin: string,
  webhookUrl: string,
  fetchFn: typeof fetch = fetch,
): EnsureEndpoint {
  const endpoints = `${sandboxOrigin}/_sandbox/webhooks/endpoints`;
  let registered: Promise<void> | undefined;
  const register = async () => {
    const listed = await fetchFn(endpoints);
    if (!listed.ok) throw new Error(`GET ${endpoints} answered ${listed.status}`);
    const { data } = (await listed.json()) as { data: Array<{ url: string }> };
    if (data.some((endpoint) => endpoint.url === webhookUrl)) return;
    const created = await fetchFn(endpoints, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: webhookUrl }),
    });
    if (!created.ok) throw new Error(`POST ${endpoints} answered ${created.status}: ${await created.text()}`);
  };
  return () => {
    registered ??= register().catch((error: unknown) => {
      // Not remembered: the next payout tries again (the sandbox may have been restarted).
      registered = undefined;
      throw new Error(
        `The store could not register its Payouts webhook URL ${webhookUrl} with the local sandbox ` +
          `(${error instanceof Error ? error.message : String(error)}); statuses will not move by webhook until it can.`,
      );
    });
    return registered;
  };
}
