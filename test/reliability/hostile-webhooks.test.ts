/**
 * Issue 12, point 4: hostile webhook requests are refused by every adapter (Express 5 and 4,
 * Fastify, Next.js, Hono, each on a real loopback server) and by constructWebhookEvent, with the
 * right status (400 for a refusal, 413 for a body over maxBodyBytes) and the handler never called.
 * A genuine delivery is the control: each target must accept it, so refusing everything fails.
 *
 * "Replayed" means three things here: a captured signature with a changed body or a fresh
 * timestamp (refused: the signature covers both), a capture older than the window (refused), and
 * the same genuine delivery sent again inside the window, which is answered 200 (Cashfree must stop
 * retrying) but recorded once, so the inbox runs its handler once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  constructWebhookEvent,
  isWebhookVerificationError,
  type SignedWebhook,
  signWebhook,
} from 'cashfree-kit/webhooks';
import { createMemoryInboxStore, createWebhookInbox } from 'cashfree-kit/webhooks/inbox';
import { countHmacCalls } from '../support/hmac-spy.ts';
import { paymentSuccessBody } from '../support/webhook-payloads.ts';
import { type HostileRequest, send, sendRaw } from './support/raw-http.ts';
import { SUITE_SECRET } from './support/suite-secret.ts';
import { startTarget, TARGET_NAMES, type TargetName, type WebhookTarget } from './support/webhook-targets.ts';

const SECRET = SUITE_SECRET;
const MiB = 1_048_576;
/**
 * Each case is one request to a loopback server (milliseconds; the 8 MiB upload about a second on
 * a busy 2-core machine): a bound that fails a hung adapter and never a slow machine.
 */
const CASE_TIMEOUT_MS = 20_000;

/**
 * How much of a chunked 8 MiB upload a server may read before it stops: the 1 MiB limit plus what
 * sits in socket buffers and the last 64 KiB chunks when reading stops. Measured on a shared 2-core
 * machine, also with four busy loops on its two cores: 1.09-1.19 MiB for Express 5 and 4, Next.js and Hono;
 * 2.18-2.28 MiB for Fastify, whose body parser stops listening at bodyLimit but leaves the request
 * stream flowing, so bytes go on being read (and dropped) until the connection closes after the 413.
 */
function readBound(name: TargetName): number {
  return name === 'fastify' ? 2.5 * MiB : 1.5 * MiB;
}

/** A delivery signed with SECRET at `timestamp` (default now). */
function signed(body = paymentSuccessBody(), timestamp?: number | string): Promise<SignedWebhook> {
  return signWebhook({ body, secret: SECRET, ...(timestamp === undefined ? {} : { timestamp }) });
}

function request(delivery: SignedWebhook, overrides: Partial<HostileRequest> = {}): HostileRequest {
  return { headers: { ...delivery.headers }, body: delivery.rawBody, ...overrides };
}

function withHeaders(delivery: SignedWebhook, headers: Record<string, string | string[]>): HostileRequest {
  return request(delivery, { headers: { ...delivery.headers, ...headers } });
}

/** A body of exactly `size` bytes that is valid JSON Cashfree-style (padding in a note field). */
function bodyOfSize(size: number): string {
  const base = paymentSuccessBody('order_big');
  const head = `${base.slice(0, -1)},"note":"`;
  return `${head}${'x'.repeat(size - Buffer.byteLength(head) - 2)}"}`;
}

interface HostileCase {
  name: string;
  build(): Promise<HostileRequest>;
  status: number;
  reason: string;
}

