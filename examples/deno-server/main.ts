/**
 * A Deno server that receives Cashfree webhooks: verifies each delivery with cashfree-kit's
 * Request → Response adapter, then confirms a payment with Cashfree's API before trusting it.
 *
 *   npm install
 *   CASHFREE_APP_ID=… CASHFREE_SECRET_KEY=… CASHFREE_ENV=TEST deno run --allow-net --allow-env main.ts
 *
 * PORT picks the port (default 8000; 0 takes a free one). CI runs it against the local sandbox
 * (test/runtimes/examples.test.ts).
 */
import { Cashfree } from 'cashfree-kit';
import { cashfreeWebhook } from 'cashfree-kit/webhooks/next';

const secret = Deno.env.get('CASHFREE_SECRET_KEY');
if (!secret) throw new Error('Set CASHFREE_SECRET_KEY (and CASHFREE_APP_ID, CASHFREE_ENV).');
const cashfree = Cashfree.fromEnv(Deno.env.toObject());

const webhook = cashfreeWebhook({
  secret,
  onEvent: async (event) => {
    if (event.type !== 'PAYMENT_SUCCESS_WEBHOOK') return;
    // A webhook says what happened; the order's status from the API is what to fulfil on.
    const order = await cashfree.orders.get(event.data.order.order_id);
    console.log(`[cashfree] verified ${event.type} for ${order.order_id}: order ${order.order_status}`);
  },
});

Deno.serve(
  {
    hostname: '127.0.0.1',
    port: Number(Deno.env.get('PORT') ?? 8000),
    onListen: ({ hostname, port }) => console.log(`listening on http://${hostname}:${port}`),
  },
  (request) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'POST' && pathname === '/webhooks/cashfree') return webhook(request);
    return new Response('not found', { status: 404 });
  },
);
