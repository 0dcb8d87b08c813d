/**
 * The SDK's conformance checks: the same calls on every runtime cashfree-kit supports (Node 22 and
 * 26, Bun, Deno, workerd), against a local sandbox the Node harness started
 * (test/runtimes/conformance.test.ts).
 *
 * Written as a user's code is: it imports `cashfree-kit` as installed from the packed tarball, never
 * the repository's sources. Only erasable TypeScript, so that Node (type stripping), Bun and Deno
 * run this file as it is; for workerd it is bundled with esbuild, as wrangler does. No Node API is
 * used here: what differs between runtimes (a SQLite driver) comes in through `config`.
 */
import {
  Cashfree,
  isAuthenticationError,
  isNotFoundError,
  isRequestAbortedError,
  isTimeoutError,
  isValidationError,
  type ResponseEvent,
} from 'cashfree-kit';
import { isWebhookVerificationError, signWebhook, verifyWebhook } from 'cashfree-kit/webhooks';
import { createWebhookInbox, type WebhookInboxStore } from 'cashfree-kit/webhooks/inbox';
import { cashfreeWebhook } from 'cashfree-kit/webhooks/next';

export interface ConformanceConfig {
  /** Names this runtime in order ids, so runs on one sandbox never collide. */
  runtime: string;
  appId: string;
  secretKey: string;
  /** The sandbox's origin; the API is at `${sandboxUrl}/pg`. */
  sandboxUrl: string;
  /** The harness's fault server: `/flaky/pg` fails each call's first attempt, `/hang/pg` never answers. */
  faultsUrl: string;
  /** The sandbox's test card expiry (TEST_CARD_EXPIRY), as `MM/YY`: the harness passes it in. */
  cardExpiry: string;
  /**
   * Opens an inbox store on one of the runtime's own SQLite drivers, on a file; absent where the
   * runtime has none (workerd). The harness says which drivers it expects, so none goes missing.
   */
  sqlite?: {
    drivers: string[];
    open(driver: string, filename: string): WebhookInboxStore;
    tempFile(): string;
  };
}

export interface CheckResult {
  name: string;
  ok: boolean;
  error?: string;
}

type Check = [name: string, run: () => Promise<void>];

class CheckFailed extends Error {}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

function equal<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected)
    throw new CheckFailed(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}

