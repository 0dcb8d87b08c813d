import { ORDER_DELIVERY_STATUSES } from '../operations/statuses.js';
import type { FieldRule } from './checks.js';

/**
 * What `orders.create` checks before anything is sent, in order. `order_id` is 3–45 characters,
 * the 2025-01-01 contract's `minLength`/`maxLength` (docs/decisions/0001-order-id-length.md: the
 * local sandbox enforces this same rule, so "validated before sending" never fails after sending);
 * the other lengths are the contract's too;
 * whether an expiry is far enough ahead depends on Cashfree's clock, so the API decides that part.
 *
 * @example
 * const checked = CREATE_ORDER_CHECKS.map((rule) => rule.field); // ['order_id', 'order_amount', …]
 */
export const CREATE_ORDER_CHECKS: readonly FieldRule[] = [
  { field: 'order_id', required: false, check: { kind: 'id', min: 3, max: 45 } },
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
 * What `orders.updateExtended` checks before anything is sent: the delivery status, when given,
 * is one of the contract's values. That `shipment_details` or `order_delivery_status` is present,
 * and each shipment's tracking fields, are the API's to check: a rule names one field, and these
 * are a choice between two and the items of a list.
 *
 * @example
 * const checked = UPDATE_ORDER_EXTENDED_CHECKS.map((rule) => rule.field); // ['order_delivery_status', 'order_delivery_status.status']
 */
export const UPDATE_ORDER_EXTENDED_CHECKS: readonly FieldRule[] = [
  { field: 'order_delivery_status', required: false, check: { kind: 'object' } },
  {
    field: 'order_delivery_status.status',
    required: false,
    check: { kind: 'one-of', values: ORDER_DELIVERY_STATUSES },
  },
];
