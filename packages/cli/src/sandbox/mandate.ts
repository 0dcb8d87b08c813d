/**
 * The local sandbox's hosted mandate page for a subscription session, as the sandbox itself names
 * it (`GET /subscriptions/sessions/{id}` answers its `checkout_url`), so `subscriptions create`
 * can print where the customer authorises the mandate; on Cashfree that page opens only through
 * cashfree.js's `subscriptionsCheckout({ subsSessionId })`.
 */
import type { SandboxAdmin } from './admin-client.js';

/** The absolute mandate page URL of `sessionId` on the sandbox, or `undefined` when it has none. */
export async function sandboxMandateUrl(admin: SandboxAdmin, sessionId: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${admin.origin}/subscriptions/sessions/${encodeURIComponent(sessionId)}`, {
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) return undefined;
    const session = (await response.json()) as { checkout_url?: unknown };
    return typeof session.checkout_url === 'string'
      ? new URL(session.checkout_url, admin.origin).href
      : undefined;
  } catch {
    return undefined;
  }
}
