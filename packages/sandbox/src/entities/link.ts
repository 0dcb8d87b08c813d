import type { LinkEntity } from 'cashfree-kit';
import { formatIst } from '../clock/time.js';
import { linkUrl } from '../hosted-urls.js';
import type { LinkDetails, LinkRow } from '../store/links.js';
import { toRupees } from '../util/money.js';
import { placeholderQr } from '../util/placeholder-qr.js';
import type { Complete } from './wire.js';

/**
 * `LinkEntity` (create, get and cancel link responses).
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/payment-links/create
 */
export function linkEntity(link: LinkRow, publicUrl: string): Complete<LinkEntity> {
  const details = JSON.parse(link.details) as LinkDetails;
  const url = linkUrl(publicUrl, link.link_code);
  return {
    cf_link_id: String(link.cf_link_id),
    link_id: link.link_id,
    link_status: link.status,
    link_currency: link.currency,
    link_amount: toRupees(link.amount),
    link_amount_paid: toRupees(link.amount_paid),
    link_partial_payments: link.partial_payments === 1,
    link_minimum_partial_amount:
      link.minimum_partial_amount === null ? null : toRupees(link.minimum_partial_amount),
    link_purpose: link.purpose,
    link_created_at: formatIst(link.created_at),
    customer_details: details.customer_details,
    link_meta: details.link_meta,
    link_url: url,
    link_expiry_time: formatIst(link.expires_at),
    link_notes: details.link_notes,
    link_auto_reminders: details.link_auto_reminders,
    link_notify: details.link_notify,
    link_qrcode: placeholderQr('Payment link', url),
    order_splits: details.order_splits,
  };
}