/** The catalogue. Every case is refused; every refusal names its reason. */
const cases: HostileCase[] = [
  {
    name: 'forged: signed with another secret',
    build: async () =>
      request(await signWebhook({ body: paymentSuccessBody(), secret: 'cfsk_ma_prod_attacker_guess' })),
    status: 400,
    reason: 'invalid_signature',
  },
  {
    name: 'forged: a random 32-byte signature',
    build: async () =>
      withHeaders(await signed(), {
        'x-webhook-signature': Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'),
      }),
    status: 400,
    reason: 'invalid_signature',
  },
  {
    name: 'forged: no signature header at all',
    build: async () => {
      const { 'x-webhook-signature': _, ...headers } = (await signed()).headers;
      return { headers, body: paymentSuccessBody() };
    },
    status: 400,
    reason: 'missing_header',
  },
  {
    name: 'replayed: a captured signature and timestamp over a changed amount',
    build: async () => {
      const capture = await signed();
      return request(capture, {
        body: capture.rawBody.replace('"order_amount":170.00', '"order_amount":1.00'),
      });
    },
    status: 400,
    reason: 'invalid_signature',
  },
  {
    name: 'replayed: a captured signature with a fresh timestamp',
    build: async () =>
      withHeaders(await signed(paymentSuccessBody(), Date.now() - 2 * 86_400_000), {
        'x-webhook-timestamp': String(Date.now()),
      }),
    status: 400,
    reason: 'invalid_signature',
  },
  {
    name: 'stale: a genuine delivery signed a day and a second ago',
    build: async () => request(await signed(paymentSuccessBody(), Date.now() - 86_401_000)),
    status: 400,
    reason: 'timestamp_outside_tolerance',
  },
  {
    name: 'future-dated: a genuine delivery signed 10 minutes ahead',
    build: async () => request(await signed(paymentSuccessBody(), Date.now() + 600_000)),
    status: 400,
    reason: 'timestamp_outside_tolerance',
  },
  {
    name: 'truncated: the first half of a genuine body',
    build: async () => {
      const capture = await signed();
      return request(capture, { body: capture.rawBody.slice(0, capture.rawBody.length / 2) });
    },
    status: 400,
    reason: 'invalid_signature',
  },
  {
    name: 'truncated: a genuine body without its last byte',
    build: async () => {
      const capture = await signed();
      return request(capture, { body: capture.rawBody.slice(0, -1) });
    },
    status: 400,
    reason: 'invalid_signature',
  },
  {
    name: 'non-JSON: genuinely signed text',
    build: async () => request(await signed('not json, {"type":"PAYMENT_SUCCESS_WEBHOOK"}')),
    status: 400,
    reason: 'body_not_json',
  },
  {
    name: 'non-JSON: a genuinely signed JSON array',
    build: async () => request(await signed('[{"type":"PAYMENT_SUCCESS_WEBHOOK","data":{}}]')),
    status: 400,
    reason: 'body_not_json',
  },
  {
    name: 'non-JSON: an unsigned form post',
    build: async () => ({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=PAYMENT_SUCCESS_WEBHOOK&order_id=order_1',
    }),
    status: 400,
    reason: 'missing_header',
  },
  {
    name: 'non-JSON: a forged body sent as text/plain',
    build: async () => ({
      ...withHeaders(await signed(), { 'content-type': 'text/plain' }),
      body: '{"type":"forged"}',
    }),
    status: 400,
    reason: 'invalid_signature',
  },
  {
    name: 'smuggled: two x-webhook-signature lines, the genuine one first',
    build: async () => {
      const capture = await signed();
      return withHeaders(capture, { 'x-webhook-signature': [capture.signature, 'Zm9yZ2Vk'] });
    },
    status: 400,
    reason: 'invalid_signature',
  },
  {
    name: 'smuggled: two x-webhook-signature lines, the genuine one last',
    build: async () => {
      const capture = await signed();
      return withHeaders(capture, { 'x-webhook-signature': ['Zm9yZ2Vk', capture.signature] });
    },
    status: 400,
    reason: 'invalid_signature',
  },
  {
    name: 'smuggled: the genuine signature twice in one comma-joined value',
    build: async () => {
      const capture = await signed();
      return withHeaders(capture, { 'x-webhook-signature': `${capture.signature}, ${capture.signature}` });
    },
    status: 400,
    reason: 'invalid_signature',
  },
  {
    name: 'smuggled: two identical x-webhook-timestamp lines',
    build: async () => {
      const capture = await signed();
      return withHeaders(capture, { 'x-webhook-timestamp': [capture.timestamp, capture.timestamp] });
    },
    status: 400,
    reason: 'invalid_timestamp',
  },
  {
    name: 'smuggled: a signature with a space inside',
    build: async () => {
      const capture = await signed();
      const s = capture.signature;
      return withHeaders(capture, { 'x-webhook-signature': `${s.slice(0, 20)} ${s.slice(20)}` });
    },
    status: 400,
    reason: 'invalid_signature',
  },
  {
    name: 'smuggled: a signed timestamp with a + sign',
    build: async () => {
      const timestamp = `+${Date.now()}`;
      return request(await signed(paymentSuccessBody(), timestamp));
    },
    status: 400,
    reason: 'invalid_timestamp',
  },
];

