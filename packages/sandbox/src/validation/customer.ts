import type { FieldReader } from './fields.js';
import { EMAIL_PATTERN, ID_PATTERN, IFSC_PATTERN, PHONE_PATTERN } from './patterns.js';

/**
 * Checks `customer_details`. Cashfree's spec says `customer_id` is "alphanumeric values only", but
 * its own examples (and the seed's `cust_001`) use `_`, which the live API accepts; so `_` and `-`
 * are allowed here too.
 */
export function readCustomer(
  c: FieldReader,
  options: { customerIdRequired: boolean },
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  set(
    'customer_id',
    c.string('customer_id', { required: options.customerIdRequired, min: 3, max: 50, pattern: ID_PATTERN }),
  );
  set('customer_name', c.string('customer_name', { min: 3, max: 100 }));
  set('customer_email', c.string('customer_email', { min: 3, max: 100, pattern: EMAIL_PATTERN }));
  set('customer_phone', c.string('customer_phone', { required: true, pattern: PHONE_PATTERN }));
  set('customer_bank_account_number', c.string('customer_bank_account_number', { min: 3, max: 20 }));
  set('customer_bank_ifsc', c.string('customer_bank_ifsc', { pattern: IFSC_PATTERN }));
  set('customer_bank_code', c.number('customer_bank_code', { integer: true }));
  set('customer_uid', c.string('customer_uid'));
  return out;
}
