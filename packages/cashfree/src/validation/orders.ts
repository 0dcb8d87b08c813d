import { checkFields, type FieldRule } from './checks.js';

/**
 * What `orders.create` checks before anything is sent, in order. `order_id` is 3–50 characters
 * (docs/decisions/0001-order-id-length.md); the other lengths are the 2025-01-01 contract's;
 * whether an expiry is far enough ahead depends on Cashfree's clock, so the API decides that part.
 *
 * @example
 * const checked = CREATE_ORDER_CHECKS.map((rule) => rule.field); // ['order_id', 'order_amount', …]
 */
export const CREATE_ORDER_CHECKS: readonly FieldRule[] = [
  { field: 'order_id', required: false, check: { kind: 'id', min: 3, max: 50 } },
  { field: 'order_amount', required: true, check: { kind: 'rupees', min: 1, exclusive: false } },
  { field: 'order_currency', required: true, check: { kind: 'currency' } },
  { field: 'customer_details', required: true, check: { kind: 'object' } },
  {
    field: 'customer_details.customer_id',
    required: true,
    check: { kind: 'text', min: 3, max: 50, fix: "Send your own id for the customer, e.g. 'cust_001'." },
  },
  { field: 'customer_details.customer_phone', required: true, check: { kind: 'phone' } },
  { field: 'customer_details.customer_name', required: false, check: { kind: 'text', min: 3, max: 100 } },
  { field: 'customer_details.customer_email', required: false, check: { kind: 'email' } },
  { field: 'order_note', required: false, check: { kind: 'text', min: 3, max: 200 } },
  { field: 'order_expiry_time', required: false, check: { kind: 'iso-time' } },
  { field: 'order_meta', required: false, check: { kind: 'object' } },
  { field: 'order_meta.notify_url', required: false, check: { kind: 'webhook-url' } },
];

/**
 * Checks a create-order body before it is sent (the checks of `ENDPOINTS.orders.create`): `order_id` (optional,
 * 3–50 of letters, digits, `_`, `-`), `order_amount` (rupees ≥ 1, 2 decimals), `order_currency`
 * (an ISO 4217 code), `customer_details.customer_id` (3–50 characters) and
 * `customer_details.customer_phone` (10 digits), and when given `customer_name` (3–100),
 * `customer_email` (an address, 3–100), `order_note` (3–200), `order_expiry_time` (ISO 8601 with
 * an offset), `order_meta` (an object) and `order_meta.notify_url` (https).
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 * @example
 * validateCreateOrderRequest({
 *   order_id: 'order_001', order_amount: 499.0, order_currency: 'INR',
 *   customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
 * }); // passes; `customer_phone: '+919876543210'` would throw, naming the fix
 */
export function validateCreateOrderRequest(body: unknown): void {
  checkFields('order', body, CREATE_ORDER_CHECKS);
}
