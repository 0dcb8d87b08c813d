/**
 * Cashfree webhooks as a Next.js App Router route handler: cashfree-kit's adapter reads the raw
 * body, verifies the signature and timestamp, and answers 200, 400 (rejected) or 413 (too large);
 * a payment is then confirmed with Cashfree's API before it is trusted.
 *
 * Variables: CASHFREE_APP_ID, CASHFREE_SECRET_KEY, CASHFREE_ENV (TEST or PROD), and
 * CASHFREE_BASE_URL only to point at a local sandbox. Point the order's notify_url (or the
 * dashboard's webhook endpoint) at https://your-app/api/webhooks/cashfree.
 */
import { Cashfree } from 'cashfree-kit';
import { cashfreeWebhook } from 'cashfree-kit/webhooks/next';

// Node's runtime (the default) and the edge runtime both work: the adapter needs only Request,
// Response and Web Crypto.
export const runtime = 'nodejs';

let handler: ((request: Request) => Promise<Response>) | undefined;

// Built on the first request, not at import: `next build` imports this module without the
// variables, and a missing secret must fail loudly when a webhook arrives, not silently at build.
function webhookHandler(): (request: Request) => Promise<Response> {
  if (handler) return handler;
  const secret = process.env.CASHFREE_SECRET_KEY;
  if (!secret) throw new Error('Set CASHFREE_SECRET_KEY (and CASHFREE_APP_ID, CASHFREE_ENV).');
  const cashfree = Cashfree.fromEnv();
  handler = cashfreeWebhook({
    secret,
    onEvent: async (event) => {
      if (event.type !== 'PAYMENT_SUCCESS_WEBHOOK') return;
      // A webhook says what happened; the order's status from the API is what to fulfil on.
      const order = await cashfree.orders.get(event.data.order.order_id);
      console.log(`[cashfree] verified ${event.type} for ${order.order_id}: order ${order.order_status}`);
    },
  });
  return handler;
}

export function POST(request: Request): Promise<Response> {
  return webhookHandler()(request);
}