describe('hostile webhooks (point 4)', () => {
  // Every case, prepared (signed) before any target sees it.
  const prepared = new Map<string, HostileRequest>();
  before(async () => {
    for (const hostile of cases) prepared.set(hostile.name, await hostile.build());
    prepared.set('oversized', request(await signed(bodyOfSize(2 * MiB))));
    const streamed = await signed(bodyOfSize(8 * MiB));
    const { 'content-length': _, ...headers } = streamed.headers;
    prepared.set('oversized-stream', { headers, body: streamed.rawBody, chunked: true });
  });

  for (const name of TARGET_NAMES) {
    describe(name, () => {
      let target: WebhookTarget;
      const closers: (() => Promise<void> | void)[] = [];
      before(async () => {
        target = await startTarget({ after: (fn) => closers.push(fn) }, name, { secret: SECRET });
      });
      after(() => Promise.all(closers.map((close) => close())));

      test('control: a genuine delivery is accepted and handled once', {
        timeout: CASE_TIMEOUT_MS,
      }, async () => {
        const answer = await send(target.url, request(await signed()));
        assert.deepEqual(answer, { status: 200, json: { received: true } });
        assert.equal(target.handled.length, 1);
        target.handled.length = 0;
      });

      test('oversized, declared: a genuine 2 MiB delivery is 413 body_too_large, and nothing is hashed', {
        timeout: CASE_TIMEOUT_MS,
      }, async () => {
        const delivery = prepared.get('oversized') as HostileRequest;
        const handledBefore = target.handled.length;
        const spy = countHmacCalls();
        const answer = await send(target.url, delivery).finally(() => spy.stop());
        assert.equal(answer.status, 413, JSON.stringify(answer.json));
        assert.equal(answer.json?.error?.reason, 'body_too_large');
        assert.equal(spy.calls(), 0, 'an HMAC ran for an oversized body');
        assert.equal(target.handled.length, handledBefore);
      });

      test('oversized, streamed: a chunked 8 MiB upload is 413 and reading stops near the 1 MiB limit', {
        timeout: CASE_TIMEOUT_MS,
      }, async () => {
        const delivery = prepared.get('oversized-stream') as HostileRequest;
        const handledBefore = target.handled.length;
        let before = target.bytesRead();
        const spy = countHmacCalls();
        const answer = await sendThroughHangUps(() => {
          before = target.bytesRead();
          return send(target.url, delivery);
        }).finally(() => spy.stop());
        assert.equal(answer.status, 413, JSON.stringify(answer.json));
        assert.equal(answer.json?.error?.reason, 'body_too_large');
        assert.equal(spy.calls(), 0);
        // The socket closes after the answer; count what the server had read of the 8 MiB by then.
        for (let i = 0; i < 100 && target.bytesRead() === before; i++) await sleep(10);
        const read = target.bytesRead() - before;
        console.log(`[reliability] hostile-webhooks: ${name} read ${(read / MiB).toFixed(2)} MiB of 8 MiB`);
        const bound = readBound(name);
        assert.ok(
          read > 0 && read <= bound,
          `the server read ${read} bytes of an 8 MiB upload (bound ${bound})`,
        );
        assert.equal(target.handled.length, handledBefore);
      });

      for (const hostile of cases) {
        test(`${hostile.name}: ${hostile.status} ${hostile.reason}`, {
          timeout: CASE_TIMEOUT_MS,
        }, async () => {
          const handledBefore = target.handled.length;
          const answer = await send(target.url, prepared.get(hostile.name) as HostileRequest);
          assert.equal(answer.status, hostile.status, JSON.stringify(answer.json));
          assert.equal(answer.json?.error?.reason, hostile.reason);
          assert.equal(target.handled.length, handledBefore, 'the handler must not run');
        });
      }
    });
  }
});

