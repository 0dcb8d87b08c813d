/**
 * A tiny merchant store, written as a merchant would write it against Cashfree, pointed at the
 * local sandbox only by URL: the server creates the order with cashfree-kit, the page loads
 * cashfree.js from the sandbox (the one line that differs from production) and calls
 * `cashfree.checkout()`, the return page confirms the order with `orders.get`, and the webhook
 * endpoint verifies signatures with cashfree-kit's Express adapter.
 */
import type { Server } from 'node:http';
import type { Cashfree } from 'cashfree-kit';
import express from 'express';
import { type SandboxLike, sandboxClient } from './support/suite.js';
import { close, listen, mountWebhookEndpoint, type VerifiedWebhook } from './support/webhook-receiver.js';

export interface CheckoutStore {
  url: string;
  cashfree: Cashfree;
  /** Webhooks the endpoint verified and accepted. */
  received: VerifiedWebhook[];
  /** Deliveries the endpoint refused (bad signature, …). */
  refused: string[];
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON safe inside a script element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Starts the store on 127.0.0.1. */
export async function startCheckoutStore(sandbox: SandboxLike): Promise<CheckoutStore> {
  const cashfree = sandboxClient(sandbox);
  const received: VerifiedWebhook[] = [];
  const refused: string[] = [];
  const app = express();
  let origin = '';

  // The product page: the order is created on the server, the session id goes to the browser.
  app.get('/buy', async (req, res) => {
    const amount = Number(req.query['amount'] ?? 499);
    const target = String(req.query['target'] ?? '_self');
    const order = await cashfree.orders.create({
      order_amount: amount,
      order_currency: 'INR',
      customer_details: {
        customer_id: 'cust_e2e',
        customer_phone: '9876543210',
        customer_name: 'Priya Patel',
      },
      order_meta: {
        return_url: `${origin}/return?order_id={order_id}`,
        notify_url: `${origin}/webhooks/cashfree`,
      },
      ...(req.query['note'] ? { order_note: String(req.query['note']) } : {}),
    });
    res.type('html').send(`<!doctype html>
<html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Chai store</title>
<script src="${sandbox.url}/js/v3/cashfree.js"></script></head>
<body>
<h1>Masala chai</h1>
<p id="order" data-order-id="${escapeHtml(order.order_id)}">Order ${escapeHtml(order.order_id)}</p>
<button id="pay">Pay ₹${amount.toFixed(2)}</button>
<pre id="result" style="white-space:pre-wrap;overflow-wrap:anywhere"></pre>
<script>
const cashfree = Cashfree({ mode: 'sandbox' });
document.getElementById('pay').addEventListener('click', async () => {
  const result = await cashfree.checkout({
    paymentSessionId: ${scriptJson(order.payment_session_id)},
    redirectTarget: ${scriptJson(target)},
  });
  document.getElementById('result').textContent = JSON.stringify(result);
});
</script>
</body></html>`);
  });

  // A shop embedded in another page (a widget, a partner site): checkout must leave the frame.
  app.get('/embedded', (req, res) => {
    const amount = encodeURIComponent(String(req.query['amount'] ?? '499'));
    res.type('html').send(`<!doctype html>
<html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Partner site</title></head>
<body><h1>Partner site</h1>
<iframe id="shop" title="Chai store" src="/buy?amount=${amount}&amp;target=_top" style="border:1px solid #ccc;width:100%;height:300px"></iframe>
</body></html>`);
  });

  // return_url: never trust the redirect alone; ask Cashfree for the order.
  app.get('/return', async (req, res) => {
    const orderId = String(req.query['order_id']);
    const order = await cashfree.orders.get(orderId);
    const payments = await cashfree.payments.list(orderId);
    const last = payments.at(-1);
    res.type('html').send(`<!doctype html>
<html><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Order ${escapeHtml(orderId)}</title></head>
<body><h1 id="order-status">${escapeHtml(String(order.order_status))}</h1>
<p>Order <span id="order-id">${escapeHtml(orderId)}</span></p>
<p>Last payment: <span id="payment-status">${escapeHtml(String(last?.payment_status ?? 'none'))}</span></p>
</body></html>`);
  });

  mountWebhookEndpoint(app, sandbox.secretKey, received, refused);

  const { server, port } = await listen(app);
  origin = `http://127.0.0.1:${port}`;
  const running: Server = server;
  return { url: origin, cashfree, received, refused, close: () => close(running) };
}
