/**
 * A Bun server that receives Cashfree webhooks: verifies each delivery with cashfree-kit's
 * Request → Response adapter, then confirms a payment with Cashfree's API before trusting it.
 *
 *   bun install
 *   CASHFREE_APP_ID=… CASHFREE_SECRET_KEY=… CASHFREE_ENV=TEST bun src/server.ts
 *
 * PORT picks the port (default 3000; 0 takes a free one). CI runs it against the local sandbox
 * (test/runtimes/examples.test.ts).
 */
import { Cashfree } from 'cashfree-kit';
import { cashfreeWebhook } from 'cashfree-kit/webhooks/next';

/** The part of Bun's global this file uses (install `@types/bun` for all of it). */
declare const Bun: {
  serve(options: { hostname: string; port: number; fetch(request: Request): Response | Promise<Response> }): {
    hostname: string;
    port: number;
  };
};

const secret = process.env['CASHFREE_SECRET_KEY'];
if (!secret) throw new Error('Set CASHFREE_SECRET_KEY (and CASHFREE_APP_ID, CASHFREE_ENV).');
const cashfree = Cashfree.fromEnv();

const webhook = cashfreeWebhook({
  secret,
  onEvent: async (event) => {
    if (event.type !== 'PAYMENT_SUCCESS_WEBHOOK') return;
    // A webhook says what happened; the order's status from the API is what to fulfil on.
    const order = await cashfree.orders.get(event.data.order.order_id);
    console.log(`[cashfree] verified ${event.type} for ${order.order_id}: order ${order.order_status}`);
  },
});

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.env['PORT'] ?? 3000),
  fetch(request) {
    const { pathname } = new URL(request.url);
    if (request.method === 'POST' && pathname === '/webhooks/cashfree') return webhook(request);
    return new Response('not found', { status: 404 });
  },
});
console.log(`listening on http://${server.hostname}:${server.port}`);
