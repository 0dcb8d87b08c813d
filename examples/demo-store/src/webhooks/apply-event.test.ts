import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import type { OrderEntity } from 'cashfree-kit';
import type { WebhookEvent } from 'cashfree-kit/webhooks';
import { createWebhookInbox } from 'cashfree-kit/webhooks/inbox';
import { createSqliteInboxStore } from 'cashfree-kit/webhooks/inbox/sqlite';
import { openDatabase, type StoreDatabase } from '../db/database.js';
import { LinksTable } from '../db/links.js';
import { OrdersTable } from '../db/orders.js';
import { RefundsTable } from '../db/refunds.js';
import { SubscriptionsTable } from '../db/subscriptions.js';
import { applyEvent, type ShopRecords } from './apply-event.js';

let db: StoreDatabase;
let records: ShopRecords;
/** What the fake Cashfree says `GET /orders/{id}` is, and how often it was asked. */
let cashfreeStatus: string;
let confirmations: number;
let clock: number;

const delivery = { version: '2025-01-01', idempotencyKey: undefined, attempt: 1, timestamp: 0 };

function paymentEvent(
  type: string,
  orderId: string,
  status: string,
  tags: Record<string, string> | null = null,
) {
  return {
    type,
    event_time: '2025-02-14T10:00:00+05:30',
    data: {
      order: { order_id: orderId, order_amount: 499, order_currency: 'INR', order_tags: tags },
      payment: { cf_payment_id: '1', payment_status: status, payment_amount: 499 },
      customer_details: {},
    },
    delivery,
  } as unknown as WebhookEvent;
}

function refundEvent(refundId: string, status: string) {
  return {
    type: 'REFUND_STATUS_WEBHOOK',
    event_time: '2025-02-14T10:00:00+05:30',
    data: { refund: { refund_id: refundId, order_id: 'order_1', refund_status: status, refund_amount: 100 } },
    delivery,
  } as unknown as WebhookEvent;
}

function linkEvent(status: string, paid: string) {
  return {
    type: 'PAYMENT_LINK_EVENT',
    event_time: '2025-02-14T10:00:00',
    data: { link_id: 'link_1', link_status: status, link_amount: '999.00', link_amount_paid: paid },
    delivery,
  } as unknown as WebhookEvent;
}

beforeEach(() => {
  db = openDatabase(':memory:');
  cashfreeStatus = 'PAID';
  confirmations = 0;
  clock = 1_000;
  records = {
    orders: new OrdersTable(db),
    refunds: new RefundsTable(db),
    links: new LinksTable(db),
    subscriptions: new SubscriptionsTable(db),
    cashfree: {
      getOrder: async () => {
        confirmations++;
        return { order_status: cashfreeStatus } as OrderEntity;
      },
    },
    now: () => clock,
  };
  records.orders.insert({
    order_id: 'order_1',
    cf_order_id: '1',
    amount_paise: 49_900,
    customer_name: 'Priya Patel',
    customer_email: 'priya@example.com',
    customer_phone: '9876543210',
    payment_session_id: 'session_1',
    checkout_target: '_self',
    status: 'ACTIVE',
    created_at: 0,
    paid_at: null,
    paid_via: null,
  });
});

test('PAYMENT_SUCCESS marks the order PAID after Cashfree confirms it; a late PAYMENT_FAILED never undoes it', async () => {
  await applyEvent(records, paymentEvent('PAYMENT_FAILED_WEBHOOK', 'order_1', 'FAILED'));
  assert.equal(records.orders.get('order_1')?.status, 'ACTIVE');
  await applyEvent(records, paymentEvent('PAYMENT_SUCCESS_WEBHOOK', 'order_1', 'SUCCESS'));
  assert.equal(confirmations, 1);
  assert.deepEqual(
    [records.orders.get('order_1')?.status, records.orders.get('order_1')?.paid_at],
    ['PAID', 1_000],
  );
  assert.equal(records.orders.get('order_1')?.paid_via, 'webhook');
  clock = 2_000;
  await applyEvent(records, paymentEvent('PAYMENT_FAILED_WEBHOOK', 'order_1', 'FAILED'));
  await applyEvent(records, paymentEvent('PAYMENT_SUCCESS_WEBHOOK', 'order_1', 'SUCCESS'));
  assert.deepEqual(
    [records.orders.get('order_1')?.status, records.orders.get('order_1')?.paid_at],
    ['PAID', 1_000],
  );
  assert.equal(confirmations, 1, 'an order already PAID is not confirmed (or fulfilled) again');
});

