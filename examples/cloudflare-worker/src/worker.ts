/**
 * A Cloudflare Worker that receives Cashfree webhooks: verifies each delivery with cashfree-kit's
 * Request → Response adapter (Web Crypto, no Node APIs), then confirms a payment with Cashfree's
 * API before trusting it. Deploy with wrangler (wrangler.jsonc); CI runs it in workerd against the
 * local sandbox (test/runtimes/examples.test.ts).
 */
import { Cashfree } from 'cashfree-kit';
import { cashfreeWebhook } from 'cashfree-kit/webhooks/next';

/** The Worker's variables: `wrangler secret put CASHFREE_SECRET_KEY`, the rest in wrangler.jsonc. */
export interface Env {
  CASHFREE_APP_ID: string;
  CASHFREE_SECRET_KEY: string;
  /** `TEST` or `PROD`. */
  CASHFREE_ENV: string;
  /** Only to point at a local sandbox; leave unset in production. */
  CASHFREE_BASE_URL?: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (request.method !== 'POST' || url.pathname !== '/webhooks/cashfree') {
      return new Response('not found', { status: 404 });
    }
    // Built per request: a Worker's variables arrive with the request, not at module load.
    const cashfree = Cashfree.fromEnv({ ...env });
    const handle = cashfreeWebhook({
      secret: env.CASHFREE_SECRET_KEY,
      onEvent: async (event) => {
        if (event.type !== 'PAYMENT_SUCCESS_WEBHOOK') return;
        // A webhook says what happened; the order's status from the API is what to fulfil on.
        const order = await cashfree.orders.get(event.data.order.order_id);
        console.log(`[cashfree] verified ${event.type} for ${order.order_id}: order ${order.order_status}`);
      },
    });
    return handle(request);
  },
};
