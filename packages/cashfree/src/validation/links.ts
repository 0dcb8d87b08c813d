import type { FieldRule } from './checks.js';

/**
 * What `links.create` checks before anything is sent, in order.
 *
 * @example
 * const checked = CREATE_LINK_CHECKS.map((rule) => rule.field); // ['link_id', 'link_amount', …]
 */
export const CREATE_LINK_CHECKS: readonly FieldRule[] = [
  { field: 'link_id', required: true, check: { kind: 'id', min: 1, max: 50 } },
  { field: 'link_amount', required: true, check: { kind: 'rupees', min: 1, exclusive: false } },
  { field: 'link_currency', required: true, check: { kind: 'currency' } },
  { field: 'link_purpose', required: true, check: { kind: 'text', max: 500 } },
  { field: 'customer_details', required: true, check: { kind: 'object' } },
  { field: 'customer_details.customer_phone', required: true, check: { kind: 'phone' } },
  {
    field: 'link_minimum_partial_amount',
    required: false,
    check: {
      kind: 'rupees',
      min: 0,
      exclusive: true,
      belowField: 'link_amount',
      belowFix: 'Send a first instalment smaller than the whole amount, or turn partial payments off.',
    },
  },
  { field: 'link_expiry_time', required: false, check: { kind: 'iso-time' } },
  { field: 'link_meta', required: false, check: { kind: 'object' } },
  { field: 'link_meta.notify_url', required: false, check: { kind: 'webhook-url' } },
];
