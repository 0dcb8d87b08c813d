/**
 * The merchant's webhook endpoint, built as a merchant would build it: Express with cashfree-kit's
 * adapter, verifying every delivery's signature with the sandbox's secret key. It records what it
 * accepted and what it refused, and can stop and start again on the same port.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookEvent } from 'cashfree-kit/webhooks';
import { cashfreeWebhook } from 'cashfree-kit/webhooks/express';
import type express from 'express';

/** What the endpoint accepted (signature verified). */
export interface VerifiedWebhook {
  event: WebhookEvent;
  /** `x-webhook-attempt` of the delivery. */
  attempt: string | undefined;
  idempotencyKey: string | undefined;
}

/** Adds `POST /webhooks/cashfree` to `app`, recording into `received` and `refused`. */
export function mountWebhookEndpoint(
  app: express.Express,
  secret: string,
  received: VerifiedWebhook[],
  refused: string[],
): void {
  app.post('/webhooks/cashfree', (req, res, next) => {
    const attempt = req.header('x-webhook-attempt');
    const idempotencyKey = req.header('x-idempotency-key');
    const handler = cashfreeWebhook({
      secret,
      onEvent: (event) => {
        received.push({ event, attempt, idempotencyKey });
      },
      onError: (error) => refused.push(String(error)),
    });
    handler(req, res).catch(next);
  });
}

/** Listens on 127.0.0.1 (`port` 0 picks one) and returns the server and its port. */
export async function listen(app: express.Express, port = 0): Promise<{ server: Server; port: number }> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/** Closes a server and its open connections. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Polls until `find` resolves to something (or fails after `timeoutMs`, naming what was awaited). */
export async function waitFor<T>(
  what: string,
  find: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
