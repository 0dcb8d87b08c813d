import {
  nestedField,
  optionalObject,
  reject,
  requireCurrency,
  requireEmail,
  requireId,
  requireIsoTime,
  requireObject,
  requirePhone,
  requireRupees,
  requireText,
  requireWebhookUrl,
} from './rules.js';

/**
 * Checks a create-order body before it is sent: `order_id` (optional, 3–50 of letters, digits,
 * `_`, `-`; see docs/decisions/0001-order-id-length.md), `order_amount` (rupees ≥ 1, 2 decimals),
 * `order_currency` (an ISO 4217 code), `customer_details.customer_id` (3–50 characters) and
 * `customer_details.customer_phone` (10 digits), and when given `customer_name` (3–100),
 * `customer_email` (an address, 3–100), `order_note` (3–200), `order_expiry_time` (ISO 8601 with
 * an offset), `order_meta` (an object) and `order_meta.notify_url` (https). The lengths are the
 * 2025-01-01 contract's.
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 */
export function validateCreateOrderRequest(body: unknown): void {
  const order = requireObject('order', body);
  if (order['order_id'] !== undefined) requireId('order_id', order['order_id'], 3, 50);
  requireRupees('order_amount', order['order_amount'], 1, false);
  requireCurrency('order_currency', order['order_currency']);
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
  requireText('customer_details.customer_id', customerId, 50, 3);
  requirePhone('customer_details.customer_phone', customer['customer_phone']);
  if (customer['customer_name'] != null) {
    requireText('customer_details.customer_name', customer['customer_name'], 100, 3);
  }
  if (customer['customer_email'] != null) {
    requireEmail('customer_details.customer_email', customer['customer_email']);
  }
  if (order['order_note'] != null) requireText('order_note', order['order_note'], 200, 3);
  if (order['order_expiry_time'] != null) requireIsoTime('order_expiry_time', order['order_expiry_time']);
  const meta = optionalObject('order_meta', order['order_meta']);
  const notifyUrl = nestedField(meta, 'notify_url');
  if (notifyUrl != null) requireWebhookUrl('order_meta.notify_url', notifyUrl);
}
