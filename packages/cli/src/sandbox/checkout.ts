/**
 * The local sandbox's hosted checkout page for a payment session, as the sandbox itself names it
 * (`GET /checkout/sessions/{id}` answers its `checkout_url`), so `orders create` can print where
 * to pay an order; Cashfree itself has no such page for a bare session id.
 */
import type { SandboxAdmin } from './admin-client.js';

/** The absolute checkout URL of `sessionId` on the sandbox, or `undefined` when it has none. */
export async function sandboxCheckoutUrl(
  admin: SandboxAdmin,
  sessionId: string,
): Promise<string | undefined> {
  try {
    const response = await fetch(`${admin.origin}/checkout/sessions/${encodeURIComponent(sessionId)}`, {
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
