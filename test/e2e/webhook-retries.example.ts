/**
 * A merchant's webhook endpoint that goes down and comes back on the same port, as a deploy or a
 * crash would do it. Built on cashfree-kit's Express adapter like the other examples.
 */
import type { Server } from 'node:http';
import express from 'express';
import { close, listen, mountWebhookEndpoint, type VerifiedWebhook } from './support/webhook-receiver.js';

export interface FlakyEndpoint {
  /** `http://127.0.0.1:<port>/webhooks/cashfree`, the same across restarts. */
  url: string;
  received: VerifiedWebhook[];
  refused: string[];
  /** Stops listening: deliveries now fail with a refused connection. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  /** Stops for good (the same as `stop`). */
  close(): Promise<void>;
}

export async function startFlakyEndpoint(secret: string): Promise<FlakyEndpoint> {
  const received: VerifiedWebhook[] = [];
  const refused: string[] = [];
  const app = express();
  mountWebhookEndpoint(app, secret, received, refused);
  let running: Server | undefined;
  const first = await listen(app);
  running = first.server;
  const port = first.port;
  const stop = async () => {
    if (running) await close(running);
    running = undefined;
  };
  return {
    url: `http://127.0.0.1:${port}/webhooks/cashfree`,
    received,
    refused,
    stop,
    async restart() {
      running ??= (await listen(app, port)).server;
    },
    close: stop,
  };
}
