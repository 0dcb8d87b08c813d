import type { VendorSplit } from 'cashfree-kit';
import { DAY_MS, parseIsoInstant } from '../clock/time.js';
import type { NewLink } from '../services/links.js';
import { readCustomer } from './customer.js';
import { bodyReader, invalid } from './fields.js';
import { ENABLED_CURRENCIES, ID_PATTERN, isAcceptableNotifyUrl } from './patterns.js';

/** Links expire after 30 days unless `link_expiry_time` says otherwise (CreateLinkRequest). */
export const DEFAULT_LINK_TTL_MS = 30 * DAY_MS;

/** Validates `POST /links` (CreateLinkRequest). */
export function parseCreateLink(body: unknown, now: number): NewLink {
  const r = bodyReader(body);
  const linkId = r.string('link_id', { required: true, max: 50, pattern: ID_PATTERN })!;
  const amount = r.amount('link_amount', { required: true, minRupees: 1 })!;
  const currency = r.string('link_currency', { required: true })!;
  if (!(ENABLED_CURRENCIES as readonly string[]).includes(currency)) {
    throw invalid('link_currency', 'is not valid or not enabled', currency);
  }
  const purpose = r.string('link_purpose', { required: true, max: 500 })!;
  const customer = readCustomer(r.object('customer_details', { required: true })!, {
    customerIdRequired: false,
  });
  const partialPayments = r.boolean('link_partial_payments') ?? false;
  const minimum = r.amount('link_minimum_partial_amount') ?? null;
  if (minimum !== null && minimum >= amount) {
    throw invalid('link_minimum_partial_amount', 'should be less than link_amount', minimum / 100);
  }
  let expiresAt = now + DEFAULT_LINK_TTL_MS;
  const expiry = r.string('link_expiry_time');
  if (expiry !== undefined) {
    const at = parseIsoInstant(expiry);
    if (at === undefined) throw invalid('link_expiry_time', 'should be an ISO 8601 date-time', expiry);
    if (at <= now) throw invalid('link_expiry_time', 'should be in the future', expiry);
    expiresAt = at;
  }
  const notify = r.object('link_notify');
  notify?.boolean('send_sms');
  notify?.boolean('send_email');
  const meta = r.object('link_meta');
  const notifyUrl = meta?.string('notify_url', { max: 250 });
  if (meta && notifyUrl !== undefined && !isAcceptableNotifyUrl(notifyUrl)) {
    throw invalid(meta.path('notify_url'), 'should be an https URL', notifyUrl);
  }
  meta?.string('return_url', { max: 250 });
  meta?.string('upi_intent');
  meta?.string('payment_methods');
  return {
    linkId,
    amount,
    currency,
    purpose,
    partialPayments,
    minimumPartialAmount: partialPayments ? minimum : null,
    expiresAt,
    details: {
      customer_details: customer,
      // Echoed as objects even when not sent (the contract types them as objects, not nullable).
      link_meta: meta ? meta.value : {},
      link_notes: r.stringMap('link_notes', { maxEntries: 5, maxValueLength: 500 }) ?? {},
      link_notify: notify ? notify.value : { send_sms: false, send_email: false },
      link_auto_reminders: r.boolean('link_auto_reminders') ?? false,
      // Echoed as sent: Cashfree checks a link's splits when an order is paid, not on create.
      order_splits: (r.array('order_splits') ?? []) as VendorSplit[],
    },
  };
}

/** Validates the `status` query of `GET /links/{id}/orders` (ALL or PAID, default PAID). */
export function parseLinkOrdersStatus(status: string | undefined): 'ALL' | 'PAID' {
  if (status === undefined || status === '') return 'PAID';
  if (status !== 'ALL' && status !== 'PAID') throw invalid('status', 'should be ALL or PAID', status);
  return status;
}
