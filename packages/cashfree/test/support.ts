/**
 * Shared set-up for the SDK's unit tests: a client wired to a recording fake fetch, with the
 * backoff sleep recorded instead of waited, and the jitter pinned.
 */
import { Cashfree, type ClientOptions, type CreateOrderRequest } from '../src/index.js';
import { createFakeFetch, type FakeFetch, type FakeHandler } from '../src/testing/index.js';

/** Looks like a real Cashfree secret key, so redaction tests are meaningful. */
export const SECRET = 'cfsk_ma_test_5f0c2b8e9d1a4c7f8e2d6b3a9c0f1e4d_8a7b6c5d';
export const APP_ID = 'TEST1234567890abcdef';

export interface TestClient {
  client: Cashfree;
  fetch: FakeFetch;
  /** Every backoff the client asked for, in ms. */
  sleeps: number[];
}

/** A sandbox client on a fake fetch; backoffs are recorded, never waited, and jitter is 0.5. */
export function testClient(handler?: FakeHandler, options: Partial<ClientOptions> = {}): TestClient {
  const fetch = createFakeFetch(handler);
  const sleeps: number[] = [];
  const client = new Cashfree(
    { appId: APP_ID, secretKey: SECRET, environment: 'sandbox', fetch, ...options },
    {
      sleep: async (ms, signal) => {
        sleeps.push(ms);
        if (signal?.aborted) throw signal.reason;
      },
      random: () => 0.5,
    },
  );
  return { client, fetch, sleeps };
}

/** The seed's example order (cashfree-skill.md, "1. Create Order"). */
export function seedOrder(): CreateOrderRequest {
  return {
    order_id: 'order_001',
    order_amount: 499.0,
    order_currency: 'INR',
    customer_details: {
      customer_id: 'cust_001',
      customer_name: 'Priya Patel',
      customer_email: 'priya@example.com',
      customer_phone: '9876543210',
    },
    order_meta: {
      return_url: 'https://yourapp.com/payment/return?order_id={order_id}',
      notify_url: 'https://yourapp.com/webhook/cashfree',
    },
    order_note: 'Payment for March subscription',
  };
}

/** Runs `fn`, expecting it to reject, and returns the rejection. */
export async function rejection(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject, but it resolved');
}
