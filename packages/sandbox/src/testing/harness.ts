/**
 * In-process test harness for the sandbox's own tests (not exported): a sandbox on an in-memory
 * database with a frozen clock, and helpers that speak the API through `app.request()`.
 */
import { after } from 'node:test';
import type { SandboxAppOptions } from '../options.js';
import { createSandboxApp, type SandboxApp } from '../sandbox-app.js';
import { TEST_CARD_EXPIRY } from '../test-instruments/cards.js';

/** The sandbox time every harness starts at. */
export const START = '2025-01-15T10:00:00+05:30';

export interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are inspected field by field
  body: any;
}

export interface Harness {
  sandbox: SandboxApp;
  /** Valid API headers, plus `extra`. */
  headers(extra?: Record<string, string>): Record<string, string>;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  /** Creates an order (valid defaults, merged with `overrides`) and returns its entity. */
  // biome-ignore lint/suspicious/noExplicitAny: see ApiResponse
  createOrder(overrides?: Record<string, unknown>): Promise<any>;
  /** Order Pay with `paymentMethod`; returns the response. */
  pay(paymentSessionId: string, paymentMethod: Record<string, unknown>): Promise<ApiResponse>;
  /** Creates an order and pays it by card (OTP 111000); returns the order entity. */
  // biome-ignore lint/suspicious/noExplicitAny: see ApiResponse
  paidOrder(overrides?: Record<string, unknown>): Promise<any>;
  advance(ms: number): Promise<ApiResponse>;
}

export const CARD = {
  card: {
    channel: 'post',
    card_number: '4111111111111111',
    card_expiry_mm: TEST_CARD_EXPIRY.mm,
    card_expiry_yy: TEST_CARD_EXPIRY.yy,
    card_cvv: '123',
  },
};

let counter = 0;

/** A fresh sandbox for one test file (closed after it), frozen at {@link START} by default. */
export function harness(options: SandboxAppOptions = {}): Harness {
  const sandbox = createSandboxApp({
    clock: { startAt: START, frozen: true },
    publicUrl: 'http://sandbox.test',
    ...options,
  });
  after(() => sandbox.close());
  const headers = (extra: Record<string, string> = {}) => ({
    'x-api-version': '2025-01-01',
    'x-client-id': sandbox.appId,
    'x-client-secret': sandbox.secretKey,
    'content-type': 'application/json',
    ...extra,
  });
  const call = async (method: string, path: string, body?: unknown, extra?: Record<string, string>) => {
    const init: RequestInit = { method, headers: headers(extra) };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await sandbox.request(path, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const createOrder = async (overrides: Record<string, unknown> = {}) => {
    const res = await call('POST', '/pg/orders', {
      order_id: `order_${++counter}_${Date.now()}`,
      order_amount: 100,
      order_currency: 'INR',
      customer_details: {
        customer_id: 'cust_001',
        customer_phone: '9876543210',
        customer_name: 'Priya Patel',
      },
      ...overrides,
    });
    if (res.status !== 200) throw new Error(`create order failed: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const pay = (paymentSessionId: string, paymentMethod: Record<string, unknown>) =>
    call('POST', '/pg/orders/sessions', {
      payment_session_id: paymentSessionId,
      payment_method: paymentMethod,
    });
  return {
    sandbox,
    headers,
    call,
    createOrder,
    pay,
    async paidOrder(overrides = {}) {
      const order = await createOrder(overrides);
      const paid = await pay(order.payment_session_id, CARD);
      const otp = await call('POST', `/pg/orders/pay/authenticate/${paid.body.cf_payment_id}`, {
        action: 'SUBMIT_OTP',
        otp: '111000',
      });
      if (otp.body.authenticate_status !== 'SUCCESS')
        throw new Error(`payment failed: ${JSON.stringify(otp.body)}`);
      return (await call('GET', `/pg/orders/${order.order_id}`)).body;
    },
    advance: (ms: number) => call('POST', '/_sandbox/clock/advance', { ms }),
  };
}