/**
 * A server that answers 413 and closes while the client is still writing can reset the connection
 * before the client has read the answer (the kernel drops unread data on a reset): on a busy
 * machine the client then sees EPIPE or ECONNRESET and no answer. That is the network's race, not
 * the server's behaviour, so the upload is tried again (up to 3 times) until an answer is read.
 */
async function sendThroughHangUps(attempt: () => Promise<Awaited<ReturnType<typeof send>>>) {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (tries >= 3 || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw error;
    }
  }
}

describe('hostile webhooks through constructWebhookEvent (point 4)', () => {
  test('oversized: a genuine 2 MiB delivery is body_too_large, and nothing is hashed', {
    timeout: CASE_TIMEOUT_MS,
  }, async () => {
    const delivery = await signed(bodyOfSize(2 * MiB));
    const spy = countHmacCalls();
    try {
      await constructWebhookEvent(delivery.rawBody, delivery.headers, SECRET);
      assert.fail('accepted');
    } catch (error) {
      assert.ok(isWebhookVerificationError(error), String(error));
      assert.equal(error.reason, 'body_too_large');
    } finally {
      spy.stop();
    }
    assert.equal(spy.calls(), 0);
  });

  for (const hostile of cases) {
    test(`${hostile.name}: ${hostile.reason}`, { timeout: CASE_TIMEOUT_MS }, async () => {
      const { headers, body } = await hostile.build();
      // What a Node server hands over for repeated header lines: one value joined with ", ".
      const joined = Object.fromEntries(
        Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
      );
      try {
        await constructWebhookEvent(Buffer.from(body), joined, SECRET);
        assert.fail('accepted');
      } catch (error) {
        assert.ok(isWebhookVerificationError(error), String(error));
        assert.equal(error.reason, hostile.reason);
      }
    });
  }
});

describe('a configured maxBodyBytes on every adapter (point 4)', () => {
  const closers: (() => Promise<void> | void)[] = [];
  after(() => Promise.all(closers.map((close) => close())));
  for (const name of TARGET_NAMES) {
    test(`${name}: 4096 bytes verify, 4097 are 413 before hashing`, {
      timeout: CASE_TIMEOUT_MS,
    }, async () => {
      const target = await startTarget({ after: (fn) => closers.push(fn) }, name, {
        secret: SECRET,
        maxBodyBytes: 4096,
      });
      const atLimit = await signed(bodyOfSize(4096));
      assert.equal(Buffer.byteLength(atLimit.rawBody), 4096);
      assert.equal((await send(target.url, request(atLimit))).status, 200);
      const over = await signed(bodyOfSize(4097));
      const spy = countHmacCalls();
      const answer = await send(target.url, request(over)).finally(() => spy.stop());
      assert.equal(answer.status, 413);
      assert.match(answer.json?.error?.message ?? '', /over the 4096-byte limit \(maxBodyBytes\)/);
      assert.equal(spy.calls(), 0);
      assert.equal(target.handled.length, 1, 'only the delivery within the limit was handled');
    });
  }
});

