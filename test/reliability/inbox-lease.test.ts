/**
 * Issue 12, point 8: the inbox renews a running handler's lease, so a handler slower than
 * `leaseMs` runs once even while another instance polls the same store. Real time, real
 * background workers, on memory, SQLite (two stores on one file) and PostgreSQL (two pools).
 * The deterministic version, on a fake clock, is in test/support/inbox-conformance.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { constructWebhookEvent, signWebhook } from 'cashfree-kit/webhooks';
import { createWebhookInbox, type WebhookInbox } from 'cashfree-kit/webhooks/inbox';
import { paymentSuccessBody } from '../support/webhook-payloads.ts';
import { type StoreKind, twoStoresOnOneDatabase } from './support/lease-stores.ts';
import { SUITE_SECRET } from './support/suite-secret.ts';

const SECRET = SUITE_SECRET;
const LEASE_MS = 300;
const HANDLER_MS = 3 * LEASE_MS;
/** A 900 ms handler polled until done takes seconds: this fails a stuck inbox, never a slow machine. */
const CASE_TIMEOUT_MS = 30_000;

async function event(orderId: string) {
  const signed = await signWebhook({ body: paymentSuccessBody(orderId), secret: SECRET });
  return constructWebhookEvent(signed.rawBody, signed.headers, SECRET);
}

describe('a handler that runs 3× leaseMs runs once across two polling instances (point 8)', () => {
  for (const kind of ['memory', 'SQLite', 'PostgreSQL'] satisfies StoreKind[]) {
    test(kind, { timeout: CASE_TIMEOUT_MS }, async (t) => {
      const stores = await twoStoresOnOneDatabase(t, kind);
      if (!stores) return;
      const runs: string[] = [];
      const errors: unknown[] = [];
      const inboxes: WebhookInbox[] = stores.map((store, i) =>
        createWebhookInbox({
          store,
          workerId: `instance-${i}`,
          leaseMs: LEASE_MS,
          onError: (error) => void errors.push(error),
          async handler(_event, { key }) {
            runs.push(`${key} on instance-${i}`);
            await sleep(HANDLER_MS);
          },
        }),
      );
      for (const inbox of inboxes) inbox.start({ pollIntervalMs: 20 });
      t.after(() => Promise.all(inboxes.map((inbox) => inbox.stop())));

      const { key } = await inboxes[0]!.receive(await event(`order_lease_${kind}`));
      for (let i = 0; i < 200 && (await inboxes[0]!.get(key))?.status !== 'done'; i++) await sleep(20);
      // Both instances keep polling for a few more leases: nothing may pick the event up again.
      await sleep(2 * LEASE_MS);
      await Promise.all(inboxes.map((inbox) => inbox.stop()));

      assert.equal(runs.length, 1, `the handler ran ${runs.length} times: ${runs.join(', ')}`);
      const entry = await inboxes[1]!.get(key);
      assert.equal(entry?.status, 'done');
      assert.equal(entry?.attempts, 1);
      assert.deepEqual(errors, []);
    });
  }
});
