import { type Context, Hono } from 'hono';
import type { Html } from '../checkout/html.js';
import type { SandboxContext } from '../context.js';
import { linkEntity } from '../entities/link.js';
import { orderDetails, orderEntity } from '../entities/order.js';
import type { AppEnv } from '../http/env.js';
import type { OrderRow } from '../store/orders.js';
import { cfOrderIdFromSessionId } from '../util/ids.js';
import type { WebhookDelivery } from '../webhooks/delivery.js';
import type { DeliveryRow } from '../webhooks/store.js';
import { deliveryView, endpointView } from '../webhooks/views.js';
import { advanceLine } from './clock-pages.js';
import { listRoutes } from './list-routes.js';
import {
  credentialsCard,
  type DashboardHeader,
  deliveryPage,
  homePage,
  linkDetailsPage,
  notFoundPage,
  orderPage,
} from './pages.js';
import { findPayout, payoutsDashboardRoutes, payoutsSummary } from './payouts-routes.js';
import { requestsTable } from './request-pages.js';
import {
  findSubscriptionPage,
  subscriptionsDashboardRoutes,
  subscriptionsSummary,
} from './subscriptions-routes.js';

const RECENT = 50;
/** API requests on the home page and on an order's page. */
const RECENT_REQUESTS = 20;

/**
 * The dashboard: server-rendered HTML under `/_sandbox/` beside the JSON admin API, which keeps
 * its own paths (`/_sandbox/state`, `/_sandbox/webhooks/…`). Mounted at the root, so that both
 * `/_sandbox` and `/_sandbox/` are the home page.
 *
 * | route | page |
 * |---|---|
 * | `GET /_sandbox/` | credentials, clock and the last advance, endpoints, recent orders, deliveries, API requests, links, settlements |
 * | `GET /_sandbox/orders`, `payments`, `refunds`, `links`, `settlements`, `deliveries`, `requests`, `advances` | filtered, paged lists (list-routes.ts) |
 * | `GET /_sandbox/orders/{order_id}` | an order with its payments, refunds, settlement, deliveries and API requests |
 * | `GET /_sandbox/links/{link_id}` | a payment link and its orders |
 * | `GET /_sandbox/deliveries/{id}` | a webhook delivery with request and responses |
 * | `GET /_sandbox/search?q=` | finds an order, payment, refund, link, session, delivery, transfer, beneficiary or batch by id |
 * | `GET /_sandbox/payouts…` | Payouts: balance, 2FA key, transfers, batches, beneficiaries (payouts-routes.ts) |
 * | `GET /_sandbox/subscriptions…` | Subscriptions: plans, subscriptions, their payments, cycles and refunds (subscriptions-routes.ts) |
 *
 * `secretKey` is shown only when it is the built-in test key (`undefined` hides it).
 */
