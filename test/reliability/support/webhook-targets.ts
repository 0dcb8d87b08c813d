/**
 * Every way cashfree-kit receives a webhook, each on a real server on 127.0.0.1: the Express
 * adapter on Express 5 and Express 4, the Fastify plugin, the Next.js route handler and the Hono
 * handler (both on @hono/node-server). Each counts its handler calls and keeps its rejections, and
 * exposes its `http.Server` so tests can watch how much of a request was read.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { serve } from '@hono/node-server';
import type { WebhookEvent } from 'cashfree-kit/webhooks';
import { cashfreeWebhook as expressWebhook } from 'cashfree-kit/webhooks/express';
import { cashfreeWebhook as fastifyWebhook } from 'cashfree-kit/webhooks/fastify';
import { cashfreeWebhook as honoWebhook } from 'cashfree-kit/webhooks/hono';
import type { WebhookHandlerOptions } from 'cashfree-kit/webhooks/next';
import { cashfreeWebhook as nextWebhook } from 'cashfree-kit/webhooks/next';
import express from 'express';
import express4 from 'express4';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { closeServer, urlOf } from '../../support/webhook-http.ts';

export type TargetName = 'express 5' | 'express 4' | 'fastify' | 'next' | 'hono';
export const TARGET_NAMES: readonly TargetName[] = ['express 5', 'express 4', 'fastify', 'next', 'hono'];

export interface WebhookTarget {
  name: TargetName;
  /** The webhook route's URL. */
  url: string;
  server: Server;
  /** Events the handler (`onEvent`) was called with. */
  handled: WebhookEvent[];
  /** What `onError` was told (nothing with `defaultOnError`). */
  errors: unknown[];
  /** Bytes read from the sockets of connections that closed so far. */
  bytesRead(): number;
}

/** The options each target passes to its adapter, besides `onEvent` and `onError`. */
export type TargetOptions = Omit<WebhookHandlerOptions, 'onEvent' | 'onError'> & {
  onEvent?: (event: WebhookEvent) => unknown;
  /** Leave `onError` unset, so the adapter does what it does by default (logs failures with console.error). */
  defaultOnError?: boolean;
};

/** Starts one target; it is closed when the test (or suite) ends. */
export async function startTarget(
  t: { after(fn: () => Promise<void> | void): void },
  name: TargetName,
  options: TargetOptions,
): Promise<WebhookTarget> {
  const handled: WebhookEvent[] = [];
  const errors: unknown[] = [];
  const { defaultOnError, ...handlerOptions } = options;
  const adapterOptions: WebhookHandlerOptions = {
    ...handlerOptions,
    onEvent: async (event) => {
      handled.push(event);
      await options.onEvent?.(event);
    },
    ...(defaultOnError ? {} : { onError: (error: unknown) => void errors.push(error) }),
  };
  let server: Server;
  let close: () => Promise<void>;
  if (name === 'express 5' || name === 'express 4') {
    const handler = expressWebhook(adapterOptions);
    if (name === 'express 5') {
      const app = express();
      app.post('/hook', handler);
      server = app.listen(0, '127.0.0.1');
    } else {
      const app = express4();
      app.post('/hook', handler as never);
      server = app.listen(0, '127.0.0.1');
    }
    close = () => closeServer(server);
  } else if (name === 'fastify') {
    const app = Fastify();
    await app.register(fastifyWebhook(adapterOptions), { prefix: '/hook' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    server = app.server;
    close = () => app.close();
  } else {
    const fetch =
      name === 'next'
        ? nextWebhook(adapterOptions)
        : (() => {
            const app = new Hono();
            app.post('/hook', honoWebhook(adapterOptions));
            return app.fetch;
          })();
    server = serve({ fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    close = () => closeServer(server);
  }
  let read = 0;
  server.on('connection', (socket: Socket) => socket.on('close', () => (read += socket.bytesRead)));
  t.after(close);
  return {
    name,
    url: `${await urlOf(server)}/hook`,
    server,
    handled,
    errors,
    bytesRead: () => read,
  };
}
