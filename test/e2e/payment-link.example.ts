/**
 * A merchant who collects by payment link: the server creates a link that takes part payments
 * (cashfree-kit `links.create`, `link_meta.notify_url` pointing at its webhook endpoint) and sends
 * the customer to its `link_url`; the endpoint verifies each PAYMENT_LINK_EVENT.
 */
import type { Server } from 'node:http';
import type { Cashfree } from 'cashfree-kit';
import express from 'express';
import { type SandboxLike, sandboxClient } from './support/suite.js';
import { close, listen, mountWebhookEndpoint, type VerifiedWebhook } from './support/webhook-receiver.js';

export interface LinkMerchant {
  url: string;
  cashfree: Cashfree;
  received: VerifiedWebhook[];
  refused: string[];
  close(): Promise<void>;
}

/** Starts the merchant on 127.0.0.1. `GET /links/new?link_id=&amount=&minimum=` creates a link and redirects to it. */
export async function startLinkMerchant(sandbox: SandboxLike): Promise<LinkMerchant> {
  const cashfree = sandboxClient(sandbox);
  const received: VerifiedWebhook[] = [];
  const refused: string[] = [];
  const app = express();
  let origin = '';

  app.get('/links/new', async (req, res) => {
    const link = await cashfree.links.create({
      link_id: String(req.query['link_id']),
      link_amount: Number(req.query['amount']),
      link_currency: 'INR',
      link_purpose: 'Term fees <Class 5>',
      link_partial_payments: true,
      link_minimum_partial_amount: Number(req.query['minimum']),
      customer_details: { customer_phone: '9876543210', customer_name: 'Asha Rao' },
      link_meta: { notify_url: `${origin}/webhooks/cashfree` },
    });
    res.redirect(303, String(link.link_url));
  });

  mountWebhookEndpoint(app, sandbox.secretKey, received, refused);
  const { server, port } = await listen(app);
  origin = `http://127.0.0.1:${port}`;
  const running: Server = server;
  return { url: origin, cashfree, received, refused, close: () => close(running) };
}
