/**
 * Subscription webhooks through the store's inbox, as the route hands them over (apply-event.ts
 * dispatches them here): a status change moves the subscription and its next charge, each charge
 * event records the charge, a repeated delivery runs once, and another store's subscription is left
 * alone.
 */
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import type { WebhookEvent } from 'cashfree-kit/webhooks';
import { createWebhookInbox, type WebhookInbox } from 'cashfree-kit/webhooks/inbox';
import { createSqliteInboxStore } from 'cashfree-kit/webhooks/inbox/sqlite';
import { openDatabase } from '../db/database.js';
import { LinksTable } from '../db/links.js';
import { OrdersTable } from '../db/orders.js';
import { RefundsTable } from '../db/refunds.js';
import { insertAwaitingSubscription } from '../db/subscription-fixture.js';
import { SubscriptionsTable } from '../db/subscriptions.js';
import { applyEvent } from '../webhooks/apply-event.js';
import { statusReported, subjectOf } from '../webhooks/subject.js';
import { isSubscriptionEvent } from './apply-subscription-event.js';
import { oneMonthAfter } from './tea-plan.js';

const delivery = { version: '2025-01-01', idempotencyKey: undefined, attempt: 1, timestamp: 0 };
const DUE = '2027-01-07T10:00:00+05:30';

let table: SubscriptionsTable;
let inbox: WebhookInbox;

beforeEach(() => {
  const db = openDatabase(':memory:');
  table = new SubscriptionsTable(db);
  insertAwaitingSubscription(table);
  const records = {
    orders: new OrdersTable(db),
    refunds: new RefundsTable(db),
    links: new LinksTable(db),
    subscriptions: table,
    cashfree: {
      getOrder: () => Promise.reject(new Error('a subscription event never reads an order')),
    },
    now: () => 42,
  };
  inbox = createWebhookInbox({
    store: createSqliteInboxStore({ database: db }),
    handler: (event) => applyEvent(records, event),
  });
});

function statusEvent(type: string, id: string, status: string, next: string | null = DUE): WebhookEvent {
  return {
    type,
    event_time: '2026-12-07T10:00:00+05:30',
    data: {
      subscription_details: {
        subscription_id: id,
        cf_subscription_id: '77',
        subscription_status: status,
        next_schedule_date: next,
      },
      authorization_details: { authorization_status: 'ACTIVE', payment_method: 'upi' },
    },
    delivery,
  } as unknown as WebhookEvent;
}

function paymentEvent(type: string, status: string, fields: Record<string, unknown> = {}): WebhookEvent {
  return {
    type,
    event_time: '2027-01-07T10:01:00+05:30',
    data: {
      subscription_id: 'sub_1',
      payment_id: 'cycle_77_1',
      cf_payment_id: '501',
      payment_type: 'CHARGE',
      payment_amount: 499,
      payment_status: status,
      payment_schedule_date: DUE,
      retry_attempts: 0,
      failure_details: { failure_reason: status === 'FAILED' ? 'insufficient funds' : '' },
      ...fields,
    },
    delivery,
  } as unknown as WebhookEvent;
}

async function deliver(event: WebhookEvent): Promise<void> {
  await inbox.receive(event);
  await inbox.processPending();
}

test('the subscription event types are told apart from the rest, in both versions’ spellings', () => {
  assert.equal(isSubscriptionEvent(statusEvent('SUBSCRIPTION_STATUS_CHANGED', 'sub_1', 'ACTIVE')), true);
  assert.equal(isSubscriptionEvent(statusEvent('SUBSCRIPTION_STATUS_CHANGE', 'sub_1', 'ACTIVE')), true);
  assert.equal(isSubscriptionEvent(paymentEvent('SUBSCRIPTION_PAYMENT_SUCCESS', 'SUCCESS')), true);
  assert.equal(isSubscriptionEvent({ type: 'PAYMENT_SUCCESS_WEBHOOK' } as WebhookEvent), false);
});

