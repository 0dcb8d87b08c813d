/**
 * Property tests: thousands of generated webhooks. Every genuine delivery verifies; every tampered
 * body, wrong secret, replayed or future timestamp, forged signature and missing header is
 * rejected with the right reason.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { WEBHOOK_EVENT_TYPES } from './events.js';
import {
  constructWebhookEvent,
  isWebhookVerificationError,
  type RawBody,
  signWebhook,
  type WebhookVerificationReason,
  webhookEventType,
} from './index.js';

const numRuns = 1000;

const printable = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
// Printable secrets like Cashfree's. (HMAC pads short keys with zero bytes, so "k" and "k\0" are
// the same key by design of HMAC; real secrets never contain NUL.)
const secretArb = fc.string({ unit: printable, minLength: 1, maxLength: 64 });
const knownTypes = Object.values(WEBHOOK_EVENT_TYPES).flat();
const typeArb = fc.oneof(fc.constantFrom(...knownTypes), fc.string({ unit: 'grapheme', maxLength: 30 }));
// Amounts as Cashfree prints them, two decimals kept ("170.00").
const amountArb = fc
  .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([rupees, paise]) => `${rupees}.${String(paise).padStart(2, '0')}`);
// Any Unicode, astral planes and lone surrogates included (JSON.stringify escapes the latter).
const textArb = fc.string({ unit: 'binary', maxLength: 40 });

/** A webhook body as raw text, compact or indented, carrying non-ASCII text and 2-decimal amounts. */
const bodyArb = fc
  .record({
    type: typeArb,
    orderId: textArb,
    name: textArb,
    amount: amountArb,
    extra: fc.jsonValue({ maxDepth: 2 }),
    indent: fc.constantFrom('', ' ', '\n  '),
  })
  .map(
    ({ type, orderId, name, amount, extra, indent: s }) =>
      `{${s}"data":{${s}"order":{"order_id":${JSON.stringify(orderId)},${s}"order_amount":${amount}},` +
      `${s}"customer_details":{"customer_name":${JSON.stringify(name)}},${s}"extra":${JSON.stringify(extra)}},` +
      `${s}"event_time":"2025-01-15T11:16:10+05:30",${s}"type":${JSON.stringify(type)}${s}}`,
  );

const nowArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) });
const toleranceArb = fc.integer({ min: 5, max: 3600 });

type BodyForm = 'string' | 'buffer' | 'uint8array' | 'arraybuffer';
const formArb = fc.constantFrom<BodyForm>('string', 'buffer', 'uint8array', 'arraybuffer');

function asForm(text: string, form: BodyForm): RawBody {
  const bytes = new TextEncoder().encode(text);
  if (form === 'string') return text;
  if (form === 'buffer') return Buffer.from(bytes);
  return form === 'uint8array' ? bytes : bytes.buffer;
}

async function reasonOf(promise: Promise<unknown>): Promise<WebhookVerificationReason | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (isWebhookVerificationError(error)) return error.reason;
    throw error;
  }
}

test('every genuine delivery within the tolerance verifies (ms or s timestamps, any body form)', async () => {
  await fc.assert(
    fc.asyncProperty(
      bodyArb,
      secretArb,
      nowArb,
      toleranceArb,
      fc.double({ min: -0.99, max: 0.99, noNaN: true }),
      fc.boolean(),
      formArb,
      async (body, secret, now, tolerance, skewFraction, inSeconds, form) => {
        const signedAt = Math.round(now + skewFraction * (tolerance - 1) * 1000);
        const timestamp = inSeconds ? String(Math.floor(signedAt / 1000)) : String(signedAt);
        const signed = await signWebhook({ body, secret, timestamp });
        const event = await constructWebhookEvent(asForm(signed.rawBody, form), signed.headers, secret, {
          now,
          toleranceSeconds: tolerance,
          maxAgeSeconds: tolerance,
        });
        assert.equal(webhookEventType(event), (JSON.parse(body) as { type: string }).type);
        assert.equal(event.delivery.timestamp, inSeconds ? Math.floor(signedAt / 1000) * 1000 : signedAt);
      },
    ),
    { numRuns },
  );
});

test('every tampered body (a byte flipped, inserted or deleted) is rejected as invalid_signature', async () => {
  const tamperArb = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  );
  await fc.assert(
    fc.asyncProperty(bodyArb, secretArb, nowArb, tamperArb, async (body, secret, now, tamper) => {
      const signed = await signWebhook({ body, secret, timestamp: now });
      const bytes = Array.from(new TextEncoder().encode(signed.rawBody));
      const at = tamper.at % (bytes.length + (tamper.kind === 'insert' ? 1 : 0));
      if (tamper.kind === 'flip') bytes[at] = (bytes[at] ?? 0) ^ tamper.mask;
      if (tamper.kind === 'insert') bytes.splice(at, 0, tamper.byte);
      if (tamper.kind === 'delete') bytes.splice(at, 1);
      const reason = await reasonOf(
        constructWebhookEvent(Uint8Array.from(bytes), signed.headers, secret, { now }),
      );
      assert.equal(reason, 'invalid_signature');
    }),
    { numRuns },
  );
});

