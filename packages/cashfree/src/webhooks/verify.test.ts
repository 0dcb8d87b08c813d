import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { Cashfree, CFEnvironment } from 'cashfree-pg';
import { countHmacCalls } from '../../../../test/support/hmac-spy.ts';
import {
  disputeBody,
  NON_ASCII_NAME,
  paymentLinkBody,
  paymentSuccessBody,
  refundBody,
  settlementBody,
} from '../../../../test/support/webhook-payloads.ts';
import { CashfreeError, isCashfreeError } from '../core/errors.js';
import {
  constructWebhookEvent,
  isWebhookVerificationError,
  signWebhook,
  verifyWebhook,
  verifyWebhookSignature,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from './index.js';

const secret = 'cfsk_ma_test_0123456789abcdef';
const now = 1_746_427_759_733;

async function rejects(
  promise: Promise<unknown>,
  reason: WebhookVerificationReason,
): Promise<WebhookVerificationError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isWebhookVerificationError(error), `expected a WebhookVerificationError, got ${String(error)}`);
    assert.equal(error.reason, reason, error.message);
    assert.ok(!error.message.includes(secret), 'the message must never contain the secret');
    return error;
  }
  assert.fail(`expected rejection with ${reason}`);
}

describe('signWebhook + verifyWebhook', () => {
  test('a signed payment webhook verifies into a typed event that keeps non-ASCII text', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now, attempt: 2 });
    const event = await constructWebhookEvent(signed.rawBody, signed.headers, secret, { now });
    assert.equal(event.type, 'PAYMENT_SUCCESS_WEBHOOK');
    if (event.type !== 'PAYMENT_SUCCESS_WEBHOOK') return;
    assert.equal(event.data.customer_details.customer_name, NON_ASCII_NAME);
    assert.equal(event.data.payment.payment_amount, 170);
    assert.deepEqual(event.delivery, {
      version: '2025-01-01',
      idempotencyKey: signed.headers['x-idempotency-key'],
      attempt: 2,
      timestamp: now,
    });
    assert.equal(signed.timestamp, String(now));
    assert.match(signed.headers['x-idempotency-key'] ?? '', /^[A-Za-z0-9+/]{43}=$/);
  });

  test('every event family narrows on type', async () => {
    const bodies = [
      refundBody(),
      paymentLinkBody(),
      settlementBody('SETTLEMENT_REVERSED'),
      disputeBody('DISPUTE_CLOSED'),
    ];
    const seen: string[] = [];
    for (const body of bodies) {
      const signed = await signWebhook({ body, secret, timestamp: now });
      const event = await constructWebhookEvent(signed.rawBody, signed.headers, secret, { now });
      switch (event.type) {
        case 'REFUND_STATUS_WEBHOOK':
          seen.push(`${event.type}:${event.data.refund.refund_id}:${event.data.refund.refund_amount}`);
          break;
        case 'PAYMENT_LINK_EVENT':
          seen.push(
            `${event.type}:${event.data.link_status}:${event.data.link_amount_paid}:${event.version}`,
          );
          break;
        case 'SETTLEMENT_REVERSED':
          seen.push(`${event.type}:${event.data.settlement.settlement_id}`);
          break;
        case 'DISPUTE_CLOSED':
          seen.push(`${event.type}:${event.data.dispute.dispute_id}`);
          break;
        default:
          seen.push(`unexpected:${event.type}`);
      }
    }
    assert.deepEqual(seen, [
      'REFUND_STATUS_WEBHOOK:refund_1:70.5',
      'PAYMENT_LINK_EVENT:PAID:200.12:1',
      'SETTLEMENT_REVERSED:8877',
      'DISPUTE_CLOSED:433475257',
    ]);
  });

  test('the seed’s DISPUTE_OPENED_WEBHOOK is typed like the other dispute events', async () => {
    const signed = await signWebhook({ body: disputeBody('DISPUTE_OPENED_WEBHOOK'), secret, timestamp: now });
    const event = await constructWebhookEvent(signed.rawBody, signed.headers, secret, { now });
    assert.equal(event.type, 'DISPUTE_OPENED_WEBHOOK');
  });

  test('an unknown type, or a known type without a data object, becomes an unknown event with the raw body', async () => {
    for (const body of [
      '{"data":{"instrument":{"instrument_id":"x"}},"type":"INSTRUMENT_ACTIVE_WEBHOOK"}',
      '{"type":"PAYMENT_SUCCESS_WEBHOOK","data":null}',
      '{"event_time":"2025-01-01"}',
    ]) {
      const signed = await signWebhook({ body, secret, timestamp: now });
      const event = await constructWebhookEvent(signed.rawBody, signed.headers, secret, { now });
      assert.equal(event.type, 'unknown');
      if (event.type !== 'unknown') return;
      assert.equal(event.receivedType, (JSON.parse(body) as { type?: string }).type ?? '');
      assert.deepEqual(event.raw, JSON.parse(body));
    }
  });

  test('version 2023-08-01 is accepted and sends no idempotency key', async () => {
    const signed = await signWebhook({
      body: paymentSuccessBody(),
      secret,
      timestamp: now,
      version: '2023-08-01',
    });
    assert.equal(signed.headers['x-idempotency-key'], undefined);
    const event = await constructWebhookEvent(signed.rawBody, signed.headers, secret, { now });
    assert.equal(event.delivery.version, '2023-08-01');
    assert.equal(event.delivery.idempotencyKey, undefined);
  });

  test('the raw body may be a string, Buffer, Uint8Array, ArrayBuffer or DataView', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    const buffer = Buffer.from(signed.rawBody, 'utf8');
    const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    for (const rawBody of [
      signed.rawBody,
      buffer,
      new Uint8Array(buffer),
      arrayBuffer,
      new DataView(arrayBuffer),
    ]) {
      const event = await constructWebhookEvent(rawBody, signed.headers, secret, { now });
      assert.equal(event.type, 'PAYMENT_SUCCESS_WEBHOOK');
    }
  });

  test('signing an object stringifies it', async () => {
    const signed = await signWebhook({ body: { type: 'X', data: { amount: 1 } }, secret, timestamp: now });
    assert.equal(signed.rawBody, '{"type":"X","data":{"amount":1}}');
  });
});

