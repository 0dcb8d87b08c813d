import { requireId, requireObject, requireOneOf, requireRupees, requireText } from './rules.js';

/**
 * Checks a create-refund body before it is sent: `refund_amount` (rupees > 0, 2 decimals) and
 * `refund_id` (3–40 of letters, digits, `_`, `-`), and when given `refund_speed` (STANDARD or
 * INSTANT) and `refund_note` (3–100 characters, the contract's limits).
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 */
export function validateCreateRefundRequest(body: unknown): void {
  const refund = requireObject('refund', body);
  requireRupees('refund_amount', refund['refund_amount'], 0, true);
  requireId('refund_id', refund['refund_id'], 3, 40);
  if (refund['refund_speed'] != null)
    requireOneOf('refund_speed', refund['refund_speed'], ['STANDARD', 'INSTANT']);
  if (refund['refund_note'] != null) requireText('refund_note', refund['refund_note'], 100, 3);
}
