import { randomBytes } from 'node:crypto';

/**
 * A merchant id such as `order_m3k2x9_7f3a`: the prefix, the time in base 36 (ids sort by
 * creation) and 4 random hex digits. Letters, digits and `_` only, as Cashfree requires.
 */
export function newId(prefix: 'order' | 'refund' | 'link' | 'payout' | 'batch'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
}
