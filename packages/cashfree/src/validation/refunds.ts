import { checkFields, type FieldRule } from './checks.js';

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

/**
 * Checks a create-refund body before it is sent (the checks of `ENDPOINTS.refunds.create`): `refund_amount`
 * (rupees > 0, 2 decimals) and `refund_id` (3–40 of letters, digits, `_`, `-`), and when given `refund_speed`
 * (STANDARD or INSTANT) and `refund_note` (3–100 characters, the contract's limits).
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 * @example
 * validateCreateRefundRequest({ refund_id: 'refund_001', refund_amount: 100.5 });
 */
export function validateCreateRefundRequest(body: unknown): void {
  checkFields('refund', body, CREATE_REFUND_CHECKS);
}
