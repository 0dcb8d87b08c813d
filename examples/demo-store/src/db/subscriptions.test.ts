import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import { openDatabase } from './database.js';
import { openSqlite, SQLITE_DRIVERS, whyDriverMissing } from './sqlite.js';
import { insertAwaitingSubscription } from './subscription-fixture.js';
import {
  REQUESTED_PLACEHOLDER,
  type ShopCharge,
  type ShopSubscriptionRefund,
  SubscriptionsTable,
  webhookMayMove,
} from './subscriptions.js';

test('a webhook never leaves a final status nor goes back to awaiting the mandate', () => {
  assert.equal(webhookMayMove('INITIALIZED', 'BANK_APPROVAL_PENDING'), true);
  assert.equal(webhookMayMove('BANK_APPROVAL_PENDING', 'ACTIVE'), true);
  assert.equal(webhookMayMove('ACTIVE', 'BANK_APPROVAL_PENDING'), false);
  assert.equal(webhookMayMove('ACTIVE', 'INITIALIZED'), false);
  assert.equal(webhookMayMove('PAUSED', 'ACTIVE'), true);
  assert.equal(webhookMayMove('ACTIVE', 'ON_HOLD'), true);
  assert.equal(webhookMayMove('CANCELLED', 'ACTIVE'), false);
  assert.equal(webhookMayMove('COMPLETED', 'ON_HOLD'), false);
});