/** Resolves with what `promise` rejected with; fails the check when it resolved. */
async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new CheckFailed(`${what} resolved; it should have failed`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs every check in order (later ones use the order the first ones made) and reports each. */
export async function runChecks(config: ConformanceConfig): Promise<CheckResult[]> {
  const suffix = `${config.runtime.replace(/[^a-zA-Z0-9]/g, '')}_${Date.now().toString(36)}`;
  const orderId = `conf_${suffix}`;
  const client = (options: Partial<ConstructorParameters<typeof Cashfree>[0]> = {}) =>
    new Cashfree({
      appId: config.appId,
      secretKey: config.secretKey,
      environment: 'sandbox',
      baseUrl: `${config.sandboxUrl}/pg`,
      ...options,
    });
  const cashfree = client();
  const customer = { customer_id: 'cust_conformance', customer_phone: '9876543210' };
  let paymentSessionId = '';
  let cfPaymentId = '';

  const checks: Check[] = [
    [
      'orders.create',
      async () => {
        const order = await cashfree.orders.create({
          order_id: orderId,
          order_amount: 499.5,
          order_currency: 'INR',
          customer_details: customer,
          // The sandbox delivers this order's webhooks to the harness, whose record a check below verifies.
          order_meta: { notify_url: `${config.faultsUrl}/sink` },
        });
        equal(order.order_id, orderId, 'order_id');
        equal(order.order_status, 'ACTIVE', 'order_status');
        equal(order.order_amount, 499.5, 'order_amount');
        expect(order.payment_session_id, 'a payment_session_id');
        paymentSessionId = order.payment_session_id;
      },
    ],
    [
      'orders.get',
      async () => {
        const order = await cashfree.orders.get(orderId);
        equal(order.order_id, orderId, 'order_id');
        equal(order.order_status, 'ACTIVE', 'order_status');
      },
    ],
    [
      'orders.pay and orders.authenticate (card with OTP)',
      async () => {
        const pay = await cashfree.orders.pay({
          payment_session_id: paymentSessionId,
          payment_method: {
            card: {
              channel: 'post',
              card_number: '4111111111111111',
              card_expiry_mm: config.cardExpiry.slice(0, 2),
              card_expiry_yy: config.cardExpiry.slice(3),
              card_cvv: '123',
            },
          },
        });
        cfPaymentId = String(pay.cf_payment_id);
        const otp = await cashfree.orders.authenticate(cfPaymentId, { otp: '111000', action: 'SUBMIT_OTP' });
        equal(otp.authenticate_status, 'SUCCESS', 'authenticate_status');
        equal((await cashfree.orders.get(orderId)).order_status, 'PAID', 'order_status after paying');
      },
    ],
    [
      'payments.list and payments.get',
      async () => {
        const payments = await cashfree.payments.list(orderId);
        equal(payments.length, 1, 'payments');
        equal(payments[0]?.payment_status, 'SUCCESS', 'payment_status');
        equal(
          String((await cashfree.payments.get(orderId, cfPaymentId)).cf_payment_id),
          cfPaymentId,
          'cf_payment_id',
        );
      },
    ],
    [
      'refunds.create, refunds.get and refunds.list',
      async () => {
        const refund = await cashfree.refunds.create(orderId, {
          refund_id: `refund_${suffix}`,
          refund_amount: 100,
        });
        equal(refund.refund_status, 'PENDING', 'refund_status');
        equal(refund.refund_amount, 100, 'refund_amount');
        equal(
          (await cashfree.refunds.get(orderId, `refund_${suffix}`)).refund_id,
          `refund_${suffix}`,
          'refund_id',
        );
        equal((await cashfree.refunds.list(orderId)).length, 1, 'refunds');
      },
    ],
    [
      'validation: a bad order is refused before any request',
      async () => {
        let requests = 0;
        const counted = client({ onRequest: () => void requests++ });
        const error = await rejection(
          counted.orders.create({
            order_id: `bad_${suffix}`,
            order_amount: 10.005,
            order_currency: 'INR',
            customer_details: customer,
          }),
          'a create with paise in a third decimal',
        );
        expect(isValidationError(error), `a ValidationError, got ${String(error)}`);
        equal(error.field, 'order_amount', 'field');
        equal(requests, 0, 'requests sent');
      },
    ],
    [
      'typed errors: NotFoundError and AuthenticationError',
      async () => {
        const missing = await rejection(cashfree.orders.get(`missing_${suffix}`), 'getting an unknown order');
        expect(isNotFoundError(missing), `a NotFoundError, got ${String(missing)}`);
        equal(missing.status, 404, 'status');
        const wrongKey = client({ secretKey: `${config.secretKey}_wrong` });
        const denied = await rejection(wrongKey.orders.get(orderId), 'a call with a wrong secret');
        expect(isAuthenticationError(denied), `an AuthenticationError, got ${String(denied)}`);
        equal(denied.status, 401, 'status');
      },
    ],
    [
      'retries: a 503 is retried with the same idempotency key, then succeeds',
      async () => {
        const responses: ResponseEvent[] = [];
        const flaky = client({
          baseUrl: `${config.faultsUrl}/flaky/pg`,
          maxRetries: 2,
          onResponse: (event) => void responses.push(event),
        });
        const order = await flaky.orders.create({
          order_id: `retry_${suffix}`,
          order_amount: 1,
          order_currency: 'INR',
          customer_details: customer,
        });
        equal(order.order_status, 'ACTIVE', 'order_status');
        equal(responses.map((r) => `${r.attempt}:${r.status}`).join(' '), '1:503 2:200', 'attempts');
        const key = responses[0]?.idempotencyKey;
        expect(key, 'an x-idempotency-key on a POST');
        equal(responses[1]?.idempotencyKey, key, 'the retry’s idempotency key');
        // The fault server saw both attempts carry that key.
        const seen = (await (
          await fetch(`${config.faultsUrl}/attempts/${encodeURIComponent(key)}`)
        ).json()) as {
          attempts: number;
        };
        equal(seen.attempts, 2, 'attempts the server saw with the key');
      },
    ],
    [
      'timeouts and aborts: a server that never answers',
      async () => {
        const hanging = client({ baseUrl: `${config.faultsUrl}/hang/pg`, timeoutMs: 300, maxRetries: 0 });
        const timedOut = await rejection(
          hanging.orders.get(orderId),
          'a call to a server that never answers',
        );
        expect(isTimeoutError(timedOut), `a TimeoutError, got ${String(timedOut)}`);
        const controller = new AbortController();
        const call = hanging.orders.get(orderId, { signal: controller.signal, timeoutMs: 30_000 });
        await sleep(50);
        controller.abort();
        const aborted = await rejection(call, 'an aborted call');
        expect(isRequestAbortedError(aborted), `a RequestAbortedError, got ${String(aborted)}`);
      },
    ],
    [
      'webhooks: signWebhook then verifyWebhook; one changed byte is refused',
      async () => {
        const body = JSON.stringify({
          type: 'PAYMENT_SUCCESS_WEBHOOK',
          event_time: '2025-01-15T10:00:00+05:30',
          data: { order: { order_id: orderId, order_amount: 499.5 }, payment: { payment_status: 'SUCCESS' } },
        });
        const signed = await signWebhook({ body, secret: config.secretKey });
        const event = await verifyWebhook({
          rawBody: signed.rawBody,
          signature: signed.signature,
          timestamp: signed.timestamp,
          secret: config.secretKey,
        });
        equal(event.type, 'PAYMENT_SUCCESS_WEBHOOK', 'type');
        const forged = await rejection(
          verifyWebhook({
            rawBody: signed.rawBody.replace('499.5', '499.6'),
            signature: signed.signature,
            timestamp: signed.timestamp,
            secret: config.secretKey,
          }),
          'verifying a changed body',
        );
        expect(isWebhookVerificationError(forged), `a WebhookVerificationError, got ${String(forged)}`);
      },
    ],
    [
      'webhooks: the Request → Response adapter answers 200 signed, 400 forged',
      async () => {
        const events: string[] = [];
        const handler = cashfreeWebhook({
          secret: config.secretKey,
          onEvent: (event) => void events.push(event.type),
        });
        const body = JSON.stringify({ type: 'REFUND_STATUS_WEBHOOK', data: { refund: { refund_id: 'r' } } });
        const signed = await signWebhook({ body, secret: config.secretKey });
        const post = (headers: Record<string, string>) =>
          handler(new Request('https://shop.example/webhooks/cashfree', { method: 'POST', headers, body }));
        equal((await post(signed.headers)).status, 200, 'status of a signed delivery');
        // Change the first character to one it is not: a fixed 'A' forged nothing for the 1 in 64
        // signatures that already start with it (the CI failure first blamed on 0f939ce).
        const first = signed.signature[0] === 'A' ? 'B' : 'A';
        const forged = await post({
          ...signed.headers,
          'x-webhook-signature': `${first}${signed.signature.slice(1)}`,
        });
        equal(forged.status, 400, 'status of a forged delivery');
        equal(events.join(), 'REFUND_STATUS_WEBHOOK', 'events handed on');
      },
    ],
    [
      'webhooks: the delivery the sandbox signed for this order verifies here',
      async () => {
        type Delivery = { request: { body: string; headers: Record<string, string> } };
        let deliveries: Delivery[] = [];
        // The sandbox posts the payment's webhook in the background; give it a few seconds.
        for (let i = 0; i < 100 && deliveries.length === 0; i++) {
          const res = await fetch(`${config.sandboxUrl}/_sandbox/webhooks/deliveries?order_id=${orderId}`);
          deliveries = ((await res.json()) as { data: Delivery[] }).data;
          if (deliveries.length === 0) await sleep(50);
        }
        const success = deliveries.find((d) => d.request.body.includes('PAYMENT_SUCCESS_WEBHOOK'));
        expect(success, `a PAYMENT_SUCCESS_WEBHOOK delivery among ${deliveries.length}`);
        const event = await verifyWebhook({
          rawBody: success.request.body,
          signature: success.request.headers['x-webhook-signature'] ?? '',
          timestamp: success.request.headers['x-webhook-timestamp'] ?? '',
          secret: config.secretKey,
        });
        equal(event.type, 'PAYMENT_SUCCESS_WEBHOOK', 'type');
        expect(
          event.type === 'PAYMENT_SUCCESS_WEBHOOK' && event.data.order.order_id === orderId,
          'its order',
        );
      },
    ],
  ];

  for (const driver of config.sqlite?.drivers ?? []) {
    checks.push([
      `webhook inbox on ${driver}: once only, and it survives a restart`,
      () => inboxCheck(config, driver),
    ]);
  }

  const results: CheckResult[] = [];
  for (const [name, run] of checks) {
    try {
      await run();
      results.push({ name, ok: true });
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      results.push({ name, ok: false, error: text });
    }
  }
  return results;
}

async function inboxCheck(config: ConformanceConfig, driver: string): Promise<void> {
  const sqlite = config.sqlite;
  expect(sqlite, 'a SQLite driver');
  const filename = sqlite.tempFile();
  const handled: string[] = [];
  const handler = (event: { type: string }) => void handled.push(event.type);
  // Cashfree's shape, amounts printed as 170.00 and a name in multi-byte UTF-8, as the raw bytes arrive.
  const body =
    '{"data":{"order":{"order_id":"inbox_1","order_amount":170.00,"order_currency":"INR","order_tags":null},' +
    '"payment":{"cf_payment_id":"5114910796410","payment_status":"SUCCESS","payment_amount":170.00,' +
    '"payment_currency":"INR","payment_message":"00::Transaction success","payment_time":"2025-01-15T11:16:10+05:30",' +
    '"payment_method":{"upi":{"channel":"collect","upi_id":"testsuccess@gocash"}},"payment_group":"upi"},' +
    '"customer_details":{"customer_name":"₹ Priya Pâtel 🛒","customer_id":"cust_7","customer_phone":"9999999999"}},' +
    '"event_time":"2025-01-15T11:16:12+05:30","type":"PAYMENT_SUCCESS_WEBHOOK"}';
  const signed = await signWebhook({ body, secret: config.secretKey });
  const event = await verifyWebhook({
    rawBody: signed.rawBody,
    signature: signed.signature,
    timestamp: signed.timestamp,
    secret: config.secretKey,
  });

  const first = sqlite.open(driver, filename);
  const before = createWebhookInbox({ store: first, handler });
  const received = await before.receive(event);
  equal(received.duplicate, false, 'first delivery is a duplicate');
  equal((await before.receive(event)).duplicate, true, 'second delivery is a duplicate');
  // A restart: the first store closes, a new one opens the file; shutdown closes both again.
  await first.close?.();
  const second = sqlite.open(driver, filename);
  try {
    const after = createWebhookInbox({ store: second, handler });
    equal((await after.receive(event)).duplicate, true, 'delivery after the restart is a duplicate');
    const outcome = await after.processPending();
    equal(outcome.succeeded, 1, 'events run after the restart');
    equal(handled.join(), 'PAYMENT_SUCCESS_WEBHOOK', 'handler runs');
    equal((await after.get(received.key))?.deliveries, 3, 'deliveries recorded');
    equal(await after.get('no-such-key'), undefined, 'an unknown key');
  } finally {
    await first.close?.();
    await second.close?.();
  }
}
