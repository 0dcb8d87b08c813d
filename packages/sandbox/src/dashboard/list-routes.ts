import {
  LINK_STATUSES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  REFUND_STATUSES,
  SETTLEMENT_STATUSES,
} from 'cashfree-kit';
import { type Context, Hono } from 'hono';
import type { Html } from '../checkout/html.js';
import type { SandboxContext } from '../context.js';
import type { AppEnv } from '../http/env.js';
import type { OrderRow } from '../store/orders.js';
import type { WebhookDelivery } from '../webhooks/delivery.js';
import type { DeliveryRow } from '../webhooks/store.js';
import { deliveryView } from '../webhooks/views.js';
import { advancePage, advancesPage } from './clock-pages.js';
import { listPage, paymentsListTable, refundsListTable } from './list-pages.js';
import { cursorOf, type FilterField, filtersOf, type ListQuery } from './list-ui.js';
import {
  clockCard,
  type DashboardHeader,
  deliveriesTable,
  linksTable,
  notFoundPage,
  ordersTable,
  settlementsTable,
} from './pages.js';
import { REQUEST_FILTERS, requestPage, requestsTable } from './request-pages.js';

const ORDER_FILTERS: readonly FilterField[] = [
  { name: 'status', label: 'Status', options: ORDER_STATUSES },
  { name: 'order_id', label: 'Order id', placeholder: 'order_id' },
];
const PAYMENT_FILTERS: readonly FilterField[] = [
  { name: 'status', label: 'Status', options: PAYMENT_STATUSES },
  { name: 'method', label: 'Method', placeholder: 'upi, card, netbanking…' },
  { name: 'order_id', label: 'Order id', placeholder: 'order_id' },
];
const REFUND_FILTERS: readonly FilterField[] = [
  { name: 'status', label: 'Status', options: REFUND_STATUSES },
  { name: 'method', label: 'Payment method', placeholder: 'upi, card, netbanking…' },
  { name: 'speed', label: 'Speed', options: ['STANDARD', 'INSTANT'] },
  { name: 'order_id', label: 'Order id', placeholder: 'order_id' },
];
const LINK_FILTERS: readonly FilterField[] = [{ name: 'status', label: 'Status', options: LINK_STATUSES }];
const SETTLEMENT_FILTERS: readonly FilterField[] = [
  { name: 'status', label: 'Status', options: SETTLEMENT_STATUSES },
];
const DELIVERY_FILTERS: readonly FilterField[] = [
  { name: 'status', label: 'Status', options: ['pending', 'delivered', 'failed'] },
  { name: 'event_type', label: 'Event', placeholder: 'PAYMENT_SUCCESS_WEBHOOK' },
  { name: 'order_id', label: 'Order id', placeholder: 'order_id' },
];

/** How many clock advances the Clock page lists. */
const ADVANCES_SHOWN = 100;

/**
 * The dashboard's list pages, each filtered from its query string and paged with `before`/`after`
 * cursors (`limit` 1–200, 50 by default):
 *
 * | route | lists | filters |
 * |---|---|---|
 * | `GET /_sandbox/orders` | orders | status, order_id |
 * | `GET /_sandbox/payments` | payment attempts | status, method (payment group), order_id |
 * | `GET /_sandbox/refunds` | refunds | status, method (of the refunded payment), speed, order_id |
 * | `GET /_sandbox/links` | payment links | status |
 * | `GET /_sandbox/settlements` | settlements | status |
 * | `GET /_sandbox/deliveries` | webhook deliveries | status, event_type, order_id |
 * | `GET /_sandbox/requests` | the API request log | status (2xx, 4xx, 5xx), method, path, order_id |
 * | `GET /_sandbox/requests/{id}` | one API call: headers, request and response bodies | |
 * | `GET /_sandbox/advances` | clock advances and what each ran | |
 * | `GET /_sandbox/advances/{id}` | one advance: transitions by kind, events by type | |
 */
