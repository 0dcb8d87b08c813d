import {
  nestedField,
  optionalObject,
  reject,
  requireCurrency,
  requireId,
  requireIsoTime,
  requireObject,
  requirePhone,
  requireRupees,
  requireText,
  requireWebhookUrl,
} from './rules.js';

/**
 * Checks a create-link body before it is sent: `link_id` (up to 50 of letters, digits, `_`, `-`),
 * `link_amount` (rupees ≥ 1, 2 decimals), `link_currency` (an ISO 4217 code), `link_purpose`
 * (required, up to 500 characters) and `customer_details.customer_phone` (10 digits), and when
 * given `link_minimum_partial_amount` (rupees > 0, less than `link_amount`, as the contract says),
 * `link_expiry_time` (ISO 8601 with an offset), `link_meta` (an object) and `link_meta.notify_url`
 * (https).
 *
 * @throws ValidationError naming the first bad field, the value received and the fix
 */
export function validateCreateLinkRequest(body: unknown): void {
  const link = requireObject('link', body);
  requireId('link_id', link['link_id'], 1, 50);
  requireRupees('link_amount', link['link_amount'], 1, false);
  requireCurrency('link_currency', link['link_currency']);
  requireText('link_purpose', link['link_purpose'], 500);
  const customer = requireObject('customer_details', link['customer_details']);
  requirePhone('customer_details.customer_phone', customer['customer_phone']);
  const minimum = link['link_minimum_partial_amount'];
  if (minimum != null) {
    const rupees = requireRupees('link_minimum_partial_amount', minimum, 0, true);
    if (rupees >= (link['link_amount'] as number)) {
      reject(
        'link_minimum_partial_amount',
        minimum,
        `must be less than link_amount (${link['link_amount']})`,
        'Send a first instalment smaller than the whole amount, or turn partial payments off.',
      );
    }
  }
  if (link['link_expiry_time'] != null) requireIsoTime('link_expiry_time', link['link_expiry_time']);
  const notifyUrl = nestedField(optionalObject('link_meta', link['link_meta']), 'notify_url');
  if (notifyUrl != null) requireWebhookUrl('link_meta.notify_url', notifyUrl);
}