test('an order the return page already recorded as paid: the webhook changes nothing and asks Cashfree nothing', async () => {
  assert.equal(records.orders.advance('order_1', 'PAID', 500, 'return page'), true);
  await applyEvent(records, paymentEvent('PAYMENT_SUCCESS_WEBHOOK', 'order_1', 'SUCCESS'));
  const order = records.orders.get('order_1');
  assert.deepEqual([order?.status, order?.paid_at, order?.paid_via], ['PAID', 500, 'return page']);
  assert.equal(confirmations, 0);
  assert.equal(
    records.orders.advance('order_1', 'PAID', 900, 'return page'),
    false,
    'a second look moves nothing',
  );
});

test('the return page recording PAID while the webhook handler confirms: paid once, by whichever came first', async () => {
  records.cashfree = {
    getOrder: async () => {
      confirmations++;
      // The customer's return page asks Cashfree and records the payment meanwhile.
      records.orders.advance('order_1', 'PAID', 700, 'return page');
      return { order_status: 'PAID' } as OrderEntity;
    },
  };
  await applyEvent(records, paymentEvent('PAYMENT_SUCCESS_WEBHOOK', 'order_1', 'SUCCESS'));
  const order = records.orders.get('order_1');
  assert.deepEqual([order?.status, order?.paid_at, order?.paid_via], ['PAID', 700, 'return page']);
});

test('a success webhook that Cashfree does not confirm throws, so the inbox retries it, and marks nothing', async () => {
  cashfreeStatus = 'ACTIVE';
  await assert.rejects(
    applyEvent(records, paymentEvent('PAYMENT_SUCCESS_WEBHOOK', 'order_1', 'SUCCESS')),
    /Cashfree says order_1 is ACTIVE, not PAID yet/,
  );
  assert.equal(records.orders.get('order_1')?.status, 'ACTIVE');
});

test("payments on orders the shop did not create (a link's CFPay_ orders) change nothing", async () => {
  await applyEvent(
    records,
    paymentEvent('PAYMENT_SUCCESS_WEBHOOK', 'CFPay_abc_1', 'SUCCESS', { link_id: 'link_1' }),
  );
  assert.equal(confirmations, 0);
});

test('refund status only moves forward: PENDING → SUCCESS, and a late PENDING is ignored', async () => {
  records.refunds.insert({
    refund_id: 'refund_1',
    order_id: 'order_1',
    amount_paise: 10_000,
    speed: 'INSTANT',
    status: 'PENDING',
    created_at: 0,
    updated_at: 0,
  });
  await applyEvent(records, refundEvent('refund_1', 'SUCCESS'));
  assert.equal(records.refunds.get('refund_1')?.status, 'SUCCESS');
  await applyEvent(records, refundEvent('refund_1', 'PENDING'));
  assert.equal(records.refunds.get('refund_1')?.status, 'SUCCESS');
  await applyEvent(records, refundEvent('refund_unknown', 'SUCCESS'));
  assert.equal(records.refunds.get('refund_unknown'), undefined);
});

test('payment link events move the link forward with the amount paid', async () => {
  records.links.insert({
    link_id: 'link_1',
    link_url: 'http://127.0.0.1:8787/links/abc',
    purpose: 'Tea subscription',
    amount_paise: 99_900,
    amount_paid_paise: 0,
    customer_name: 'Rahul Sharma',
    customer_phone: '9876543210',
    status: 'ACTIVE',
    created_at: 0,
    updated_at: 0,
  });
  await applyEvent(records, linkEvent('PARTIALLY_PAID', '300.00'));
  assert.deepEqual(
    [records.links.get('link_1')?.status, records.links.get('link_1')?.amount_paid_paise],
    ['PARTIALLY_PAID', 30_000],
  );
  await applyEvent(records, linkEvent('PAID', '999.00'));
  await applyEvent(records, linkEvent('PARTIALLY_PAID', '300.00'));
  assert.deepEqual(
    [records.links.get('link_1')?.status, records.links.get('link_1')?.amount_paid_paise],
    ['PAID', 99_900],
  );
});

test('through the SQLite inbox, a success webhook delivered twice marks the order paid once', async () => {
  let runs = 0;
  const inbox = createWebhookInbox({
    store: createSqliteInboxStore({ database: db }),
    handler: async (event) => {
      runs++;
      await applyEvent(records, event);
    },
  });
  const event = paymentEvent('PAYMENT_SUCCESS_WEBHOOK', 'order_1', 'SUCCESS');
  const first = await inbox.receive(event);
  await inbox.processPending();
  clock = 5_000;
  const second = await inbox.receive(event);
  await inbox.processPending();
  assert.equal(first.duplicate, false);
  assert.equal(second.duplicate, true);
  assert.equal(runs, 1);
  assert.equal(confirmations, 1);
  assert.equal(records.orders.get('order_1')?.paid_at, 1_000);
  assert.equal((await inbox.get(first.key))?.deliveries, 2);
});
