/**
 * Webhook fidelity, judged by Cashfree's official SDK and contract:
 * - a webhook signed by our `signWebhook` passes cashfree-pg's `PGVerifyWebhookSignature`, and one
 *   signed by the official algorithm (cashfree-pg 6.0.6 `api.ts`: base64 HMAC-SHA256 of
 *   timestamp + raw body, keyed by the client secret) passes our `verifyWebhook`;
 * - webhooks the sandbox actually sends pass PGVerifyWebhookSignature and validate against the
 *   contract's webhook schemas (+ overlay).
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { signWebhook, verifyWebhook } from 'cashfree-kit/webhooks';
import fc from 'fast-check';
import { startLoopbackServer } from '../support/loopback-server.js';
import { prerequisite } from '../support/prerequisites.js';
import {
  disputeBody,
  paymentFailedBody,
  paymentLinkBody,
  paymentSuccessBody,
  refundBody,
  settlementBody,
} from '../support/webhook-payloads.js';
import { requireContract } from './support/contract.js';
import { officialSdk } from './support/official-sdk.js';
import { ResultRecorder } from './support/results.js';
import { SandboxDriver, startContractSandbox } from './support/sandbox-driver.js';
import { DAY_MS, DECLINED_TEST_CARD, TEST_CARD, TEST_OTP } from './support/test-data.js';
import { contractValidator } from './support/validator.js';
import { schemaName, webhookSchemasFor } from './support/webhook-schemas.js';

const recorder = new ResultRecorder('webhooks', ['sandbox']);
after(() => recorder.write());

const SECRET = 'cfsk_ma_test_fidelity_webhooks';

/** The official algorithm, as cashfree-pg 6.0.6 computes it in PGVerifyWebhookSignature. */
function officialSignature(timestamp: string, rawBody: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(timestamp + rawBody)
    .digest('base64');
}

/** Cashfree's documented payloads (test/support/webhook-payloads.ts), by event type. */
const documented: [type: string, rawBody: string][] = [
  ['PAYMENT_SUCCESS_WEBHOOK', paymentSuccessBody()],
  ['PAYMENT_FAILED_WEBHOOK', paymentFailedBody()],
  ['REFUND_STATUS_WEBHOOK', refundBody()],
  ['PAYMENT_LINK_EVENT', paymentLinkBody()],
  ['SETTLEMENT_SUCCESS', settlementBody()],
  ['DISPUTE_CREATED', disputeBody()],
];