/** A 44-character signature's last data character with its two unused low bits set. */
function nonCanonical(signature: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const last = alphabet.indexOf(signature[42]!);
  return `${signature.slice(0, 42)}${alphabet[last | 3]}=`;
}

describe('the signature comparison', () => {
  test('on Node goes through crypto.timingSafeEqual (constant time), never a string compare', async (t) => {
    const nodeCrypto = process.getBuiltinModule('node:crypto');
    const compare = t.mock.method(nodeCrypto, 'timingSafeEqual');
    const subtleVerify = t.mock.method(globalThis.crypto.subtle, 'verify');
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    await verifyWebhook({ ...signed, secret, now });
    assert.equal(compare.mock.callCount(), 1, 'a genuine signature is compared by timingSafeEqual');
    const [expected, provided] = compare.mock.calls[0]?.arguments ?? [];
    assert.equal(Buffer.from(provided as Uint8Array).toString(), signed.signature);
    assert.equal(Buffer.from(expected as Uint8Array).toString(), signed.signature);

    const forged = `${signed.signature.slice(0, -2)}A=`;
    await rejects(verifyWebhook({ ...signed, signature: forged, secret, now }), 'invalid_signature');
    assert.equal(
      compare.mock.callCount(),
      2,
      'a wrong signature of the right shape is compared the same way',
    );
    assert.equal(subtleVerify.mock.callCount(), 0, 'the synchronous HMAC is used where Node crypto exists');
  });

  test('without Node crypto (Workers, browsers) goes through Web Crypto’s HMAC verify', async (t) => {
    t.mock.method(process, 'getBuiltinModule', () => undefined);
    const verify = t.mock.method(globalThis.crypto.subtle, 'verify');
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    const expected = createHmac('sha256', secret).update(`${now}${signed.rawBody}`).digest('base64');
    assert.equal(signed.signature, expected, 'Web Crypto signs as Node crypto does');
    await verifyWebhook({ ...signed, secret, now });
    assert.equal(verify.mock.callCount(), 1, 'a genuine signature is checked by crypto.subtle.verify');
    const [algorithm, , provided] = verify.mock.calls[0]?.arguments ?? [];
    assert.equal(algorithm, 'HMAC');
    assert.equal(Buffer.from(provided as Uint8Array).toString('base64'), signed.signature);

    const forged = `${signed.signature.slice(0, -2)}A=`;
    await rejects(verifyWebhook({ ...signed, signature: forged, secret, now }), 'invalid_signature');
    assert.equal(verify.mock.callCount(), 2, 'a wrong signature of the right shape is checked the same way');
  });

  test('verifyWebhookSignature checks signature and timestamp without parsing the body', async () => {
    const signed = await signWebhook({ body: 'not json at all', secret, timestamp: now });
    assert.equal(await verifyWebhookSignature({ ...signed, secret, now }), now);
    await rejects(verifyWebhook({ ...signed, secret, now }), 'body_not_json');
    await rejects(
      verifyWebhookSignature({ ...signed, rawBody: 'not json at al1', secret, now }),
      'invalid_signature',
    );
    // The same window as verifyWebhook: a day old at most, 300 s ahead at most.
    assert.equal(await verifyWebhookSignature({ ...signed, secret, now: now + 301_000 }), now);
    await rejects(
      verifyWebhookSignature({ ...signed, secret, now: now + 86_401_000 }),
      'timestamp_outside_tolerance',
    );
    await rejects(
      verifyWebhookSignature({ ...signed, secret, now: now - 301_000 }),
      'timestamp_outside_tolerance',
    );
  });

  test('only the canonical base64 of a 32-byte HMAC is a signature', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    const variants = [
      ` ${signed.signature}`,
      `${signed.signature.slice(0, 20)} ${signed.signature.slice(20)}`,
      signed.signature.replace(/=+$/, ''),
      `${signed.signature}==`,
      signed.signature.slice(0, 40),
      `${signed.signature}AAAA`,
      'not base64 at all!',
      Buffer.from(signed.signature, 'base64').toString('hex'),
      nonCanonical(signed.signature),
      // 44 characters but not 44 ASCII bytes: the last byte never written, or all of them shifted.
      `${signed.signature.slice(0, 43)}é`,
      `é${signed.signature.slice(1)}`,
      `${signed.signature.slice(0, 42)}₹`,
    ];
    // The same 32 bytes, spelt with unused low bits set: atob accepts it, Cashfree never sends it.
    assert.deepEqual(
      Buffer.from(nonCanonical(signed.signature), 'base64'),
      Buffer.from(signed.signature, 'base64'),
    );
    for (const signature of variants) {
      await rejects(verifyWebhook({ ...signed, signature, secret, now }), 'invalid_signature');
    }
  });

  test('only the canonical base64 is a signature without Node crypto too', async (t) => {
    t.mock.method(process, 'getBuiltinModule', () => undefined);
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    await verifyWebhook({ ...signed, secret, now });
    for (const signature of [nonCanonical(signed.signature), signed.signature.replace(/=+$/, '')]) {
      await rejects(verifyWebhook({ ...signed, signature, secret, now }), 'invalid_signature');
    }
  });
});