export function listRoutes(
  ctx: SandboxContext,
  delivery: WebhookDelivery,
  header: () => DashboardHeader,
  send: (c: Context<AppEnv>, page: Html, status?: 200 | 404) => Response,
  customerOf: (o: OrderRow) => unknown,
): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const { lists } = ctx.store;
  const query = (c: Context<AppEnv>) => c.req.query() as ListQuery;

  r.get('/_sandbox/orders', (c) => {
    const values = filtersOf(query(c), ORDER_FILTERS);
    const cursor = cursorOf(query(c));
    const page = lists.orders({ status: values['status'], orderId: values['order_id'] }, cursor);
    return send(
      c,
      listPage(
        header(),
        {
          title: 'Orders',
          section: 'Orders',
          path: '/_sandbox/orders',
          fields: ORDER_FILTERS,
          values,
          page,
          cursor,
        },
        ordersTable(page.rows, customerOf),
      ),
    );
  });

  r.get('/_sandbox/payments', (c) => {
    const values = filtersOf(query(c), PAYMENT_FILTERS);
    const cursor = cursorOf(query(c));
    const page = lists.payments(
      { status: values['status'], method: values['method'], orderId: values['order_id'] },
      cursor,
    );
    return send(
      c,
      listPage(
        header(),
        {
          title: 'Payments',
          section: 'Payments',
          path: '/_sandbox/payments',
          fields: PAYMENT_FILTERS,
          values,
          page,
          cursor,
          intro: 'Every payment attempt, newest first; each links to its order.',
        },
        paymentsListTable(page.rows),
      ),
    );
  });

  r.get('/_sandbox/refunds', (c) => {
    const values = filtersOf(query(c), REFUND_FILTERS);
    const cursor = cursorOf(query(c));
    const page = lists.refunds(
      {
        status: values['status'],
        method: values['method'],
        speed: values['speed'],
        orderId: values['order_id'],
      },
      cursor,
    );
    return send(
      c,
      listPage(
        header(),
        {
          title: 'Refunds',
          section: 'Refunds',
          path: '/_sandbox/refunds',
          fields: REFUND_FILTERS,
          values,
          page,
          cursor,
        },
        refundsListTable(page.rows),
      ),
    );
  });

  r.get('/_sandbox/links', (c) => {
    const values = filtersOf(query(c), LINK_FILTERS);
    const cursor = cursorOf(query(c));
    const page = lists.links({ status: values['status'] }, cursor);
    return send(
      c,
      listPage(
        header(),
        {
          title: 'Payment links',
          section: 'Links',
          path: '/_sandbox/links',
          fields: LINK_FILTERS,
          values,
          page,
          cursor,
        },
        linksTable(page.rows),
      ),
    );
  });

  r.get('/_sandbox/settlements', (c) => {
    const values = filtersOf(query(c), SETTLEMENT_FILTERS);
    const cursor = cursorOf(query(c));
    const page = lists.settlements({ status: values['status'] }, cursor);
    return send(
      c,
      listPage(
        header(),
        {
          title: 'Settlements',
          section: 'Settlements',
          path: '/_sandbox/settlements',
          fields: SETTLEMENT_FILTERS,
          values,
          page,
          cursor,
        },
        settlementsTable(page.rows),
      ),
    );
  });

  r.get('/_sandbox/deliveries', (c) => {
    const values = filtersOf(query(c), DELIVERY_FILTERS);
    const cursor = cursorOf(query(c));
    const page = lists.deliveries<DeliveryRow>(
      { status: values['status'], eventType: values['event_type'], orderId: values['order_id'] },
      cursor,
    );
    const views = page.rows.map((row) => deliveryView(row, delivery.tables.attempts(row.seq)));
    return send(
      c,
      listPage(
        header(),
        {
          title: 'Webhook deliveries',
          section: 'Webhooks',
          path: '/_sandbox/deliveries',
          fields: DELIVERY_FILTERS,
          values,
          page,
          cursor,
        },
        deliveriesTable(views),
      ),
    );
  });

  r.get('/_sandbox/requests', (c) => {
    const values = filtersOf(query(c), REQUEST_FILTERS);
    const cursor = cursorOf(query(c));
    const page = lists.requests(
      {
        statusClass: values['status'] === undefined ? undefined : Number(values['status'][0]),
        method: values['method'],
        pathContains: values['path'],
        orderId: values['order_id'],
      },
      cursor,
    );
    return send(
      c,
      listPage(
        header(),
        {
          title: 'API requests',
          section: 'Requests',
          path: '/_sandbox/requests',
          fields: REQUEST_FILTERS,
          values,
          page,
          cursor,
          intro: `Every call to /pg and /payout, the newest ${ctx.store.requests.keep.toLocaleString('en-IN')} kept; the client secret is never stored.`,
        },
        requestsTable(page.rows),
      ),
    );
  });

  r.get('/_sandbox/requests/:id', (c) => {
    const id = c.req.param('id');
    const row = /^\d{1,16}$/.test(id) ? ctx.store.requests.byId(Number(id)) : undefined;
    if (!row)
      return send(
        c,
        notFoundPage(header(), `No API request ${id} (the log keeps the newest ${ctx.store.requests.keep}).`),
        404,
      );
    return send(c, requestPage(header(), row));
  });

  r.get('/_sandbox/advances', (c) => {
    const h = header();
    return send(c, advancesPage(h, ctx.store.clockAdvances.recent(ADVANCES_SHOWN), clockCard(h)));
  });

  r.get('/_sandbox/advances/:id', (c) => {
    const id = c.req.param('id');
    const row = /^\d{1,16}$/.test(id) ? ctx.store.clockAdvances.byId(Number(id)) : undefined;
    if (!row) return send(c, notFoundPage(header(), `No clock advance ${id}.`), 404);
    return send(c, advancePage(header(), row));
  });

  return r;
}
