import {
  nestedField,
  reject,
  requireId,
  requireIsoTime,
  requireObject,
  requirePhone,
  requireRupees,
  requireWebhookUrl,
} from './rules.js';

/**
 * Checks a create-order body before it is sent: `order_id` (optional, 3–50 of letters, digits,
 * `_`, `-`; see docs/decisions/0001-order-id-length.md), `order_amount` (rupees ≥ 1, 2 decimals),
 * `customer_details.customer_id` (present), `customer_details.customer_phone` (10 digits), and when
 * given `order_expiry_time` (ISO 8601 with an offset) and `order_meta.notify_url` (https).
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 */
export function validateCreateOrderRequest(body: unknown): void {
  const order = requireObject('order', body);
  if (order['order_id'] !== undefined) requireId('order_id', order['order_id'], 3, 50);
  requireRupees('order_amount', order['order_amount'], 1, false);
  const customer = requireObject('customer_details', order['customer_details']);
  const customerId = customer['customer_id'];
  if (typeof customerId !== 'string' || customerId.trim() === '') {
    reject(
      'customer_details.customer_id',
      customerId,
      'is required and must be a non-empty string',
      "Send your own id for the customer, e.g. 'cust_001'.",
    );
  }
  requirePhone('customer_details.customer_phone', customer['customer_phone']);
  if (order['order_expiry_time'] != null) requireIsoTime('order_expiry_time', order['order_expiry_time']);
  const notifyUrl = nestedField(order['order_meta'], 'notify_url');
  if (notifyUrl != null) requireWebhookUrl('order_meta.notify_url', notifyUrl);
}
