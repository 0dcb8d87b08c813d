/**
 * Speaking to an in-process sandbox (`createSandboxApp`) the way a client would, through
 * `app.request()`: API calls with valid headers, a card payment, the admin API's webhook
 * deliveries, and the clock. No socket unless the test opens one. The sandbox accepts the suites'
 * client secret (suite-secret.ts), so the runner's scan of the output would catch it leaking.
 */
import { createSandboxApp, type DeliveryView, type SandboxAppOptions } from '@cashfree-kit/sandbox';
import { Cashfree } from 'cashfree-kit';
import { payWithTestCard } from '../../../packages/cli/test/support.ts';
import { SUITE_SECRET } from './suite-secret.ts';

/** The sandbox time suites start at (a frozen clock, so time moves only when advanced). */
export const SANDBOX_START = '2025-01-15T10:00:00+05:30';

export interface SandboxCalls {
  sandbox: ReturnType<typeof createSandboxApp>;
  /** A call with the sandbox's credentials; `body` is JSON unless a string. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; text: string; json: unknown }>;
  /** An order paid by test card (OTP 111000), with `notify_url` when given; returns its id. */
  paidOrder(orderId: string, notifyUrl?: string): Promise<string>;
  /** The webhook deliveries of an order, from the admin API. */
  deliveries(orderId: string): Promise<DeliveryView[]>;
  advance(ms: number): Promise<void>;
  close(): void;
}

/** A sandbox on an in-memory database with a frozen clock and the suite secret, plus `options`. */
export function sandboxCalls(options: SandboxAppOptions = {}): SandboxCalls {
  const sandbox = createSandboxApp({
    clock: { startAt: SANDBOX_START, frozen: true },
    secretKey: SUITE_SECRET,
    ...options,
  });
  const call: SandboxCalls['call'] = async (method, path, body, headers = {}) => {
    const response = await sandbox.request(path, {
      method,
      headers: {
        'x-api-version': '2025-01-01',
        'x-client-id': sandbox.appId,
        'x-client-secret': sandbox.secretKey,
        'content-type': 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  };
  // The SDK over the in-process app, for the flows that are not under test here.
  const client = new Cashfree({
    appId: sandbox.appId,
    secretKey: sandbox.secretKey,
    environment: 'sandbox',
    baseUrl: 'http://sandbox.local/pg',
    fetch: (input, init) => Promise.resolve(sandbox.fetch(new Request(input, init))),
  });
  return {
    sandbox,
    call,
    async paidOrder(orderId, notifyUrl) {
      await client.orders.create({
        order_id: orderId,
        order_amount: 170,
        order_currency: 'INR',
        customer_details: { customer_id: 'cust_rel', customer_phone: '9876543210' },
        ...(notifyUrl ? { order_meta: { notify_url: notifyUrl } } : {}),
      });
      await payWithTestCard(client, orderId);
      return orderId;
    },
    async deliveries(orderId) {
      const response = await call('GET', `/_sandbox/webhooks/deliveries?order_id=${orderId}`);
      return (response.json as { data: DeliveryView[] }).data;
    },
    async advance(ms) {
      const response = await call('POST', '/_sandbox/clock/advance', { ms });
      if (response.status !== 200) throw new Error(`advance: ${response.text}`);
    },
    close: () => sandbox.close(),
  };
}

/** Polls `check` every 10 ms (up to ~5 s) until it returns a value; throws naming `what` otherwise. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
