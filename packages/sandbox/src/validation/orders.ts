import { OPERATIONS, type VendorSplit } from 'cashfree-kit';
import { DAY_MS, HOUR_MS, MINUTE_MS, parseIsoInstant } from '../clock/time.js';
import { badRequest } from '../http/errors.js';
import type { NewOrder } from '../services/orders.js';
import { readCustomer } from './customer.js';
import { bodyReader, invalid, missing } from './fields.js';
import { ENABLED_CURRENCIES, ID_PATTERN, isAcceptableNotifyUrl, isHttpUrl } from './patterns.js';

/** Default order lifetime when `order_expiry_time` is not sent (the seed's rule: 1 hour). */
export const DEFAULT_ORDER_TTL_MS = HOUR_MS;
const MIN_EXPIRY_MS = 15 * MINUTE_MS;
const MAX_EXPIRY_MS = 30 * DAY_MS;

const PAYMENT_METHOD_CODES = [
  'cc',
  'dc',
  'ccc',
  'ppc',
  'nb',
  'upi',
  'paypal',
  'app',
  'paylater',
  'cardlessemi',
  'dcemi',
  'ccemi',
  'banktransfer',
];

/** `order_id`'s length, from the SDK's create-order row: one limit for the SDK's check and the sandbox. */
const ORDER_ID_LENGTH = (() => {
  const rule = OPERATIONS.orders.create.request?.checks.find((r) => r.field === 'order_id');
  if (rule?.check.kind !== 'id')
    throw new Error('[cashfree-sandbox] the create-order row has no order_id rule');
  return { min: rule.check.min, max: rule.check.max };
})();

/**
 * Validates `POST /orders` (CreateOrderRequest) in Cashfree's wording. `order_id`'s length is the
 * SDK row's (the contract's 3–45). `order_tags` takes up to 15 keys, the contract's `maxProperties`.
 */
export function parseCreateOrder(body: unknown, now: number): NewOrder {
  const r = bodyReader(body);
  const orderId = r.string('order_id', { ...ORDER_ID_LENGTH, pattern: ID_PATTERN });
  const amount = r.amount('order_amount', { required: true, minRupees: 1 })!;
  const currency = r.string('order_currency', { required: true })!;
  if (!(ENABLED_CURRENCIES as readonly string[]).includes(currency)) {
    throw invalid('order_currency', 'is not valid or not enabled', currency);
  }
  const customer = readCustomer(r.object('customer_details', { required: true })!, {
    customerIdRequired: true,
  });

  let orderMeta: Record<string, unknown> | null = null;
  const meta = r.object('order_meta');
  if (meta) {
    orderMeta = { ...meta.value };
    const returnUrl = meta.string('return_url', { max: 250 });
    if (returnUrl !== undefined && !isHttpUrl(returnUrl)) {
      throw invalid(meta.path('return_url'), 'should be an http or https URL', returnUrl);
    }
    const notifyUrl = meta.string('notify_url', { max: 250 });
    if (notifyUrl !== undefined && !isAcceptableNotifyUrl(notifyUrl)) {
      throw invalid(meta.path('notify_url'), 'should be an https URL', notifyUrl);
    }
    const methods = meta.string('payment_methods');
    if (methods !== undefined) {
      const unknown = methods
        .split(',')
        .map((m) => m.trim())
        .find((m) => !PAYMENT_METHOD_CODES.includes(m));
      if (unknown !== undefined) {
        throw invalid(
          meta.path('payment_methods'),
          `should be a comma-separated list of ${PAYMENT_METHOD_CODES.join(', ')}`,
          methods,
        );
      }
    }
    meta.object('payment_methods_filters');
  }

  let expiresAt = now + DEFAULT_ORDER_TTL_MS;
  const expiry = r.string('order_expiry_time');
  if (expiry !== undefined) {
    const at = parseIsoInstant(expiry);
    if (at === undefined) {
      throw invalid(
        'order_expiry_time',
        'should be an ISO 8601 date-time such as 2025-01-15T10:00:00+05:30',
        expiry,
      );
    }
    if (at - now <= MIN_EXPIRY_MS || at - now >= MAX_EXPIRY_MS) {
      throw badRequest(
        'order_expiry_time_invalid',
        'order_expiry_time : Expiry time should be more than 15 min and less than 30 days',
      );
    }
    expiresAt = at;
  }

  const splits = r.array('order_splits') ?? [];
  splits.forEach((split, i) => {
    const path = `order_splits[${i}]`;
    if (typeof split !== 'object' || split === null) throw invalid(path, 'should be an object', split);
    const vendor = (split as Record<string, unknown>)['vendor_id'];
    if (typeof vendor !== 'string' || vendor === '') throw missing(`${path}.vendor_id`);
  });

  const terminal = r.object('terminal');
  terminal?.string('terminal_type', { required: true, min: 4, max: 10 });
  const cart = r.object('cart_details');
  const products = r.object('products');

  return {
    orderId,
    amount,
    currency,
    expiresAt,
    details: {
      customer_details: customer,
      order_meta: orderMeta,
      order_note: r.string('order_note', { min: 3, max: 200 }) ?? null,
      order_tags: r.stringMap('order_tags', { maxEntries: 15, maxValueLength: 255 }) ?? null,
      order_splits: splits as VendorSplit[], // each checked above to have a vendor_id
      cart_details: cart ? cart.value : null,
      terminal: terminal ? terminal.value : null,
      products: products ? products.value : null,
    },
  };
}

/** Validates `PATCH /orders/{id}` (TerminateOrderRequest). */
export function parseTerminateOrder(body: unknown): void {
  const status = bodyReader(body).string('order_status', { required: true });
  if (status !== 'TERMINATED') throw invalid('order_status', 'should be TERMINATED', status);
}
