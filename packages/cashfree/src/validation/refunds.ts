import type { FieldRule } from './checks.js';

/**
 * What `refunds.create` checks before anything is sent, in order.
 *
 * @example
 * const checked = CREATE_REFUND_CHECKS.map((rule) => rule.field); // ['refund_amount', 'refund_id', 'refund_speed', 'refund_note']
 */
export const CREATE_REFUND_CHECKS: readonly FieldRule[] = [
  { field: 'refund_amount', required: true, check: { kind: 'rupees', min: 0, exclusive: true } },
  { field: 'refund_id', required: true, check: { kind: 'id', min: 3, max: 40 } },
  { field: 'refund_speed', required: false, check: { kind: 'one-of', values: ['STANDARD', 'INSTANT'] } },
  { field: 'refund_note', required: false, check: { kind: 'text', min: 3, max: 100 } },
];