describe('smuggling at the HTTP level: refused by Node before any adapter runs (point 4)', () => {
  const closers: (() => Promise<void> | void)[] = [];
  after(() => Promise.all(closers.map((close) => close())));
  const targets = new Map<string, WebhookTarget>();
  before(async () => {
    for (const name of TARGET_NAMES) {
      targets.set(name, await startTarget({ after: (fn) => closers.push(fn) }, name, { secret: SECRET }));
    }
  });

  const rawCases: { name: string; head: (d: SignedWebhook) => string; body: (d: SignedWebhook) => string }[] =
    [
      {
        name: 'Content-Length and Transfer-Encoding together (a desync attempt)',
        head: (d) =>
          [
            'POST {path} HTTP/1.1',
            'Host: {host}',
            'Content-Type: application/json',
            `x-webhook-signature: ${d.signature}`,
            `x-webhook-timestamp: ${d.timestamp}`,
            `Content-Length: ${Buffer.byteLength(d.rawBody)}`,
            'Transfer-Encoding: chunked',
          ].join('\r\n'),
        body: (d) => `${Buffer.byteLength(d.rawBody).toString(16)}\r\n${d.rawBody}\r\n0\r\n\r\n`,
      },
      {
        name: 'a signature folded onto a second line (obs-fold)',
        head: (d) =>
          [
            'POST {path} HTTP/1.1',
            'Host: {host}',
            'Content-Type: application/json',
            `x-webhook-signature: ${d.signature.slice(0, 22)}`,
            ` ${d.signature.slice(22)}`,
            `x-webhook-timestamp: ${d.timestamp}`,
            `Content-Length: ${Buffer.byteLength(d.rawBody)}`,
            'Connection: close',
          ].join('\r\n'),
        body: (d) => d.rawBody,
      },
      {
        name: 'a bare CR inside the signature header',
        head: (d) =>
          [
            'POST {path} HTTP/1.1',
            'Host: {host}',
            'Content-Type: application/json',
            `x-webhook-signature: ${d.signature}\rx-webhook-signature: Zm9yZ2Vk`,
            `x-webhook-timestamp: ${d.timestamp}`,
            `Content-Length: ${Buffer.byteLength(d.rawBody)}`,
            'Connection: close',
          ].join('\r\n'),
        body: (d) => d.rawBody,
      },
    ];

  for (const raw of rawCases) {
    for (const name of TARGET_NAMES) {
      test(`${name}: ${raw.name} is 400, handler not called`, { timeout: CASE_TIMEOUT_MS }, async () => {
        const target = targets.get(name) as WebhookTarget;
        const delivery = await signed();
        const handledBefore = target.handled.length;
        const answer = await sendRaw(target.url, raw.head(delivery), raw.body(delivery));
        assert.equal(answer.status, 400);
        assert.equal(target.handled.length, handledBefore);
      });
    }
  }
});

describe('a genuine delivery replayed inside the window (point 4)', () => {
  const closers: (() => Promise<void> | void)[] = [];
  after(() => Promise.all(closers.map((close) => close())));
  for (const name of TARGET_NAMES) {
    test(`${name}: answered 200 each time (so Cashfree stops), handled once through the inbox`, {
      timeout: CASE_TIMEOUT_MS,
    }, async () => {
      const runs: string[] = [];
      const inbox = createWebhookInbox({
        store: createMemoryInboxStore(),
        handler: (_event, { key }) => void runs.push(key),
      });
      const target = await startTarget({ after: (fn) => closers.push(fn) }, name, {
        secret: SECRET,
        onEvent: (event) => inbox.receive(event),
      });
      const capture = request(await signed(paymentSuccessBody(`order_replay_${name.replace(' ', '')}`)));
      for (let i = 0; i < 3; i++) assert.equal((await send(target.url, capture)).status, 200);
      assert.deepEqual(await inbox.processPending(), { succeeded: 1, retried: 0, deadLettered: 0 });
      assert.equal(runs.length, 1);
      assert.equal((await inbox.get(runs[0] as string))?.deliveries, 3);
    });
  }
});