describe('independent cross-checks', () => {
  test('the signature equals node:crypto HMAC-SHA256 of timestamp + body, base64', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    const expected = createHmac('sha256', secret).update(`${now}${signed.rawBody}`).digest('base64');
    assert.equal(signed.signature, expected);
  });

  test('a signature computed with node:crypto verifies', async () => {
    const rawBody = refundBody();
    const signature = createHmac('sha256', secret).update(`${now}${rawBody}`).digest('base64');
    const event = await verifyWebhook({ rawBody, signature, timestamp: String(now), secret, now });
    assert.equal(event.type, 'REFUND_STATUS_WEBHOOK');
  });

  test('the official cashfree-pg SDK accepts what signWebhook produced', async () => {
    // Error analytics off: the official SDK otherwise initialises Sentry with Cashfree's DSN.
    const cashfree = new Cashfree(
      CFEnvironment.SANDBOX,
      'app_id',
      secret,
      undefined,
      undefined,
      undefined,
      false,
    );
    for (const body of [paymentSuccessBody(), refundBody(), paymentLinkBody(), disputeBody()]) {
      const signed = await signWebhook({ body, secret, timestamp: now });
      const official = cashfree.PGVerifyWebhookSignature(signed.signature, signed.rawBody, signed.timestamp);
      assert.equal(official.type, (JSON.parse(body) as { type: string }).type);
      assert.throws(() =>
        cashfree.PGVerifyWebhookSignature(signed.signature, `${signed.rawBody} `, signed.timestamp),
      );
    }
  });
});