// The tables run on node:sqlite where the runtime has it, else on better-sqlite3: each driver the
// runtime has gets every test, by name, and one it lacks is reported as skipped with the reason.
for (const driver of SQLITE_DRIVERS) {
  describe(`on ${driver}`, { skip: whyDriverMissing(driver) ?? false }, () => {
    let table: SubscriptionsTable;

    beforeEach(() => {
      table = new SubscriptionsTable(openDatabase(':memory:', driver));
      insertAwaitingSubscription(table);
    });

    const charge = (fields: Partial<ShopCharge>): ShopCharge => ({
      subscription_id: 'sub_1',
      payment_id: 'cycle_1',
      cf_payment_id: '10',
      amount_paise: 49_900,
      status: 'INITIALIZED',
      retry_attempts: 0,
      failure_reason: null,
      scheduled_at: 1_000,
      via: 'SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED',
      updated_at: 2,
      ...fields,
    });

    test('report: Cashfree’s answer always applies, a late webhook does not undo it; the next charge is kept or cleared', () => {
      assert.equal(
        table.report('sub_1', {
          status: 'ACTIVE',
          via: 'webhook',
          at: 5,
          nextChargeAt: 9_000,
          mandateMethod: 'upi',
        }),
        true,
      );
      assert.deepEqual(
        (({ status, status_via, next_charge_at, mandate_method }) => ({
          status,
          status_via,
          next_charge_at,
          mandate_method,
        }))(table.get('sub_1') ?? ({} as never)),
        { status: 'ACTIVE', status_via: 'webhook', next_charge_at: 9_000, mandate_method: 'upi' },
      );
      // A late BANK_APPROVAL_PENDING delivery changes nothing.
      assert.equal(table.report('sub_1', { status: 'BANK_APPROVAL_PENDING', via: 'webhook', at: 6 }), false);
      assert.equal(table.get('sub_1')?.status, 'ACTIVE');
      // The merchant's own pause, as Cashfree answered it: the next charge is kept for a resume.
      assert.equal(table.report('sub_1', { status: 'PAUSED', via: 'Cashfree', at: 7 }), true);
      assert.equal(table.get('sub_1')?.next_charge_at, 9_000);
      assert.equal(table.report('sub_1', { status: 'CANCELLED', via: 'Cashfree', at: 8 }), true);
      assert.equal(table.get('sub_1')?.next_charge_at, null, 'a final status has no next charge');
      assert.equal(table.report('sub_1', { status: 'ACTIVE', via: 'webhook', at: 9 }), false);
      table.setNextCharge('sub_1', 20_000, 10);
      assert.equal(table.get('sub_1')?.next_charge_at, null, 'nothing is planned on an ended subscription');
      assert.equal(
        table.report('sub_x', { status: 'ACTIVE', via: 'webhook', at: 9 }),
        false,
        'not the shop’s',
      );
    });

    test('a charge moves forward only: a later status of the attempt, or a later attempt', () => {
      assert.equal(table.recordCharge(charge({})), true);
      assert.equal(table.recordCharge(charge({ status: 'PENDING', via: 'Cashfree' })), true);
      assert.equal(
        table.recordCharge(
          charge({ status: 'FAILED', via: 'SUBSCRIPTION_PAYMENT_FAILED', failure_reason: 'no funds' }),
        ),
        true,
      );
      // A late delivery of the announcement changes nothing.
      assert.equal(table.recordCharge(charge({})), false);
      assert.equal(table.charge('sub_1', 'cycle_1')?.status, 'FAILED');
      // The merchant's retry: attempt 1 succeeds.
      assert.equal(
        table.recordCharge(
          charge({ status: 'SUCCESS', retry_attempts: 1, via: 'SUBSCRIPTION_PAYMENT_SUCCESS' }),
        ),
        true,
      );
      const row = table.charge('sub_1', 'cycle_1');
      assert.deepEqual(
        [row?.status, row?.retry_attempts, row?.failure_reason, row?.via],
        ['SUCCESS', 1, null, 'SUBSCRIPTION_PAYMENT_SUCCESS'],
      );
      assert.equal(table.recordCharge(charge({ subscription_id: 'sub_x' })), false, 'not the shop’s');
      table.recordCharge(charge({ payment_id: 'cycle_0', scheduled_at: 500 }));
      assert.deepEqual(
        table.charges('sub_1').map((c) => c.payment_id),
        ['cycle_0', 'cycle_1'],
        'by when they are due',
      );
    });

    const refund = (fields: Partial<ShopSubscriptionRefund>): ShopSubscriptionRefund => ({
      subscription_id: 'sub_1',
      refund_id: 'refund_1',
      payment_id: 'charge_1',
      cf_refund_id: null,
      amount_paise: 5_000,
      status: 'INITIATED',
      via: 'Cashfree',
      created_at: 10,
      updated_at: 10,
      ...fields,
    });

    test('a charge on demand is recorded as requested, marked, and moved by what Cashfree says; a refused one is dropped', () => {
      table.requestCharge(
        charge({ payment_id: 'charge_1', cf_payment_id: null, amount_paise: 12_050, via: 'Charge now' }),
      );
      const requested = table.charge('sub_1', 'charge_1');
      assert.deepEqual(
        [requested?.status, requested?.on_demand, requested?.amount_paise, requested?.scheduled_at],
        [REQUESTED_PLACEHOLDER, 1, 12_050, 1_000],
      );
      // Cashfree's answer (or its first webhook) moves it on and keeps the mark.
      assert.equal(
        table.recordCharge(charge({ payment_id: 'charge_1', amount_paise: 12_050, via: 'Cashfree' })),
        true,
      );
      const answered = table.charge('sub_1', 'charge_1');
      assert.deepEqual(
        [answered?.status, answered?.on_demand, answered?.cf_payment_id],
        ['INITIALIZED', 1, '10'],
      );
      // The placeholder is only the owner's: a later Cashfree status never goes back to it.
      assert.equal(
        table.recordCharge(charge({ payment_id: 'charge_1', status: REQUESTED_PLACEHOLDER })),
        false,
      );
      // Dropping touches only a charge Cashfree has not answered for.
      table.dropRequestedCharge('sub_1', 'charge_1');
      assert.equal(table.charge('sub_1', 'charge_1')?.status, 'INITIALIZED');
      table.requestCharge(charge({ payment_id: 'charge_2' }));
      table.dropRequestedCharge('sub_1', 'charge_2');
      assert.equal(table.charge('sub_1', 'charge_2'), undefined);
      // A plan's cycle, recorded from a webhook, is not on demand.
      table.recordCharge(charge({ payment_id: 'cycle_1' }));
      assert.equal(table.charge('sub_1', 'cycle_1')?.on_demand, 0);
    });

    test('a refund moves forward only; what is left to refund counts every refund that has not failed', () => {
      table.recordCharge(charge({ payment_id: 'charge_1', amount_paise: 12_050, status: 'SUCCESS' }));
      assert.equal(table.refundablePaise('sub_1', 'charge_1'), 12_050);
      assert.equal(table.recordRefund(refund({})), true);
      assert.equal(
        table.recordRefund(
          refund({ status: 'SUCCESS', via: 'SUBSCRIPTION_REFUND_STATUS', updated_at: 20, cf_refund_id: '9' }),
        ),
        true,
      );
      // A late INITIATED (a repeat of Cashfree's first answer) does not undo the outcome.
      assert.equal(table.recordRefund(refund({ status: 'INITIATED', updated_at: 30 })), false);
      const done = table.refund('sub_1', 'refund_1');
      assert.deepEqual(
        [done?.status, done?.via, done?.cf_refund_id, done?.created_at, done?.updated_at],
        ['SUCCESS', 'SUBSCRIPTION_REFUND_STATUS', '9', 10, 20],
      );
      table.recordRefund(refund({ refund_id: 'refund_2', amount_paise: 1_000, status: 'FAILED' }));
      table.recordRefund(
        refund({ refund_id: 'refund_3', amount_paise: 2_000, created_at: 40, updated_at: 40 }),
      );
      assert.equal(
        table.refundablePaise('sub_1', 'charge_1'),
        12_050 - 5_000 - 2_000,
        'the failed refund gave nothing back',
      );
      assert.deepEqual(
        table.refunds('sub_1').map((r) => r.refund_id),
        ['refund_1', 'refund_2', 'refund_3'],
      );
      assert.equal(table.refundablePaise('sub_1', 'charge_nope'), 0);
      assert.equal(table.recordRefund(refund({ subscription_id: 'sub_other' })), false, 'not this shop’s');
    });

    test('an older store file gains the on_demand column, its charges being the plan’s cycles', () => {
      const dir = mkdtempSync(join(tmpdir(), 'demo-store-subscriptions-db-'));
      try {
        const file = join(dir, 'old.db');
        const old = openSqlite(file, { driver });
        old.exec(`CREATE TABLE subscription_charges (
        subscription_id TEXT NOT NULL, payment_id TEXT NOT NULL, cf_payment_id TEXT, amount_paise INTEGER NOT NULL,
        status TEXT NOT NULL, retry_attempts INTEGER NOT NULL DEFAULT 0, failure_reason TEXT, scheduled_at INTEGER,
        via TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (subscription_id, payment_id))`);
        old
          .prepare(
            `INSERT INTO subscription_charges VALUES ('sub_1', 'cycle_1', NULL, 49900, 'SUCCESS', 0, NULL, 1, 'x', 1)`,
          )
          .run();
        old.close();
        const reopened = openDatabase(file, driver);
        const row = reopened.prepare('SELECT on_demand FROM subscription_charges').get() as {
          on_demand: number;
        };
        assert.equal(row.on_demand, 0);
        reopened.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
