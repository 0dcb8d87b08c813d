import { ValidationError } from '../core/errors.js';
import { describeValue } from './describe.js';

/**
 * The name of the parameter that follows each Cashfree path segment, so that a bad value is
 * reported as `order_id` rather than as "path parameter 1".
 */
const parameterAfterSegment: Record<string, string> = {
  orders: 'order_id',
  payments: 'cf_payment_id',
  refunds: 'refund_id',
  links: 'link_id',
  authenticate: 'cf_payment_id',
  simulate: 'simulation_id',
};

/**
 * Tagged template for request paths: every interpolated value must be a non-empty string, is
 * percent-encoded, and may not be `.` or `..` (which would walk up the URL to another endpoint).
 *
 * @example path`/orders/${orderId}/refunds/${refundId}` // '/orders/order_001/refunds/refund%201'
 */
export function path(strings: TemplateStringsArray, ...values: unknown[]): string {
  let result = strings[0] ?? '';
  values.forEach((value, index) => {
    const before = result.split('/').filter(Boolean).at(-1) ?? '';
    const field = parameterAfterSegment[before] ?? `path parameter ${index + 1}`;
    result += encodeSegment(field, value) + (strings[index + 1] ?? '');
  });
  return result;
}

function encodeSegment(field: string, value: unknown): string {
  if (typeof value !== 'string') {
    const hint = typeof value === 'number' ? ` Pass it as a string: '${value}'.` : '';
    throw new ValidationError(
      field,
      value,
      `${field} must be a non-empty string; received ${describeValue(value)}.${hint}`,
    );
  }
  if (value.trim() === '') {
    throw new ValidationError(
      field,
      value,
      `${field} must be a non-empty string; received ${describeValue(value)}.`,
    );
  }
  if (value === '.' || value === '..') {
    throw new ValidationError(
      field,
      value,
      `${field} may not be '${value}': it would change which endpoint is called. Pass the real id.`,
    );
  }
  return encodeURIComponent(value);
}