describe('rejections name the reason and the fix', () => {
  test('missing secret', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    await rejects(constructWebhookEvent(signed.rawBody, signed.headers, '', { now }), 'missing_secret');
    await rejects(
      constructWebhookEvent(signed.rawBody, signed.headers, undefined as unknown as string, { now }),
      'missing_secret',
    );
  });

  test('missing body', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    const error = await rejects(
      constructWebhookEvent(undefined as unknown as string, signed.headers, secret, { now }),
      'missing_body',
    );
    assert.match(error.message, /express\.raw/);
  });

  test('an already-parsed body is reported as re-serialised, naming express.raw and request.text()', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    for (const parsed of [JSON.parse(signed.rawBody) as object, '[object Object]']) {
      const error = await rejects(
        constructWebhookEvent(parsed as string, signed.headers, secret, { now }),
        'body_reserialised',
      );
      assert.match(error.message, /express\.raw\(\{ type: 'application\/json' \}\)/);
      assert.match(error.message, /request\.text\(\)/);
    }
  });

  test('a JSON.stringify-ed body fails the signature with a message saying it looks re-serialised', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    const restringified = JSON.stringify(JSON.parse(signed.rawBody));
    const error = await rejects(
      constructWebhookEvent(restringified, signed.headers, secret, { now }),
      'invalid_signature',
    );
    assert.match(error.message, /looks re-serialised/);
    assert.match(error.message, /data\.order\.order_amount is 170 where Cashfree sends 170\.00/);
  });

  test('an amount like 170.50 printed as 170.5 by JSON.stringify gets the hint too', async () => {
    const body = paymentSuccessBody().replaceAll('170.00', '170.50');
    const signed = await signWebhook({ body, secret, timestamp: now });
    const restringified = JSON.stringify(JSON.parse(signed.rawBody));
    const error = await rejects(
      constructWebhookEvent(restringified, signed.headers, secret, { now }),
      'invalid_signature',
    );
    assert.match(error.message, /is 170\.5 where Cashfree sends 170\.50/);
  });

  test('a genuinely tampered body gets no re-serialisation hint', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    const error = await rejects(
      constructWebhookEvent(signed.rawBody.replace('170.00', '1.00'), signed.headers, secret, { now }),
      'invalid_signature',
    );
    assert.doesNotMatch(error.message, /re-serialised/);
  });

  test('missing or empty headers', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    for (const name of ['x-webhook-signature', 'x-webhook-timestamp']) {
      const { [name]: _dropped, ...without } = signed.headers;
      const error = await rejects(
        constructWebhookEvent(signed.rawBody, without, secret, { now }),
        'missing_header',
      );
      assert.match(error.message, new RegExp(name));
      await rejects(
        constructWebhookEvent(signed.rawBody, { ...signed.headers, [name]: '' }, secret, { now }),
        'missing_header',
      );
    }
  });

  test('a timestamp that is not epoch digits', async () => {
    const signed = await signWebhook({
      body: paymentSuccessBody(),
      secret,
      timestamp: '2025-01-15T11:16:10Z',
    });
    await rejects(
      constructWebhookEvent(signed.rawBody, signed.headers, secret, { now }),
      'invalid_timestamp',
    );
  });

  test('by default a day-old delivery (a Cashfree retry) verifies, an older one or one 301 s ahead does not', async () => {
    const verifyAt = async (signedAt: number, options = {}) => {
      const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: signedAt });
      return constructWebhookEvent(signed.rawBody, signed.headers, secret, { now, ...options });
    };
    assert.equal((await verifyAt(now - 86_400_000)).type, 'PAYMENT_SUCCESS_WEBHOOK');
    const stale = await rejects(verifyAt(now - 86_401_000), 'timestamp_outside_tolerance');
    assert.match(stale.message, /signed 86401 s ago, older than the 86400 s .*maxAgeSeconds/);
    assert.equal((await verifyAt(now + 300_000)).type, 'PAYMENT_SUCCESS_WEBHOOK');
    const future = await rejects(verifyAt(now + 301_000), 'timestamp_outside_tolerance');
    assert.match(future.message, /301 s in the future, beyond the clock skew of 300 s .*toleranceSeconds/);

    // A strict window, for accounts whose retries carry fresh timestamps; a wider skew.
    await rejects(verifyAt(now - 301_000, { maxAgeSeconds: 300 }), 'timestamp_outside_tolerance');
    assert.equal((await verifyAt(now + 599_000, { toleranceSeconds: 600 })).type, 'PAYMENT_SUCCESS_WEBHOOK');
    // maxAgeSeconds never undercuts the skew: a clock 200 s fast still accepts a fresh delivery.
    assert.equal((await verifyAt(now - 250_000, { maxAgeSeconds: 0 })).type, 'PAYMENT_SUCCESS_WEBHOOK');
    // toleranceSeconds: Infinity turns both bounds off (stored deliveries, on purpose).
    assert.equal(
      (await verifyAt(now - 30 * 86_400_000, { toleranceSeconds: Number.POSITIVE_INFINITY })).type,
      'PAYMENT_SUCCESS_WEBHOOK',
    );

    const seconds = await signWebhook({
      body: paymentSuccessBody(),
      secret,
      timestamp: String(Math.floor(now / 1000)),
    });
    const event = await constructWebhookEvent(seconds.rawBody, seconds.headers, secret, { now: () => now });
    assert.equal(event.delivery.timestamp, Math.floor(now / 1000) * 1000);
  });

  test('a body over maxBodyBytes is refused as body_too_large before any HMAC runs', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    const size = new TextEncoder().encode(signed.rawBody).byteLength;
    const spy = countHmacCalls();
    try {
      const error = await rejects(
        constructWebhookEvent(signed.rawBody, signed.headers, secret, { now, maxBodyBytes: size - 1 }),
        'body_too_large',
      );
      assert.match(error.message, new RegExp(`\\(${size} bytes\\) is over the ${size - 1}-byte limit`));
      assert.equal(spy.calls(), 0, 'nothing was hashed');
      const event = await constructWebhookEvent(signed.rawBody, signed.headers, secret, {
        now,
        maxBodyBytes: size,
      });
      assert.equal(event.type, 'PAYMENT_SUCCESS_WEBHOOK');
      assert.ok(spy.calls() > 0, 'the spy sees the HMAC of a body within the limit');
    } finally {
      spy.stop();
    }
    const big = 'x'.repeat(1_048_577);
    await rejects(constructWebhookEvent(big, signed.headers, secret, { now }), 'body_too_large');
    // Under the limit in UTF-16 units, over it in UTF-8 bytes: a string body is measured in bytes.
    const wide = await rejects(
      constructWebhookEvent('é'.repeat(600_000), signed.headers, secret, { now }),
      'body_too_large',
    );
    assert.match(wide.message, /\(1200000 bytes\)/);
    const emoji = await rejects(
      constructWebhookEvent('😀'.repeat(3), signed.headers, secret, { now, maxBodyBytes: 11 }),
      'body_too_large',
    );
    assert.match(emoji.message, /\(12 bytes\)/);
    await assert.rejects(
      constructWebhookEvent(signed.rawBody, signed.headers, secret, { maxBodyBytes: 0 }),
      /maxBodyBytes must be a whole number of bytes > 0/,
    );
  });

  test('a genuine signature over a body that is not a JSON object', async () => {
    for (const body of ['not json', '[1,2]', 'null']) {
      const signed = await signWebhook({ body, secret, timestamp: now });
      await rejects(constructWebhookEvent(signed.rawBody, signed.headers, secret, { now }), 'body_not_json');
    }
  });

  test('a wrong secret, and a hint when the secret has stray whitespace', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    await rejects(
      constructWebhookEvent(signed.rawBody, signed.headers, 'another-secret', { now }),
      'invalid_signature',
    );
    const error = await rejects(
      constructWebhookEvent(signed.rawBody, signed.headers, `${secret}\n`, { now }),
      'invalid_signature',
    );
    assert.match(error.message, /whitespace/);
  });

  test('an invalid toleranceSeconds is a programming error', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now });
    await assert.rejects(
      constructWebhookEvent(signed.rawBody, signed.headers, secret, { toleranceSeconds: -1 }),
      /toleranceSeconds must be a number of seconds >= 0/,
    );
  });
});

describe('headers', () => {
  test('Headers, Node-style records with arrays and mixed-case plain objects all work', async () => {
    const signed = await signWebhook({ body: paymentSuccessBody(), secret, timestamp: now, attempt: 3 });
    const shapes = [
      new Headers(signed.headers),
      Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k, [v]])),
      Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toUpperCase(), v])),
    ];
    for (const headers of shapes) {
      const event = await constructWebhookEvent(signed.rawBody, headers, secret, { now });
      assert.equal(event.delivery.attempt, 3);
      assert.equal(event.delivery.version, '2025-01-01');
    }
  });
});

describe('WebhookVerificationError', () => {
  test('extends CashfreeError and is recognised across copies by name', () => {
    const error = new WebhookVerificationError('invalid_signature', 'x');
    assert.ok(error instanceof CashfreeError);
    assert.ok(isCashfreeError(error));
    assert.equal(error.name, 'WebhookVerificationError');
    const foreign = Object.assign(new Error('x'), {
      name: 'WebhookVerificationError',
      reason: 'invalid_signature',
    });
    assert.ok(isWebhookVerificationError(foreign));
    assert.ok(!isWebhookVerificationError(new Error('x')));
  });
});
