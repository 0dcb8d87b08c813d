import { requireId, requireObject, requirePhone, requireRupees, requireText } from './rules.js';

/**
 * Checks a create-link body before it is sent: `link_id` (up to 50 of letters, digits, `_`, `-`),
 * `link_amount` (rupees ≥ 1, 2 decimals), `link_purpose` (required, up to 500 characters) and
 * `customer_details.customer_phone` (10 digits).
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 */
export function validateCreateLinkRequest(body: unknown): void {
  const link = requireObject('link', body);
  requireId('link_id', link['link_id'], 1, 50);
  requireRupees('link_amount', link['link_amount'], 1, false);
  requireText('link_purpose', link['link_purpose'], 500);
  const customer = requireObject('customer_details', link['customer_details']);
  requirePhone('customer_details.customer_phone', customer['customer_phone']);
}