describe('webhook signatures agree with cashfree-pg', () => {
  for (const [type, rawBody] of documented) {
    test(`${type}: signWebhook → PGVerifyWebhookSignature`, async () => {
      const signed = await signWebhook({ body: rawBody, secret: SECRET });
      let issues: string[] = [];
      try {
        const event = officialSdk('app', SECRET).PGVerifyWebhookSignature(
          signed.signature,
          signed.rawBody,
          signed.timestamp,
        );
        if (event.type !== type) issues = [`PGVerifyWebhookSignature read type ${event.type}`];
      } catch (error) {
        issues = [`PGVerifyWebhookSignature rejected it: ${(error as Error).message}`];
      }
      recorder.record(type, 'signWebhook → cashfree-pg verifies', issues);
      assert.deepEqual(issues, []);
    });

    test(`${type}: official algorithm → verifyWebhook`, async () => {
      const timestamp = String(Date.now());
      let issues: string[] = [];
      try {
        const event = await verifyWebhook({
          rawBody,
          signature: officialSignature(timestamp, rawBody, SECRET),
          timestamp,
          secret: SECRET,
        });
        if (event.type !== type) issues = [`verifyWebhook read type ${event.type}`];
      } catch (error) {
        issues = [`verifyWebhook rejected it: ${(error as Error).message}`];
      }
      recorder.record(type, 'official algorithm → verifyWebhook verifies', issues);
      assert.deepEqual(issues, []);
    });
  }

  test('any body, secret and timestamp: both directions agree, and both reject a changed body', async () => {
    const printable = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: printable, minLength: 1, maxLength: 64 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        // Within verifyWebhook's default 300 s replay window.
        fc.integer({ min: 0, max: 299_000 }),
        async (secret, text, ageMs) => {
          const rawBody = JSON.stringify({
            type: 'PAYMENT_SUCCESS_WEBHOOK',
            data: { note: text, amount: 170 },
          });
          const now = 1_746_427_759_733;
          const signed = await signWebhook({ body: rawBody, secret, timestamp: now - ageMs });
          const official = officialSdk('app', secret);
          assert.equal(
            official.PGVerifyWebhookSignature(signed.signature, rawBody, signed.timestamp).raw,
            rawBody,
          );
          const theirs = officialSignature(signed.timestamp, rawBody, secret);
          assert.equal(theirs, signed.signature);
          await verifyWebhook({ rawBody, signature: theirs, timestamp: signed.timestamp, secret, now });

          const changed = `${rawBody} `;
          assert.throws(() => official.PGVerifyWebhookSignature(signed.signature, changed, signed.timestamp));
          await assert.rejects(
            verifyWebhook({ rawBody: changed, signature: theirs, timestamp: signed.timestamp, secret, now }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** The webhook types the sandbox flow below must make it send. */
const SANDBOX_WEBHOOK_TYPES = [
  'PAYMENT_SUCCESS_WEBHOOK',
  'PAYMENT_FAILED_WEBHOOK',
  'PAYMENT_USER_DROPPED_WEBHOOK',
  'REFUND_STATUS_WEBHOOK',
  'PAYMENT_LINK_EVENT',
  'SETTLEMENT_SUCCESS',
];

test('webhooks the sandbox sends pass cashfree-pg and the contract', async (t) => {
  if (!requireContract(t)) return;
  const sandbox = await startContractSandbox(t, after, { webhookRetrySchedule: 'fast' });
  if (!sandbox) return;
  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}/_sandbox/webhooks${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      body: (await response.json().catch(() => undefined)) as Record<string, unknown>,
    };
  };
  const probe = await admin('GET', '/endpoints');
  const delivering = prerequisite(
    t,
    probe.status === 200,
    "the sandbox's signed webhook delivery (GET /_sandbox/webhooks/endpoints)",
    'Build part 2 of packages/sandbox: webhook delivery with the /_sandbox/webhooks admin API.',
  );
  if (!delivering) {
    recorder.skip(
      'webhooks sent by the sandbox were not checked: the sandbox has no webhook delivery (/_sandbox/webhooks) yet',
    );
    return;
  }

  // The first 2025-01-01 PAYMENT_SUCCESS_WEBHOOK is refused once, so a retry must follow (Cashfree
  // retries any non-2xx).
  let refused: string | undefined;
  const receiver = await startLoopbackServer(t, (request, response) => {
    const refuse =
      refused === undefined &&
      request.url === '/webhooks/2025-01-01' &&
      request.body.includes('"type":"PAYMENT_SUCCESS_WEBHOOK"');
    if (refuse) refused = String(request.headers['x-idempotency-key']);
    response.statusCode = refuse ? 500 : 200;
    response.end(refuse ? 'not now' : 'OK');
  });
  for (const version of ['2025-01-01', '2023-08-01']) {
    const created = await admin('POST', '/endpoints', {
      url: `${receiver.url}/webhooks/${version}`,
      version,
    });
    assert.equal(created.status, 201, `registering the ${version} endpoint: ${JSON.stringify(created.body)}`);
  }

  // One flow that makes the sandbox send every webhook type it knows.
  const driver = new SandboxDriver(sandbox, recorder);
  const api = async (method: string, path: string, body?: unknown, auth = true) => {
    const exchange = await driver.call(method, path, { body, ...(auth ? {} : { auth: false }) });
    assert.ok(exchange.response.status < 300, `${method} ${path}: ${JSON.stringify(exchange.response.body)}`);
    return exchange.response.body as Record<string, string>;
  };
  const customer_details = { customer_id: 'cust_webhooks', customer_phone: '9876543210' };
  const pay = async (paymentMethod: unknown) => {
    const order = await api('POST', '/orders', {
      order_amount: 300,
      order_currency: 'INR',
      customer_details,
    });
    const attempt = await api(
      'POST',
      '/orders/sessions',
      { payment_session_id: order['payment_session_id'], payment_method: paymentMethod },
      false,
    );
    return { order, cfPaymentId: String(attempt['cf_payment_id']) };
  };
  const paid = await pay(TEST_CARD);
  await api(
    'POST',
    `/orders/pay/authenticate/${paid.cfPaymentId}`,
    { otp: TEST_OTP, action: 'SUBMIT_OTP' },
    false,
  );
  const declined = await pay(DECLINED_TEST_CARD);
  await api(
    'POST',
    `/orders/pay/authenticate/${declined.cfPaymentId}`,
    { otp: TEST_OTP, action: 'SUBMIT_OTP' },
    false,
  );
  const dropped = await pay({ upi: { channel: 'link' } });
  await api('POST', '/simulate', {
    entity: 'PAYMENTS',
    entity_id: dropped.cfPaymentId,
    entity_simulation: { payment_status: 'USER_DROPPED' },
  });
  const orderId = paid.order['order_id'];
  await api('POST', `/orders/${orderId}/refunds`, { refund_id: 'refund_webhooks_1', refund_amount: 50 });
  await fetch(`${sandbox.url}/_sandbox/orders/${orderId}/refunds/refund_webhooks_1/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refund_status: 'SUCCESS' }),
  });
  await api('POST', '/links', {
    link_id: 'link_webhooks_1',
    link_amount: 100,
    link_currency: 'INR',
    link_purpose: 'Webhook fidelity',
    customer_details: { customer_phone: '9876543210' },
  });
  await api('POST', '/links/link_webhooks_1/cancel');
  sandbox.sandbox.advanceClock(2 * DAY_MS);

  const deliveries = await settledDeliveries(admin, SANDBOX_WEBHOOK_TYPES);
  const received = receiver.requests.filter((request) => request.url.startsWith('/webhooks/'));
  assert.ok(
    received.length > 0,
    `no webhook reached the receiver; deliveries: ${JSON.stringify(deliveries).slice(0, 500)}`,
  );
  const official = officialSdk(sandbox.appId, sandbox.secretKey);
  const seen = new Set<string>();
  for (const request of received) {
    const version = request.url.slice('/webhooks/'.length);
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(',') : value;
    };
    const type = String((JSON.parse(request.body) as { type?: unknown }).type);
    seen.add(`${version} ${type}`);
    const detail = ` [${version}]`;

    const headerIssues: string[] = [];
    if (!header('content-type')?.startsWith('application/json'))
      headerIssues.push(`content-type is ${header('content-type')}`);
    if (header('x-webhook-version') !== version)
      headerIssues.push(`x-webhook-version is ${header('x-webhook-version')}`);
    if (!/^\d{13}$/.test(header('x-webhook-timestamp') ?? ''))
      headerIssues.push(`x-webhook-timestamp ${header('x-webhook-timestamp')} is not epoch ms`);
    if (!/^[1-9]\d*$/.test(header('x-webhook-attempt') ?? ''))
      headerIssues.push(`x-webhook-attempt is ${header('x-webhook-attempt')}`);
    const key = header('x-idempotency-key');
    if (version === '2025-01-01' ? !key : key !== undefined)
      headerIssues.push(`x-idempotency-key ${key ?? 'missing'} for ${version}`);
    recorder.record(type, `sandbox-sent: headers${detail}`, headerIssues);

    let officialIssues: string[] = [];
    try {
      const event = official.PGVerifyWebhookSignature(
        header('x-webhook-signature') ?? '',
        request.body,
        header('x-webhook-timestamp') ?? '',
      );
      if (event.type !== type) officialIssues = [`PGVerifyWebhookSignature read type ${event.type}`];
    } catch (error) {
      officialIssues = [`PGVerifyWebhookSignature rejected it: ${(error as Error).message}`];
    }
    recorder.record(type, `sandbox-sent: cashfree-pg verifies${detail}`, officialIssues);

    let ourIssues: string[] = [];
    try {
      await verifyWebhook({
        rawBody: request.body,
        signature: header('x-webhook-signature'),
        timestamp: header('x-webhook-timestamp'),
        secret: sandbox.secretKey,
        now: Number(header('x-webhook-timestamp')),
      });
    } catch (error) {
      ourIssues = [`verifyWebhook rejected it: ${(error as Error).message}`];
    }
    recorder.record(type, `sandbox-sent: verifyWebhook verifies${detail}`, ourIssues);

    if (isPaymentWebhook(type)) {
      const shapeIssues = documentedShape(version, request.body);
      recorder.record(type, `sandbox-sent: documented payload${detail}`, shapeIssues);
    }

    // The contract describes the 2025-01-01 payloads only.
    if (version === '2025-01-01') {
      const schemas = webhookSchemasFor(type);
      if (schemas.length === 0)
        recorder.notes.push(
          `${type}: the contract defines no schema for this webhook, so its payload is not validated.`,
        );
      for (const schema of schemas) {
        recorder.record(
          type,
          `sandbox-sent: contract schema [${schemaName(schema)}]`,
          contractValidator()
            .validate(schema, JSON.parse(request.body))
            .map((issue) => `${schemaName(schema)}: ${issue.where}: ${issue.message}`),
        );
      }
    }
  }
  const retried = received.filter((request) => request.headers['x-idempotency-key'] === refused);
  const first = retried[0];
  if (first) {
    const retryIssues: string[] = [];
    const attempts = retried.map((request) => String(request.headers['x-webhook-attempt']));
    if (!attempts.includes('2'))
      retryIssues.push(`no second attempt after a 500; attempts seen: ${attempts.join(', ')}`);
    if (retried.some((request) => request.body !== first.body))
      retryIssues.push('the retry changed the body');
    recorder.record(
      String((JSON.parse(first.body) as { type?: unknown }).type),
      'sandbox-sent: retried after a 500',
      retryIssues,
    );
  } else {
    recorder.record('(delivery)', 'sandbox-sent: retried after a 500', [
      'no delivery was refused, so no retry was checked',
    ]);
  }
  const missing = SANDBOX_WEBHOOK_TYPES.flatMap((type) =>
    ['2025-01-01', '2023-08-01'].map((version) => `${version} ${type}`),
  ).filter((sent) => !seen.has(sent));
  assert.deepEqual(missing, [], 'webhooks the flow should have made the sandbox send');
  const failed = recorder.cases.filter((c) => !c.ok && c.name.startsWith('sandbox-sent'));
  recorder.finish('sandbox');
  assert.deepEqual(failed, []);
});

/** Polls the delivery log until every expected type was delivered and nothing is pending. */
async function settledDeliveries(
  admin: (method: string, path: string) => Promise<{ status: number; body: Record<string, unknown> }>,
  types: readonly string[],
): Promise<unknown[]> {
  let deliveries: { event_type?: string; status?: string }[] = [];
  for (let attempt = 0; attempt < 100; attempt++) {
    deliveries = ((await admin('GET', '/deliveries?limit=1000')).body?.['data'] ?? []) as typeof deliveries;
    const delivered = new Set(deliveries.filter((d) => d.status === 'delivered').map((d) => d.event_type));
    if (types.every((type) => delivered.has(type)) && deliveries.every((d) => d.status !== 'pending')) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return deliveries;
}

/**
 * What Cashfree's payments webhook page says about the raw payload beyond the contract: amounts are
 * printed with two decimals (`"payment_amount":170.00`, which is why receivers must verify the raw
 * body), and 2023-08-01 payment webhooks lack what 2025-01-01 added.
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/payments/webhooks
 */
function documentedShape(version: string, rawBody: string): string[] {
  const issues: string[] = [];
  for (const field of ['order_amount', 'payment_amount']) {
    const printed = new RegExp(`"${field}":(-?[0-9.]+)`).exec(rawBody)?.[1];
    if (!printed || !/^-?\d+\.\d{2}$/.test(printed))
      issues.push(`${field} printed as ${printed ?? 'nothing'}, not with two decimals`);
  }
  if (version === '2023-08-01') {
    const data = (JSON.parse(rawBody) as { data: Record<string, Record<string, unknown>> }).data;
    for (const added of ['international_payment', 'payment_surcharge']) {
      if (data['payment'] && added in data['payment'])
        issues.push(`2023-08-01 payload has payment.${added}, added in 2025-01-01`);
    }
    if ('terminal_details' in data)
      issues.push('2023-08-01 payload has terminal_details, added in 2025-01-01');
  }
  return issues;
}

function isPaymentWebhook(type: string): boolean {
  return type.startsWith('PAYMENT_') && type.endsWith('_WEBHOOK');
}
