/**
 * The request checks of the create operations as functions, for a caller who wants to check a
 * body before it reaches the client (a form, a queue consumer, the CLI). Each runs its row's
 * checks, the ones `cashfree.<resource>.create()` runs itself.
 */
import { LINK_OPERATIONS } from '../operations/links.js';
import { ORDER_OPERATIONS } from '../operations/orders.js';
import { REFUND_OPERATIONS } from '../operations/refunds.js';
import { checkRequest } from './request.js';

/**
 * Checks a create-order body before it is sent (the checks of `OPERATIONS.orders.create`): `order_id` (optional,
 * 3–45 of letters, digits, `_`, `-`), `order_amount` (rupees ≥ 1, 2 decimals), `order_currency`
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
  checkRequest(ORDER_OPERATIONS.create, body);
}

/**
 * Checks a create-refund body before it is sent (the checks of `OPERATIONS.refunds.create`): `refund_amount`
 * (rupees > 0, 2 decimals) and `refund_id` (3–40 of letters, digits, `_`, `-`), and when given `refund_speed`
 * (STANDARD or INSTANT) and `refund_note` (3–100 characters, the contract's limits).
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 * @example
 * validateCreateRefundRequest({ refund_id: 'refund_001', refund_amount: 100.5 });
 */
export function validateCreateRefundRequest(body: unknown): void {
  checkRequest(REFUND_OPERATIONS.create, body);
}

/**
 * Checks a create-link body before it is sent (the checks of `OPERATIONS.links.create`): `link_id` (up to 50 of
 * letters, digits, `_`, `-`), `link_amount` (rupees ≥ 1, 2 decimals), `link_currency` (an ISO 4217
 * code), `link_purpose` (required, up to 500 characters) and `customer_details.customer_phone`
 * (10 digits), and when given `link_minimum_partial_amount` (rupees > 0, less than `link_amount`,
 * as the contract says), `link_expiry_time` (ISO 8601 with an offset), `link_meta` (an object) and
 * `link_meta.notify_url` (https).
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 * @example
 * validateCreateLinkRequest({
 *   link_id: 'link_001', link_amount: 999.0, link_currency: 'INR', link_purpose: 'Course fee',
 *   customer_details: { customer_phone: '9876543210' },
 * });
 */
export function validateCreateLinkRequest(body: unknown): void {
  checkRequest(LINK_OPERATIONS.create, body);
}
