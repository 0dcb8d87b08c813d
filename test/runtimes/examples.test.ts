/**
 * The edge examples, run as a user runs them: examples/cloudflare-worker in workerd,
 * examples/deno-server on Deno, examples/bun-server on Bun and examples/nextjs-app built with
 * `next build` and served by `next start` (on Node 24). Each installs cashfree-kit from its packed
 * tarball; the sandbox (started here, on Node) then delivers a real signed PAYMENT_SUCCESS webhook
 * to it. Each must answer 200 `{"received":true}`, log that it verified the event and that the
 * order is PAID (it asked the sandbox, from inside that runtime), and refuse a forged delivery
 * with 400: an adapter that stops verifying, or stops answering, fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type RunningSandbox, startSandbox, TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import { Cashfree } from 'cashfree-kit';
import {
  type Child,
  ESBUILD_VERSION,
  freePort,
  runtimeBinary,
  runWorker,
  startChild,
  userProject,
  waitForHttp,
  workerdConfig,
} from './support.ts';

let sandbox: RunningSandbox;
let cashfree: Cashfree;
before(async () => {
  sandbox = await startSandbox({ port: 0, db: ':memory:', webhookRetrySchedule: 'fast' });
  cashfree = new Cashfree({
    appId: sandbox.appId,
    secretKey: sandbox.secretKey,
    environment: 'sandbox',
    baseUrl: `${sandbox.url}/pg`,
  });
});
after(() => sandbox?.close());

/** The variables every example reads, pointing at this sandbox. */
function cashfreeEnv(): Record<string, string> {
  return {
    CASHFREE_APP_ID: sandbox.appId,
    CASHFREE_SECRET_KEY: sandbox.secretKey,
    CASHFREE_ENV: 'TEST',
    CASHFREE_BASE_URL: `${sandbox.url}/pg`,
  };
}

interface Delivery {
  status: string;
  request: { body: string; headers: Record<string, string> };
  attempts: Array<{ status_code: number | null; response_body: string | null; error?: string | null }>;
}

/**
 * Creates an order whose notify_url is `webhookUrl`, pays it by card, waits for the sandbox's
 * signed PAYMENT_SUCCESS delivery there, and checks what the receiver answered and logged.
 */
