import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { test } from 'node:test';
import { serve } from '@hono/node-server';
import {
  closeServer,
  postSigned,
  signNow,
  TEST_SECRET,
  urlOf,
} from '../../../../../test/support/webhook-http.ts';
import {
  NON_ASCII_NAME,
  paymentLinkBody,
  paymentSuccessBody,
} from '../../../../../test/support/webhook-payloads.ts';
import type { WebhookEvent } from '../events.js';
import { cashfreeWebhook } from './next.js';

// A Next.js App Router route handler is a plain (Request) => Promise<Response>; @hono/node-server
// serves exactly that shape over a real socket, so no `next` install is needed.
test('next.js route handler over loopback: verifies non-ASCII bodies, rejects tampering', async (t) => {
  const events: WebhookEvent[] = [];
  const POST = cashfreeWebhook({ secret: TEST_SECRET, onEvent: (event) => events.push(event) });
  const server = serve({
    fetch: (request: Request) => POST(request),
    port: 0,
    hostname: '127.0.0.1',
  }) as Server;
  t.after(() => closeServer(server));
  const url = `${await urlOf(server)}/api/webhooks/cashfree`;

  const signed = await signNow(paymentSuccessBody());
  assert.deepEqual(await postSigned(url, signed), { status: 200, json: { received: true } });
  assert.equal((await postSigned(url, await signNow(paymentLinkBody()))).status, 200);
  const [payment, link] = events;
  if (payment?.type !== 'PAYMENT_SUCCESS_WEBHOOK' || link?.type !== 'PAYMENT_LINK_EVENT') {
    return assert.fail('expected a payment then a link event');
  }
  assert.equal(payment.data.customer_details.customer_name, NON_ASCII_NAME);
  assert.equal(link.data.link_amount_paid, '200.12');

  const unsigned = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(unsigned.status, 400);
  assert.equal(((await unsigned.json()) as { error: { reason: string } }).error.reason, 'missing_header');
  assert.equal(events.length, 2);
});
