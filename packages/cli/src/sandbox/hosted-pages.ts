/**
 * The local sandbox's hosted pages for a session, as the sandbox itself names them: its session
 * lookups (`GET /checkout/sessions/{id}`, `GET /subscriptions/sessions/{id}`) answer a
 * `checkout_url`, so `orders create` can print where to pay an order and `subscriptions create`
 * where the customer authorises the mandate. Cashfree has no such pages for a bare session id: its
 * checkouts open only through cashfree.js (`checkout`, `subscriptionsCheckout`).
 */
import type { SandboxAdmin } from './admin-client.js';

/** The absolute checkout URL of a payment session on the sandbox, or `undefined` when it has none. */
export function sandboxCheckoutUrl(admin: SandboxAdmin, sessionId: string): Promise<string | undefined> {
  return hostedPageUrl(admin, `/checkout/sessions/${encodeURIComponent(sessionId)}`);
}

/** The absolute mandate page URL of a subscription session on the sandbox, or `undefined` when it has none. */
export function sandboxMandateUrl(admin: SandboxAdmin, sessionId: string): Promise<string | undefined> {
  return hostedPageUrl(admin, `/subscriptions/sessions/${encodeURIComponent(sessionId)}`);
}

async function hostedPageUrl(admin: SandboxAdmin, lookupPath: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${admin.origin}${lookupPath}`, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return undefined;
    const session = (await response.json()) as { checkout_url?: unknown };
    return typeof session.checkout_url === 'string'
      ? new URL(session.checkout_url, admin.origin).href
      : undefined;
  } catch {
    return undefined;
  }
}
