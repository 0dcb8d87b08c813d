import { WEBHOOK_VERSIONS } from 'cashfree-kit';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { jsonBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { badRequest, notFound } from '../http/errors.js';
import { findOrder } from '../services/orders.js';
import { randomAlphanumeric } from '../util/ids.js';
import type { WebhookDelivery } from './delivery.js';
import { storedProducts, WEBHOOK_PRODUCTS } from './endpoint-products.js';
import type { DeliveryRow } from './store.js';
import { lastEventId, TRIGGER_TYPES, triggerEvent } from './trigger.js';
import { deliveryView, endpointView } from './views.js';

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw badRequest('sandbox_request_invalid', `[cashfree-sandbox] ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

const endpointBody = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'url : should be an http(s) URL the sandbox can POST to' }),
    version: z
      .enum(WEBHOOK_VERSIONS, {
        error: `version : should be one of ${WEBHOOK_VERSIONS.join(', ')}`,
      })
      .optional(),
    products: z
      .array(
        z.enum(WEBHOOK_PRODUCTS, {
          error: `products : each should be one of ${WEBHOOK_PRODUCTS.join(', ')}`,
        }),
      )
      .min(1, 'products : name at least one product, or leave it out for every product')
      .optional(),
  })
  .strict();

const deliveriesQuery = z.object({
  endpoint_id: z.string().min(1).optional(),
  order_id: z.string().min(1).optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

const triggerBody = z
  .object({
    type: z.enum(TRIGGER_TYPES, {
      error: `type : should be one of ${TRIGGER_TYPES.join(', ')}`,
    }),
    order_id: z.string().min(1, 'order_id : is missing in the request'),
  })
  .strict();

/**
 * The webhook admin API under `/_sandbox/webhooks` (JSON, no API keys; the interface the CLI's
 * `cashfree webhooks listen` uses):
 *
 * | route | does |
 * |---|---|
 * | `POST /endpoints` `{url, version?, products?}` | registers a receiver of every event (or only of `products`, e.g. `["pg"]`) → 201 the endpoint |
 * | `GET /endpoints` | `{data: Endpoint[]}` |
 * | `DELETE /endpoints/{id}` | 204; its past deliveries stay |
 * | `GET /deliveries?endpoint_id=&order_id=&after=&limit=` | `{data: Delivery[], cursor}`, ascending by `seq` |
 * | `GET /deliveries/{id}` | one delivery |
 * | `POST /deliveries/{id}/resend` | 202: one more attempt, now |
 * | `GET /trigger` | `{types}`: what the trigger supports |
 * | `POST /trigger` `{type, order_id}` | 201 `{event_id, deliveries}`: a real event of that type (see trigger.ts) |
 */
export function webhookAdminRoutes(ctx: SandboxContext, delivery: WebhookDelivery): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const tables = delivery.tables;
  const view = (row: DeliveryRow) => deliveryView(row, tables.attempts(row.seq));

  r.post('/endpoints', async (c) => {
    const b = parse(endpointBody, (await jsonBody(c)) ?? {});
    const row = {
      id: `we_${randomAlphanumeric(16)}`,
      url: b.url,
      version: b.version ?? delivery.options.version,
      created_at: ctx.clock.now(),
      products: storedProducts(b.products),
    };
    tables.insertEndpoint(row);
    return c.json(endpointView(row), 201);
  });

  r.get('/endpoints', (c) => c.json({ data: tables.endpoints().map(endpointView) }));

  r.delete('/endpoints/:id', (c) => {
    if (!tables.deleteEndpoint(c.req.param('id'))) {
      throw notFound(
        'webhook_endpoint_not_found',
        `[cashfree-sandbox] no webhook endpoint with id ${c.req.param('id')}`,
      );
    }
    return c.body(null, 204);
  });

  r.get('/deliveries', (c) => {
    const q = parse(deliveriesQuery, c.req.query());
    const rows = tables.list({
      endpointId: q.endpoint_id,
      orderId: q.order_id,
      after: q.after ?? 0,
      limit: q.limit ?? 100,
    });
    return c.json({ data: rows.map(view), cursor: rows.at(-1)?.seq ?? null });
  });

  r.get('/deliveries/:id', (c) => {
    const row = tables.byId(c.req.param('id'));
    if (!row) {
      throw notFound(
        'webhook_delivery_not_found',
        `[cashfree-sandbox] no webhook delivery with id ${c.req.param('id')}`,
      );
    }
    return c.json(view(row));
  });

  r.post('/deliveries/:id/resend', (c) => c.json(view(delivery.resend(c.req.param('id'))), 202));

  r.get('/trigger', (c) => c.json({ types: TRIGGER_TYPES }));

  r.post('/trigger', async (c) => {
    const b = parse(triggerBody, (await jsonBody(c)) ?? {});
    const before = lastEventId(ctx);
    ctx.transact(() => triggerEvent(ctx, b.type, findOrder(ctx, b.order_id)));
    const event = ctx.store.events
      .after(before, 100)
      .filter((e) => e.type === b.type)
      .at(-1);
    // Fan out now (the wake-up would do it a moment later) so the answer lists the deliveries.
    const created = delivery.fanOut();
    delivery.dispatchDue();
    const deliveries = event ? created.filter((d) => d.event_id === event.id) : [];
    return c.json({ event_id: event ? String(event.id) : null, deliveries: deliveries.map(view) }, 201);
  });

  return r;
}