export function dashboardRoutes(
  ctx: SandboxContext,
  delivery: WebhookDelivery,
  secretKey: () => string | undefined,
): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const tables = delivery.tables;
  const view = (row: DeliveryRow) => deliveryView(row, tables.attempts(row.seq));
  const header = (query?: string, message?: string): DashboardHeader => ({
    now: ctx.clock.now(),
    frozen: ctx.clock.frozen,
    query,
    message,
  });
  const send = (c: Context<AppEnv>, page: Html, status: 200 | 404 = 200) => {
    c.header('cache-control', 'no-store');
    return c.html(page.text, status);
  };
  const customerOf = (o: OrderRow) => orderDetails(o).customer_details['customer_name'] ?? '';
  const lastAdvance = () => {
    const [last] = ctx.store.clockAdvances.recent(1);
    return last && advanceLine(last);
  };

  const home = (c: Context<AppEnv>, query?: string, message?: string) =>
    send(
      c,
      homePage(header(query, message), {
        credentials: credentialsCard({
          apiBase: `${ctx.config.publicUrl}/pg`,
          appId: ctx.config.appId,
          secretKey: secretKey(),
        }),
        orders: ctx.store.orders.recent(RECENT),
        customerOf,
        links: ctx.store.links.recent(RECENT),
        settlements: ctx.store.settlements.recent(RECENT),
        deliveries: tables.list({ after: 0, limit: RECENT, newestFirst: true }).map(view),
        endpoints: tables.endpoints().map(endpointView),
        payouts: payoutsSummary(ctx),
        lastAdvance: lastAdvance(),
        requests: requestsTable(
          ctx.store.lists.requests({}, { limit: RECENT_REQUESTS }).rows,
          'No API requests yet.',
        ),
        subscriptions: subscriptionsSummary(ctx),
      }),
      message ? 404 : 200,
    );

  r.get('/_sandbox', (c) => home(c));
  r.get('/_sandbox/', (c) => home(c));

  r.get('/_sandbox/orders/:order_id', (c) => {
    const order = ctx.store.orders.byOrderId(c.req.param('order_id'));
    if (!order) return send(c, notFoundPage(header(), `No order ${c.req.param('order_id')}.`), 404);
    const item = ctx.store.settlements.paymentItemOfOrder(order.cf_order_id);
    return send(
      c,
      orderPage(header(), {
        order,
        entity: orderEntity(order),
        payments: ctx.store.payments.byOrder(order.cf_order_id),
        refunds: ctx.store.refunds.byOrder(order.cf_order_id),
        settlement:
          item?.cf_settlement_id == null ? undefined : ctx.store.settlements.byId(item.cf_settlement_id),
        link: order.cf_link_id === null ? undefined : ctx.store.links.byId(order.cf_link_id),
        deliveries: tables.list({ orderId: order.order_id, after: 0, limit: 200 }).map(view),
        requests: requestsTable(
          ctx.store.requests.byOrder(order.order_id, RECENT_REQUESTS),
          'No API requests about this order are in the log.',
        ),
      }),
    );
  });

  r.get('/_sandbox/links/:link_id', (c) => {
    const link = ctx.store.links.byLinkId(c.req.param('link_id'));
    if (!link) return send(c, notFoundPage(header(), `No payment link ${c.req.param('link_id')}.`), 404);
    return send(
      c,
      linkDetailsPage(header(), {
        link,
        entity: linkEntity(link, ctx.config.publicUrl),
        orders: ctx.store.orders.byLink(link.cf_link_id),
        customerOf,
      }),
    );
  });

  r.get('/_sandbox/deliveries/:id', (c) => {
    const row = tables.byId(c.req.param('id'));
    if (!row) return send(c, notFoundPage(header(), `No webhook delivery ${c.req.param('id')}.`), 404);
    return send(c, deliveryPage(header(), view(row)));
  });

  r.route(
    '/',
    listRoutes(ctx, delivery, () => header(), send, customerOf),
  );
  r.route(
    '/',
    payoutsDashboardRoutes(ctx, () => header(), send),
  );
  r.route(
    '/',
    subscriptionsDashboardRoutes(ctx, () => header(), send),
  );

  r.get('/_sandbox/search', (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (q === '') return c.redirect('/_sandbox/', 303);
    const target = find(ctx, tables, q) ?? findPayout(ctx, q) ?? findSubscriptionPage(ctx, q);
    if (target) return c.redirect(target, 303);
    return home(c, q, `Nothing on this sandbox has the id ${q}.`);
  });

  return r;
}

/** The dashboard page of whatever has the id `q`. */
function find(ctx: SandboxContext, tables: WebhookDelivery['tables'], q: string): string | undefined {
  const orderPath = (order: OrderRow | undefined) =>
    order ? `/_sandbox/orders/${encodeURIComponent(order.order_id)}` : undefined;
  const byOrderId = ctx.store.orders.byOrderId(q);
  if (byOrderId) return orderPath(byOrderId);
  if (/^\d{1,16}$/.test(q)) {
    const id = Number(q);
    const payment = ctx.store.payments.byId(id);
    const refund = ctx.store.refunds.byId(id);
    const found =
      ctx.store.orders.byCfId(id) ??
      (payment && ctx.store.orders.byCfId(payment.cf_order_id)) ??
      (refund && ctx.store.orders.byCfId(refund.cf_order_id));
    if (found) return orderPath(found);
    const link = ctx.store.links.byId(id);
    if (link) return `/_sandbox/links/${encodeURIComponent(link.link_id)}`;
  }
  const link = ctx.store.links.byLinkId(q) ?? ctx.store.links.byCode(q);
  if (link) return `/_sandbox/links/${encodeURIComponent(link.link_id)}`;
  const delivery = tables.byId(q);
  if (delivery) return `/_sandbox/deliveries/${encodeURIComponent(delivery.id)}`;
  const sessionOrder = cfOrderIdFromSessionId(q);
  if (sessionOrder !== undefined) {
    const order = ctx.store.orders.byCfId(sessionOrder);
    if (order?.payment_session_id === q) return orderPath(order);
  }
  const refund = ctx.store.db
    .prepare<[string], { order_id: string }>(
      'SELECT o.order_id FROM refunds r JOIN orders o ON o.cf_order_id = r.cf_order_id WHERE r.refund_id = ? LIMIT 1',
    )
    .get(q);
  return refund ? `/_sandbox/orders/${encodeURIComponent(refund.order_id)}` : undefined;
}
