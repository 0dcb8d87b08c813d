/**
 * Issue 12, point 6: the client secret never appears in any error (message, stack, cause chain,
 * toJSON, util.inspect, String), hook event, log line, CLI output or sandbox page. Everything the
 * SDK, the sandbox and the CLI produce for a battery of successes and failures is captured and
 * scanned for the secret in every spelling a leak could take (support/suite-secret.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inspect } from 'node:util';
import { type RunningSandbox, startSandbox } from '@cashfree-kit/sandbox';
import { Cashfree, type ClientOptions } from 'cashfree-kit';
import { createFakeFetch, errorResponse, jsonResponse } from 'cashfree-kit/testing';
import { constructWebhookEvent, signWebhook } from 'cashfree-kit/webhooks';
import { payWithTestCard, runCli, startCli } from '../../packages/cli/test/support.ts';
import { sendJson, startLoopbackServer } from '../support/loopback-server.ts';
import { paymentSuccessBody } from '../support/webhook-payloads.ts';
import { closedPort } from './support/closed-port.ts';
import { SUITE_SECRET, secretLeaks } from './support/suite-secret.ts';
import { startTarget } from './support/webhook-targets.ts';

const APP_ID = 'TESTreliabilitysecrets';

/** Every way an error can be looked at, its cause chain included. */
function everyView(error: unknown): string {
  const views: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 10 && current !== undefined && current !== null; depth++) {
    views.push(String(current), inspect(current, { depth: 20, showHidden: true }));
    try {
      views.push(JSON.stringify(current) ?? '');
    } catch {
      // a cycle: inspect above already walked it
    }
    if (current instanceof Error) {
      views.push(current.message, current.stack ?? '');
      const json = (current as { toJSON?: () => unknown }).toJSON?.();
      if (json !== undefined) views.push(JSON.stringify(json));
      views.push(
        JSON.stringify(
          Object.fromEntries(
            Object.getOwnPropertyNames(current).map((k) => [k, String((current as never)[k])]),
          ),
        ),
      );
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return views.join('\n');
}

/** Asserts no capture holds the secret, naming the capture and how it leaked. */
function assertClean(captures: Map<string, string>): void {
  const leaks = [...captures].flatMap(([label, text]) => secretLeaks(text).map((how) => `${label}: ${how}`));
  assert.deepEqual(leaks, []);
  assert.ok(captures.size > 0);
}

/** Captures console output while `fn` runs. */
async function withConsole<T>(log: string[], fn: () => Promise<T>): Promise<T> {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((name) => console[name]);
  for (const name of methods) {
    console[name] = (...args: unknown[]) =>
      void log.push(args.map((a) => inspect(a, { depth: 20 })).join(' '));
  }
  try {
    return await fn();
  } finally {
    methods.forEach((name, i) => {
      console[name] = originals[i] as (typeof console)[typeof name];
    });
  }
}

describe('the secret never leaves in anything the SDK, the sandbox or the CLI produce (point 6)', () => {
  let sandbox: RunningSandbox;
  let otherSandbox: RunningSandbox;
  const consoleLines: string[] = [];
  before(async () => {
    sandbox = await startSandbox({ port: 0, db: ':memory:', appId: APP_ID, secretKey: SUITE_SECRET });
    otherSandbox = await startSandbox({
      port: 0,
      db: ':memory:',
      appId: APP_ID,
      secretKey: 'cfsk_ma_test_another_account_0000',
    });
  });
  after(async () => {
    await sandbox.close();
    await otherSandbox.close();
  });

  test('SDK: errors of every kind, the client object and every hook event', async (t) => {
    const captures = new Map<string, string>();
    const events: unknown[] = [];
    const hooks: Partial<ClientOptions> = {
      onRequest: (e) => void events.push(e),
      onResponse: (e) => void events.push(e),
      onError: (e) => void events.push(e),
    };
    const client = (options: Partial<ClientOptions>) =>
      new Cashfree({
        appId: APP_ID,
        secretKey: SUITE_SECRET,
        environment: 'sandbox',
        maxRetries: 1,
        ...hooks,
        ...options,
      });
    const failure = async (label: string, call: () => Promise<unknown>) => {
      const error = await call().then(
        () => assert.fail(`${label}: expected a failure`),
        (e: unknown) => e,
      );
      captures.set(label, everyView(error));
    };
    // A server that quotes the request back, as a misbehaving proxy or debug endpoint would.
    const echo = await startLoopbackServer(t, (request, response) =>
      sendJson(response, 400, {
        message: `bad request; headers were ${JSON.stringify(request.headers)}`,
        code: 'request_invalid',
        type: 'invalid_request_error',
      }),
    );
    const leakyNetwork = () =>
      new TypeError(`fetch failed for ${SUITE_SECRET}`, {
        cause: Object.assign(
          new Error(`socket hang up; x-client-secret: ${encodeURIComponent(SUITE_SECRET)}`),
          {
            code: 'ECONNRESET',
          },
        ),
      });

    await withConsole(consoleLines, async () => {
      const live = client({ baseUrl: sandbox.apiBase });
      const order = await live.orders.create({
        order_amount: 499,
        order_currency: 'INR',
        customer_details: { customer_id: 'cust_secret', customer_phone: '9876543210' },
      });
      captures.set('a created order', JSON.stringify(order));
      await failure('ValidationError (amount)', () => live.orders.create({ order_amount: 499.999 } as never));
      await failure('NotFoundError from the sandbox', () => live.orders.get('order_missing_123'));
      await failure('AuthenticationError (another account)', () =>
        client({ baseUrl: otherSandbox.apiBase }).orders.get('order_1'),
      );
      await failure('ApiError echoing the request headers', () =>
        client({ baseUrl: echo.url }).orders.get('o_1'),
      );
      await failure('ConnectionError (nobody listening)', async () =>
        client({ baseUrl: `http://127.0.0.1:${await closedPort()}/pg`, maxRetries: 0 }).orders.get('o_1'),
      );
      await failure('ConnectionError (a failure quoting the secret)', () =>
        client({ fetch: createFakeFetch(leakyNetwork) }).orders.get('o_1'),
      );
      await failure('TimeoutError', () =>
        client({ fetch: createFakeFetch(() => new Promise(() => {})), timeoutMs: 5 }).orders.get('o_1'),
      );
      const controller = new AbortController();
      const aborted = client({ fetch: createFakeFetch(() => new Promise(() => {})) }).orders.get('o_1', {
        signal: controller.signal,
      });
      controller.abort(new Error(`user left; key ${SUITE_SECRET}`));
      await failure('RequestAbortedError (a reason quoting the secret)', () => aborted);
      await failure('ApiError (a 200 that is not JSON, quoting the secret)', () =>
        client({ fetch: createFakeFetch(() => new Response(`<html>${SUITE_SECRET}</html>`)) }).orders.get(
          'o_1',
        ),
      );
      await failure('ApiError (a 500 quoting the secret)', () =>
        client({
          fetch: createFakeFetch(() => errorResponse(500, `upstream saw ${SUITE_SECRET}`, 'internal_error')),
          maxRetries: 0,
        }).orders.get('o_1'),
      );
      await failure('a hook that throws with the secret', () =>
        client({
          fetch: createFakeFetch(() => jsonResponse({})),
          onRequest: () => {
            throw new Error(`hook saw ${SUITE_SECRET}`);
          },
        }).orders.get('o_1'),
      );
      for (const [label, secretKey] of [
        ['a secret with a space inside', `${SUITE_SECRET.slice(0, 20)} ${SUITE_SECRET.slice(20)}`],
        ['a secret with a non-ASCII character', `${SUITE_SECRET}é`],
      ] as const) {
        await failure(`ValidationError (${label})`, async () => client({ secretKey }));
      }
      const signed = await signWebhook({ body: paymentSuccessBody(), secret: 'cfsk_ma_test_wrong_secret_1' });
      await failure('WebhookVerificationError (wrong secret)', () =>
        constructWebhookEvent(signed.rawBody, signed.headers, SUITE_SECRET),
      );
      await failure('WebhookVerificationError (the secret with whitespace)', () =>
        constructWebhookEvent(signed.rawBody, signed.headers, ` ${SUITE_SECRET}\n`),
      );
      const object = client({});
      captures.set(
        'the client object',
        [
          inspect(object, { depth: 20, showHidden: true }),
          JSON.stringify(object),
          String(object),
          Object.getOwnPropertyNames(object).join(','),
        ].join('\n'),
      );
    });
    captures.set(
      'hook events',
      events.map((e) => `${JSON.stringify(e)}\n${inspect(e, { depth: 20, showHidden: true })}`).join('\n'),
    );
    assert.ok(events.length >= 20, `${events.length} hook events`);
    assertClean(captures);
  });

  test('webhook adapters: rejections, handler failures and their log lines', async (t) => {
    const captures = new Map<string, string>();
    const log: string[] = [];
    const closers: (() => Promise<void> | void)[] = [];
    t.after(() => Promise.all(closers.map((close) => close())));
    await withConsole(log, async () => {
      const target = await startTarget({ after: (fn) => closers.push(fn) }, 'express 5', {
        secret: SUITE_SECRET,
        onEvent: () => {
          throw new Error('the database is down');
        },
      });
      const good = await signWebhook({ body: paymentSuccessBody(), secret: SUITE_SECRET });
      const forged = await signWebhook({ body: paymentSuccessBody(), secret: 'cfsk_ma_test_forger' });
      for (const [label, delivery] of [
        ['a handler failure (500)', good],
        ['a forged delivery (400)', forged],
      ] as const) {
        const response = await fetch(target.url, {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.rawBody,
        });
        captures.set(label, `${response.status} ${await response.text()}`);
      }
      captures.set(
        'onError',
        target.errors.map((e) => inspect(e, { depth: 20, showHidden: true })).join('\n'),
      );
    });
    captures.set('console', log.join('\n'));
    assertClean(captures);
  });

  test('sandbox: API answers, dashboard, checkout and link pages, admin JSON and webhook deliveries', async (t) => {
    const captures = new Map<string, string>();
    const receiver = await startLoopbackServer(t, (_request, response) => sendJson(response, 200, {}));
    const api = (path: string, init: RequestInit = {}, secret = SUITE_SECRET) =>
      fetch(`${sandbox.url}${path}`, {
        ...init,
        headers: {
          'x-client-id': APP_ID,
          'x-client-secret': secret,
          'x-api-version': '2025-01-01',
          'content-type': 'application/json',
          ...(init.headers as Record<string, string>),
        },
      });
    await withConsole(consoleLines, async () => {
      // The flow through the SDK, keeping every answer for the scan.
      const cashfree = new Cashfree({
        appId: APP_ID,
        secretKey: SUITE_SECRET,
        environment: 'sandbox',
        baseUrl: sandbox.apiBase,
        onResponse: (event) =>
          void captures.set(`response ${event.method} ${event.url}`, JSON.stringify(event)),
      });
      const order = await cashfree.orders.create({
        order_amount: 499,
        order_currency: 'INR',
        customer_details: { customer_id: 'cust_pages', customer_phone: '9876543210' },
        order_meta: { notify_url: `${receiver.url}/hook`, return_url: 'https://shop.example/return' },
      });
      captures.set('create order', JSON.stringify(order));
      const paymentId = await payWithTestCard(cashfree, order.order_id);
      captures.set('payments', JSON.stringify(await cashfree.payments.get(order.order_id, paymentId)));
      const linkEntity = await cashfree.links.create({
        link_id: 'link_secrets_1',
        link_amount: 99,
        link_currency: 'INR',
        link_purpose: 'Secrets page',
        customer_details: { customer_phone: '9876543210' },
      });
      captures.set('create link', JSON.stringify(linkEntity));
      for (const [label, path] of [
        ['dashboard', '/_sandbox/'],
        ['dashboard order page', `/_sandbox/orders/${order.order_id}`],
        ['checkout page', `/checkout/sessions/${order.payment_session_id}`],
        ['link page', new URL(linkEntity.link_url).pathname],
        ['cashfree.js', '/js/v3/cashfree.js'],
        ['admin state', '/_sandbox/state'],
        ['admin jobs', '/_sandbox/jobs'],
        ['webhook deliveries', '/_sandbox/webhooks/deliveries'],
        ['an unknown page', '/_sandbox/nothing-here'],
      ] as const) {
        const page = await fetch(`${sandbox.url}${path}`);
        captures.set(`${label} (${page.status})`, await page.text());
      }
      for (const [label, response] of [
        [
          '401 for the secret sent to another account',
          await api('/pg/orders/x', {}, SUITE_SECRET.replace('rel', 'ler')),
        ],
        ['401 for a secret with the real one inside', await api('/pg/orders/x', {}, `${SUITE_SECRET}x`)],
        ['400 for a bad body', await api('/pg/orders', { method: 'POST', body: '{"order_amount":' })],
      ] as const) {
        captures.set(label, `${response.status} ${await response.text()}`);
      }
      await sandbox.sandbox.advanceClock(0);
      for (let i = 0; i < 100 && receiver.requests.length === 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      captures.set('webhooks received', JSON.stringify(receiver.requests));
      assert.ok(receiver.requests.length > 0, 'a webhook was delivered');
    });
    captures.set('console', consoleLines.join('\n'));
    assertClean(captures);
  });

  test('CLI: every command, on success and failure, text and --json', { timeout: 120_000 }, async (t) => {
    const captures = new Map<string, string>();
    const env = {
      CASHFREE_APP_ID: APP_ID,
      CASHFREE_SECRET_KEY: SUITE_SECRET,
      CASHFREE_ENV: 'TEST',
      CASHFREE_BASE_URL: sandbox.apiBase,
    };
    const receiver = await startLoopbackServer(t, (_request, response) => sendJson(response, 200, {}));
    const unreachable = `http://127.0.0.1:${await closedPort()}/pg`;
    const signed = await signWebhook({ body: paymentSuccessBody(), secret: 'cfsk_ma_test_wrong_secret_1' });
    const runs: [string, string[], Record<string, string>, string?][] = [
      ['doctor', ['doctor'], env],
      ['doctor --json', ['doctor', '--json'], env],
      [
        'doctor with the keys swapped',
        ['doctor'],
        { ...env, CASHFREE_APP_ID: SUITE_SECRET, CASHFREE_SECRET_KEY: APP_ID },
      ],
      ['doctor, another account', ['doctor', '--json'], { ...env, CASHFREE_BASE_URL: otherSandbox.apiBase }],
      ['orders create', ['orders', 'create', '--amount', '499', '--phone', '9876543210', '--json'], env],
      [
        'orders create --no-json',
        ['orders', 'create', '--amount', '499', '--phone', '9876543210', '--no-json'],
        env,
      ],
      [
        'orders create, bad amount',
        ['orders', 'create', '--amount', '499.999', '--phone', '9876543210'],
        env,
      ],
      ['orders get, not found', ['orders', 'get', 'order_missing_1', '--json'], env],
      [
        'orders get, another account',
        ['orders', 'get', 'order_1'],
        { ...env, CASHFREE_BASE_URL: otherSandbox.apiBase },
      ],
      [
        'orders get, unreachable',
        ['orders', 'get', 'order_1', '--json'],
        { ...env, CASHFREE_BASE_URL: unreachable },
      ],
      [
        'webhooks verify, wrong secret',
        ['webhooks', 'verify', '--signature', signed.signature, '--timestamp', signed.timestamp],
        env,
        signed.rawBody,
      ],
      [
        'webhooks verify --json',
        ['webhooks', 'verify', '--signature', signed.signature, '--timestamp', signed.timestamp, '--json'],
        env,
        signed.rawBody,
      ],
      [
        'webhooks trigger',
        ['webhooks', 'trigger', 'PAYMENT_SUCCESS_WEBHOOK', '--to', `${receiver.url}/hook`],
        env,
      ],
      ['settlements list', ['settlements', 'list', '--json'], env],
      ['help', ['--help'], env],
    ];
    for (const [label, args, runEnv, input] of runs) {
      const result = await runCli(args, { env: runEnv, ...(input === undefined ? {} : { input }) });
      captures.set(`cashfree ${label} (exit ${result.code})`, `${result.stdout}\n${result.stderr}`);
    }
    captures.set('webhooks received from the CLI', JSON.stringify(receiver.requests));
    for (const json of [true, false]) {
      const cli = startCli(
        t,
        [
          'sandbox',
          'start',
          '--port',
          '0',
          '--db',
          ':memory:',
          '--secret-key',
          SUITE_SECRET,
          json ? '--json' : '--no-json',
        ],
        { env },
      );
      await cli.waitForLine((line) => line.includes(json ? '"ready"' : 'http://127.0.0.1'));
      const result = await cli.stop('SIGTERM');
      captures.set(
        `cashfree sandbox start ${json ? '--json' : '(banner)'}`,
        `${result.stdout}\n${result.stderr}`,
      );
    }
    assert.ok(
      [...captures.keys()].some((label) => label.startsWith('cashfree doctor --json (exit')),
      'the battery ran',
    );
    assertClean(captures);
  });

  test('the scan finds the secret in every spelling it looks for (guarding the guard)', () => {
    const cases = [
      SUITE_SECRET,
      encodeURIComponent(SUITE_SECRET),
      Buffer.from(SUITE_SECRET).toString('base64'),
      Buffer.from(SUITE_SECRET).toString('hex'),
      `…${SUITE_SECRET.slice(-12, -2)}…`,
    ];
    for (const text of cases)
      assert.notDeepEqual(secretLeaks(`before ${text} after`), [], text.length.toString());
    assert.deepEqual(secretLeaks(`cfsk…${SUITE_SECRET.slice(-4)} cfsk_ma_test_other`), []);
  });
});