async function paymentWebhookReaches(webhookUrl: string, receiver: { output(): string }, name: string) {
  const orderId = `example_${name}_${Date.now().toString(36)}`;
  const order = await cashfree.orders.create({
    order_id: orderId,
    order_amount: 249,
    order_currency: 'INR',
    customer_details: { customer_id: 'cust_example', customer_phone: '9876543210' },
    order_meta: { notify_url: webhookUrl },
  });
  const pay = await cashfree.orders.pay({
    payment_session_id: order.payment_session_id ?? '',
    payment_method: {
      card: {
        channel: 'post',
        card_number: '4111111111111111',
        card_expiry_mm: TEST_CARD_EXPIRY.mm,
        card_expiry_yy: TEST_CARD_EXPIRY.yy,
        card_cvv: '123',
      },
    },
  });
  await cashfree.orders.authenticate(String(pay.cf_payment_id), { otp: '111000', action: 'SUBMIT_OTP' });

  let delivery: Delivery | undefined;
  for (let i = 0; i < 300 && !delivery?.attempts.length; i++) {
    const res = await fetch(`${sandbox.url}/_sandbox/webhooks/deliveries?order_id=${orderId}`);
    const { data } = (await res.json()) as { data: Delivery[] };
    delivery = data.find((d) => d.request.body.includes('PAYMENT_SUCCESS_WEBHOOK'));
    if (!delivery?.attempts.length) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(
    delivery?.attempts.length,
    `the sandbox never attempted the delivery. Receiver:\n${receiver.output()}`,
  );
  const [first] = delivery.attempts;
  assert.equal(
    first?.status_code,
    200,
    `the receiver answered ${JSON.stringify(first)}:\n${receiver.output()}`,
  );
  assert.equal(first?.response_body, '{"received":true}');

  const line = `[cashfree] verified PAYMENT_SUCCESS_WEBHOOK for ${orderId}: order PAID`;
  for (let i = 0; i < 50 && !receiver.output().includes(line); i++)
    await new Promise((r) => setTimeout(r, 100));
  assert.ok(receiver.output().includes(line), `no "${line}" in the receiver's output:\n${receiver.output()}`);

  // The same bytes with one signature character changed: the adapter must refuse them.
  const signature = delivery.request.headers['x-webhook-signature'] ?? '';
  const forged = await fetch(webhookUrl, {
    method: 'POST',
    headers: {
      ...delivery.request.headers,
      'x-webhook-signature': `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`,
    },
    body: delivery.request.body,
  });
  assert.equal(forged.status, 400, await forged.text());
  assert.equal(receiver.output().split(line).length, 2, 'the forged delivery was not handled as an event');
}

/** Reads `listening on http://host:port` from a server's output. */
async function listeningOn(child: Child): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(child.output());
    if (match?.[1]) return match[1];
    if (child.process.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server never said where it listens:\n${child.output()}`);
}

describe('the edge examples receive a signed webhook from the sandbox', () => {
  test('examples/cloudflare-worker in workerd', async (t) => {
    const binary = runtimeBinary(t, 'workerd');
    if (!binary) return;
    const project = userProject(t, {
      example: 'examples/cloudflare-worker',
      dependencies: { esbuild: ESBUILD_VERSION },
    });
    // wrangler.jsonc names the entry and compatibility date; its comments are whole lines.
    const wrangler = JSON.parse(
      readFileSync(join(project, 'wrangler.jsonc'), 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n'),
    ) as { main: string; compatibility_date: string };
    const { build } = (await import(
      join(project, 'node_modules', 'esbuild', 'lib', 'main.js')
    )) as typeof import('esbuild');
    await build({
      entryPoints: [join(project, wrangler.main)],
      outfile: join(project, 'worker.js'),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser', 'import'],
      mainFields: ['module', 'main'],
      logLevel: 'error',
    });
    writeFileSync(
      join(project, 'config.capnp'),
      workerdConfig('worker.js', cashfreeEnv(), wrangler.compatibility_date),
    );
    await runWorker(t, binary, project, async (origin, worker) => {
      await paymentWebhookReaches(`${origin}/webhooks/cashfree`, worker, 'workerd');
    });
  });

  test('examples/deno-server on Deno (type-checked by deno check first)', async (t) => {
    const binary = runtimeBinary(t, 'deno');
    if (!binary) return;
    const project = userProject(t, { example: 'examples/deno-server' });
    const env = { DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(project, '.deno') };
    const check = startChild(t, binary, ['check', 'main.ts'], { cwd: project, env });
    assert.equal(await check.exited, 0, check.output());
    const server = startChild(t, binary, ['run', '--allow-net', '--allow-env', 'main.ts'], {
      cwd: project,
      env: { ...env, ...cashfreeEnv(), PORT: '0' },
    });
    await paymentWebhookReaches(`${await listeningOn(server)}/webhooks/cashfree`, server, 'deno');
  });

  test('examples/bun-server on Bun', async (t) => {
    const binary = runtimeBinary(t, 'bun');
    if (!binary) return;
    const project = userProject(t, { example: 'examples/bun-server' });
    const server = startChild(t, binary, ['src/server.ts'], {
      cwd: project,
      env: { ...cashfreeEnv(), PORT: '0' },
    });
    await paymentWebhookReaches(`${await listeningOn(server)}/webhooks/cashfree`, server, 'bun');
  });

  test('examples/nextjs-app: next build, next start (Node 24), its App Router route handler', async (t) => {
    const node = runtimeBinary(t, 'node24');
    if (!node) return;
    const project = userProject(t, { example: 'examples/nextjs-app' });
    const next = join(project, 'node_modules', 'next', 'dist', 'bin', 'next');
    // Offline: no telemetry; the app loads no fonts or remote images.
    const env = { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
    const build = startChild(t, node, [next, 'build'], { cwd: project, env });
    assert.equal(await build.exited, 0, build.output());
    const port = await freePort();
    const server = startChild(t, node, [next, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
      cwd: project,
      env: { ...env, ...cashfreeEnv() },
    });
    const origin = `http://127.0.0.1:${port}`;
    await waitForHttp(`${origin}/`, server);
    await paymentWebhookReaches(`${origin}/api/webhooks/cashfree`, server, 'next');
  });
});
