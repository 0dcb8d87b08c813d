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
import { EXIT } from '../../packages/cli/src/output/exit-codes.ts';
import { payWithTestCard, runCli, startCli } from '../../packages/cli/test/support.ts';
import { sendJson, startLoopbackServer } from '../support/loopback-server.ts';
import { paymentSuccessBody } from '../support/webhook-payloads.ts';
import { closedPort } from './support/closed-port.ts';
import { leakScanner, secretSpellings } from './support/secret-spellings.mjs';
import { SUITE_SECRET, secretLeaks } from './support/suite-secret.ts';
import { startTarget, TARGET_NAMES } from './support/webhook-targets.ts';

const APP_ID = 'TESTreliabilitysecrets';
/**
 * The SDK battery: about 31 s, 30 of them one call. Its caller aborts while the SDK awaits
 * onRequest, before the attempt listens to the signal, so the call ends only at the default 30 s
 * timeoutMs (internal/transport.ts); the rest takes a second.
 */
const SDK_TIMEOUT_MS = 90_000;
/** In-process servers and requests on loopback: a second or less. */
const CASE_TIMEOUT_MS = 30_000;
/** Seventeen CLI processes and two sandbox starts: about 25 s on a busy 2-core machine. */
const CLI_TIMEOUT_MS = 120_000;

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

  test('SDK: errors of every kind, the client object and every hook event', {
    timeout: SDK_TIMEOUT_MS,
  }, async (t) => {
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

  test('webhook adapters: rejections, handler failures and their log lines', {
    timeout: CASE_TIMEOUT_MS,
  }, async (t) => {
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

  test('webhook adapters with the default onError: the console.error lines they write', {
    timeout: CASE_TIMEOUT_MS,
  }, async (t) => {
    // No onError given: every adapter logs a failing handler and a misconfiguration with
    // console.error (adapters/handle.ts), the log line a user gets without writing any code.
    const captures = new Map<string, string>();
    const closers: (() => Promise<void> | void)[] = [];
    t.after(() => Promise.all(closers.map((close) => close())));
    const good = await signWebhook({ body: paymentSuccessBody(), secret: SUITE_SECRET });
    const forged = await signWebhook({ body: paymentSuccessBody(), secret: 'cfsk_ma_test_forger' });
    for (const name of TARGET_NAMES) {
      const log: string[] = [];
      await withConsole(log, async () => {
        const teardown = { after: (fn: () => Promise<void> | void) => void closers.push(fn) };
        const failing = await startTarget(teardown, name, {
          secret: SUITE_SECRET,
          defaultOnError: true,
          onEvent: () => {
            throw new Error('the database is down');
          },
        });
        // A negative toleranceSeconds is only found when a webhook is verified: a 500 invalid_options.
        const misconfigured = await startTarget(teardown, name, {
          secret: SUITE_SECRET,
          defaultOnError: true,
          toleranceSeconds: -1,
        });
        for (const [label, url, delivery, status] of [
          ['a handler failure', failing.url, good, 500],
          ['a forged delivery', failing.url, forged, 400],
          ['a misconfigured endpoint', misconfigured.url, good, 500],
        ] as const) {
          const response = await fetch(url, {
            method: 'POST',
            headers: delivery.headers,
            body: delivery.rawBody,
          });
          const text = await response.text();
          assert.equal(response.status, status, `${name}, ${label}: ${text}`);
          captures.set(`${name}: ${label} (${response.status})`, text);
        }
      });
      // The two 500s were logged (a rejection is only answered): the scan below reads real lines.
      const lines = log.filter((line) => line.includes('[cashfree-kit] webhook handling failed'));
      // Counts only in the message: printing the lines would defeat the runner's scan if they leaked.
      assert.equal(
        lines.length,
        2,
        `${name} wrote ${log.length} console lines, ${lines.length} failure logs`,
      );
      assert.ok(lines.some((line) => line.includes('the database is down')));
      assert.ok(lines.some((line) => line.includes('toleranceSeconds')));
      captures.set(`${name}: console`, log.join('\n'));
    }
    assertClean(captures);
  });

  test('sandbox: API answers, dashboard, checkout and link pages, admin JSON and webhook deliveries', {
    timeout: CASE_TIMEOUT_MS,
  }, async (t) => {
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

  test('CLI: every command, on success and failure, text and --json', {
    timeout: CLI_TIMEOUT_MS,
  }, async (t) => {
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
    // Each command with the exit code it must end with: a CLI that crashed before printing anything
    // would have nothing to leak and still pass the scan.
    const runs: {
      label: string;
      args: string[];
      env: Record<string, string>;
      input?: string;
      exit: number;
    }[] = [
      { label: 'doctor', args: ['doctor'], env, exit: EXIT.ok },
      { label: 'doctor --json', args: ['doctor', '--json'], env, exit: EXIT.ok },
      {
        label: 'doctor with the keys swapped',
        args: ['doctor'],
        env: { ...env, CASHFREE_APP_ID: SUITE_SECRET, CASHFREE_SECRET_KEY: APP_ID },
        exit: EXIT.failure,
      },
      {
        label: 'doctor, another account',
        args: ['doctor', '--json'],
        env: { ...env, CASHFREE_BASE_URL: otherSandbox.apiBase },
        exit: EXIT.failure,
      },
      {
        label: 'orders create',
        args: ['orders', 'create', '--amount', '499', '--phone', '9876543210', '--json'],
        env,
        exit: EXIT.ok,
      },
      {
        label: 'orders create --no-json',
        args: ['orders', 'create', '--amount', '499', '--phone', '9876543210', '--no-json'],
        env,
        exit: EXIT.ok,
      },
      {
        label: 'orders create, bad amount',
        args: ['orders', 'create', '--amount', '499.999', '--phone', '9876543210'],
        env,
        exit: EXIT.usage,
      },
      {
        label: 'orders get, not found',
        args: ['orders', 'get', 'order_missing_1', '--json'],
        env,
        exit: EXIT.notFound,
      },
      {
        label: 'orders get, another account',
        args: ['orders', 'get', 'order_1'],
        env: { ...env, CASHFREE_BASE_URL: otherSandbox.apiBase },
        exit: EXIT.auth,
      },
      {
        label: 'orders get, unreachable',
        args: ['orders', 'get', 'order_1', '--json'],
        env: { ...env, CASHFREE_BASE_URL: unreachable },
        exit: EXIT.network,
      },
      {
        label: 'webhooks verify, wrong secret',
        args: ['webhooks', 'verify', '--signature', signed.signature, '--timestamp', signed.timestamp],
        env,
        input: signed.rawBody,
        exit: EXIT.failure,
      },
      {
        label: 'webhooks verify --json',
        args: [
          'webhooks',
          'verify',
          '--signature',
          signed.signature,
          '--timestamp',
          signed.timestamp,
          '--json',
        ],
        env,
        input: signed.rawBody,
        exit: EXIT.failure,
      },
      {
        label: 'webhooks trigger',
        args: ['webhooks', 'trigger', 'PAYMENT_SUCCESS_WEBHOOK', '--to', `${receiver.url}/hook`],
        env,
        exit: EXIT.ok,
      },
      { label: 'settlements list', args: ['settlements', 'list', '--json'], env, exit: EXIT.ok },
      { label: 'help', args: ['--help'], env, exit: EXIT.ok },
    ];
    const wrong: string[] = [];
    for (const { label, args, env: runEnv, input, exit } of runs) {
      const result = await runCli(args, { env: runEnv, ...(input === undefined ? {} : { input }) });
      captures.set(`cashfree ${label} (exit ${result.code})`, `${result.stdout}\n${result.stderr}`);
      // Names and codes only: the output itself is what the scan below judges.
      if (result.code !== exit) wrong.push(`${label}: exit ${result.code}, expected ${exit}`);
      if (`${result.stdout}${result.stderr}`.trim() === '') wrong.push(`${label}: printed nothing`);
      if (exit === EXIT.ok && result.stdout.trim() === '')
        wrong.push(`${label}: succeeded with nothing on stdout`);
    }
    assert.deepEqual(wrong, [], 'every command ended as expected and said something');
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
      assert.equal(
        result.code,
        EXIT.ok,
        `sandbox start ${json ? '--json' : '(banner)'} stops cleanly on SIGTERM`,
      );
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

  test('the scans find the secret in every spelling they look for (guarding the guard)', {
    timeout: CASE_TIMEOUT_MS,
  }, () => {
    const spellings = Object.entries(secretSpellings(SUITE_SECRET));
    assert.equal(spellings.length, 7);
    for (const [name, spelled] of spellings) {
      // This battery's scan.
      assert.notDeepEqual(secretLeaks(`before ${spelled} after`), [], name);
      // The runner's scan (scripts/test.mjs), with the spelling split across two chunks of output.
      const runner = leakScanner(SUITE_SECRET);
      const half = Math.floor(spelled.length / 2);
      runner.scan(`before ${spelled.slice(0, half)}`);
      runner.scan(`${spelled.slice(half)} after`);
      assert.ok(runner.leaks.has(name), `the runner's scan misses the ${name} spelling`);
    }
    assert.notDeepEqual(secretLeaks(`…${SUITE_SECRET.slice(-12, -2)}…`), [], 'a piece of the secret');
    const clean = `cfsk…${SUITE_SECRET.slice(-4)} cfsk_ma_test_other`;
    assert.deepEqual(secretLeaks(clean), []);
    const runner = leakScanner(SUITE_SECRET);
    runner.scan(clean);
    assert.deepEqual([...runner.leaks], []);
  });
});