test('a status change moves the subscription, with its mandate and next charge (2023-08-01 spelling too)', async () => {
  await deliver(statusEvent('SUBSCRIPTION_STATUS_CHANGE', 'sub_1', 'BANK_APPROVAL_PENDING', null));
  assert.equal(table.get('sub_1')?.status, 'BANK_APPROVAL_PENDING');
  await deliver(statusEvent('SUBSCRIPTION_STATUS_CHANGED', 'sub_1', 'ACTIVE'));
  const s = table.get('sub_1');
  assert.deepEqual(
    [s?.status, s?.status_via, s?.cf_subscription_id, s?.mandate_method, s?.next_charge_at],
    ['ACTIVE', 'webhook', '77', 'upi', Date.parse(DUE)],
  );
  // Late, and about a subscription this shop did not create: nothing moves.
  await deliver(statusEvent('SUBSCRIPTION_STATUS_CHANGED', 'sub_1', 'BANK_APPROVAL_PENDING', null));
  await deliver(statusEvent('SUBSCRIPTION_STATUS_CHANGED', 'sub_other', 'ACTIVE'));
  assert.equal(table.get('sub_1')?.status, 'ACTIVE');
  assert.equal(table.get('sub_other'), undefined);
});

test('each charge event records the charge; a debit plans the next charge a month on; a repeat runs once', async () => {
  await deliver(statusEvent('SUBSCRIPTION_STATUS_CHANGED', 'sub_1', 'ACTIVE', null));
  await deliver(paymentEvent('SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED', 'INITIALIZED'));
  assert.equal(table.get('sub_1')?.next_charge_at, Date.parse(DUE), 'the announced debit is the next charge');
  assert.equal(table.charge('sub_1', 'cycle_77_1')?.status, 'INITIALIZED');

  await deliver(paymentEvent('SUBSCRIPTION_PAYMENT_SUCCESS', 'SUCCESS'));
  await deliver(paymentEvent('SUBSCRIPTION_PAYMENT_SUCCESS', 'SUCCESS'));
  const charge = table.charge('sub_1', 'cycle_77_1');
  assert.deepEqual(
    [charge?.status, charge?.amount_paise, charge?.cf_payment_id, charge?.scheduled_at, charge?.via],
    ['SUCCESS', 49_900, '501', Date.parse(DUE), 'SUBSCRIPTION_PAYMENT_SUCCESS'],
  );
  assert.equal(table.charges('sub_1').length, 1);
  assert.equal(table.get('sub_1')?.next_charge_at, oneMonthAfter(Date.parse(DUE)));

  // A late announcement of the same charge moves nothing back.
  await deliver(paymentEvent('SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED', 'PENDING'));
  assert.equal(table.charge('sub_1', 'cycle_77_1')?.status, 'SUCCESS');
  assert.equal(table.get('sub_1')?.next_charge_at, oneMonthAfter(Date.parse(DUE)));
});

test('a failed charge is recorded with Cashfree’s reason; the AUTH and another store’s charges are not charges', async () => {
  await deliver(paymentEvent('SUBSCRIPTION_PAYMENT_FAILED', 'FAILED', { retry_attempts: 3 }));
  const charge = table.charge('sub_1', 'cycle_77_1');
  assert.deepEqual(
    [charge?.status, charge?.failure_reason, charge?.retry_attempts],
    ['FAILED', 'insufficient funds', 3],
  );
  await deliver(
    paymentEvent('SUBSCRIPTION_PAYMENT_SUCCESS', 'SUCCESS', { payment_id: 'auth_1', payment_type: 'AUTH' }),
  );
  await deliver(
    paymentEvent('SUBSCRIPTION_PAYMENT_SUCCESS', 'SUCCESS', {
      subscription_id: 'sub_other',
      payment_id: 'x',
    }),
  );
  assert.deepEqual(
    table.charges('sub_1').map((c) => c.payment_id),
    ['cycle_77_1'],
  );
});