test('every wrong secret is rejected as invalid_signature', async () => {
  await fc.assert(
    fc.asyncProperty(bodyArb, secretArb, secretArb, nowArb, async (body, secret, other, now) => {
      fc.pre(secret !== other);
      const signed = await signWebhook({ body, secret, timestamp: now });
      assert.equal(
        await reasonOf(constructWebhookEvent(signed.rawBody, signed.headers, other, { now })),
        'invalid_signature',
      );
    }),
    { numRuns },
  );
});

test('every genuine but stale or future timestamp beyond the tolerance is rejected', async () => {
  await fc.assert(
    fc.asyncProperty(
      bodyArb,
      secretArb,
      nowArb,
      toleranceArb,
      fc.integer({ min: 1, max: 10 * 365 * 86_400_000 }),
      fc.boolean(),
      fc.boolean(),
      async (body, secret, now, tolerance, beyondMs, future, inSeconds) => {
        // In seconds the header loses up to 999 ms, so step a full extra second past the edge.
        const distance = tolerance * 1000 + beyondMs + (inSeconds ? 1000 : 0);
        const signedAt = future ? now + distance : now - distance;
        const timestamp = inSeconds ? String(Math.floor(signedAt / 1000)) : String(signedAt);
        const signed = await signWebhook({ body, secret, timestamp });
        const reason = await reasonOf(
          constructWebhookEvent(signed.rawBody, signed.headers, secret, {
            now,
            toleranceSeconds: tolerance,
            maxAgeSeconds: tolerance,
          }),
        );
        assert.equal(reason, 'timestamp_outside_tolerance');
      },
    ),
    { numRuns },
  );
});

test('a signature replayed with a fresh timestamp, or altered, is rejected', async () => {
  await fc.assert(
    fc.asyncProperty(
      bodyArb,
      secretArb,
      nowArb,
      fc.integer({ min: 1, max: 299_000 }),
      fc.string({ unit: printable, minLength: 1, maxLength: 60 }),
      async (body, secret, now, shift, forged) => {
        const signed = await signWebhook({ body, secret, timestamp: now - shift });
        const refreshed = { ...signed.headers, 'x-webhook-timestamp': String(now) };
        assert.equal(
          await reasonOf(constructWebhookEvent(signed.rawBody, refreshed, secret, { now })),
          'invalid_signature',
        );
        fc.pre(forged !== signed.signature);
        const altered = { ...signed.headers, 'x-webhook-signature': forged };
        assert.equal(
          await reasonOf(constructWebhookEvent(signed.rawBody, altered, secret, { now })),
          'invalid_signature',
        );
      },
    ),
    { numRuns },
  );
});

test('a missing or empty signature or timestamp header is rejected as missing_header, whatever the headers shape', async () => {
  await fc.assert(
    fc.asyncProperty(
      bodyArb,
      secretArb,
      nowArb,
      fc.subarray(['x-webhook-signature', 'x-webhook-timestamp'], { minLength: 1 }),
      fc.constantFrom('delete', 'empty'),
      fc.constantFrom('Headers', 'record', 'UPPER-CASE record'),
      async (body, secret, now, names, how, shape) => {
        const signed = await signWebhook({ body, secret, timestamp: now });
        const headers: Record<string, string> = { ...signed.headers };
        for (const name of names) {
          if (how === 'delete') delete headers[name];
          else headers[name] = '';
        }
        const shaped =
          shape === 'Headers'
            ? new Headers(headers)
            : shape === 'record'
              ? headers
              : Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
        assert.equal(
          await reasonOf(constructWebhookEvent(signed.rawBody, shaped, secret, { now })),
          'missing_header',
        );
      },
    ),
    { numRuns },
  );
});

test('signWebhook agrees with an independent node:crypto HMAC on every input', async () => {
  await fc.assert(
    fc.asyncProperty(bodyArb, secretArb, nowArb, async (body, secret, now) => {
      const signed = await signWebhook({ body, secret, timestamp: now });
      const expected = createHmac('sha256', secret).update(`${now}${body}`, 'utf8').digest('base64');
      assert.equal(signed.signature, expected);
    }),
    { numRuns },
  );
});