test('a charge the owner asked for is recorded by its events but moves no date of the plan', async () => {
  await deliver(statusEvent('SUBSCRIPTION_STATUS_CHANGED', 'sub_1', 'ACTIVE'));
  const ON_DEMAND_DUE = '2026-12-08T00:00:00+05:30';
  table.requestCharge({
    subscription_id: 'sub_1',
    payment_id: 'charge_1',
    cf_payment_id: null,
    amount_paise: 12_050,
    status: 'REQUESTED',
    retry_attempts: 0,
    failure_reason: null,
    scheduled_at: Date.parse(ON_DEMAND_DUE),
    via: 'Charge now',
    updated_at: 1,
  });
  const fields = { payment_id: 'charge_1', payment_amount: 120.5, payment_schedule_date: ON_DEMAND_DUE };
  // UPI's pre-debit notice may come before Cashfree's answer to the store: it is still on demand.
  await deliver(paymentEvent('SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED', 'INITIALIZED', fields));
  assert.equal(table.get('sub_1')?.next_charge_at, Date.parse(DUE), 'the plan’s next charge is unmoved');
  await deliver(paymentEvent('SUBSCRIPTION_PAYMENT_SUCCESS', 'SUCCESS', fields));
  const charge = table.charge('sub_1', 'charge_1');
  assert.deepEqual(
    [charge?.status, charge?.on_demand, charge?.amount_paise, charge?.via],
    ['SUCCESS', 1, 12_050, 'SUBSCRIPTION_PAYMENT_SUCCESS'],
  );
  assert.equal(table.get('sub_1')?.next_charge_at, Date.parse(DUE), 'not a month after the charge on demand');
});

function refundEvent(status: string, fields: Record<string, unknown> = {}): WebhookEvent {
  return {
    type: 'SUBSCRIPTION_REFUND_STATUS',
    event_time: '2026-12-08T10:11:00+05:30',
    data: {
      subscription_id: 'sub_1',
      cf_subscription_id: '77',
      payment_id: 'charge_1',
      cf_payment_id: '501',
      refund_id: 'refund_1',
      cf_refund_id: '901',
      refund_amount: 50,
      refund_status: status,
      refund_speed: 'STANDARD',
      ...fields,
    },
    delivery,
  } as unknown as WebhookEvent;
}

test('SUBSCRIPTION_REFUND_STATUS records the refund and moves it forward only; another store’s is left alone', async () => {
  assert.equal(isSubscriptionEvent(refundEvent('SUCCESS')), true);
  await deliver(
    paymentEvent('SUBSCRIPTION_PAYMENT_SUCCESS', 'SUCCESS', {
      payment_id: 'charge_1',
      payment_amount: 120.5,
    }),
  );
  await deliver(refundEvent('SUCCESS'));
  // A late, out-of-order delivery of the refund as it started.
  await deliver({
    ...refundEvent('INITIATED'),
    delivery: { ...delivery, idempotencyKey: 'late' },
  } as WebhookEvent);
  const refund = table.refund('sub_1', 'refund_1');
  assert.deepEqual(
    [refund?.status, refund?.payment_id, refund?.amount_paise, refund?.cf_refund_id, refund?.via],
    ['SUCCESS', 'charge_1', 5_000, '901', 'SUBSCRIPTION_REFUND_STATUS'],
  );
  assert.equal(table.refundablePaise('sub_1', 'charge_1'), 7_050);
  await deliver(refundEvent('SUCCESS', { subscription_id: 'sub_other', refund_id: 'refund_x' }));
  await deliver(refundEvent('SUCCESS', { refund_id: 'refund_2', payment_id: '' }));
  assert.deepEqual(
    table.refunds('sub_1').map((r) => r.refund_id),
    ['refund_1'],
    'neither another store’s refund nor one naming no charge',
  );
});

test('the Webhooks page names the subscription each event is about, and what it reports', () => {
  const status = statusEvent('SUBSCRIPTION_STATUS_CHANGED', 'sub_1', 'ACTIVE');
  const payment = paymentEvent('SUBSCRIPTION_PAYMENT_FAILED', 'FAILED');
  assert.deepEqual(subjectOf(status), { kind: 'subscription', id: 'sub_1' });
  assert.deepEqual(subjectOf(payment), { kind: 'subscription', id: 'sub_1' });
  assert.equal(statusReported(status), 'ACTIVE');
  assert.equal(statusReported(payment), 'FAILED');
});
