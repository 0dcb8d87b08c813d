/**
 * Rupee ↔ paise conversions that never use float arithmetic. Cashfree amounts (`order_amount`,
 * `refund_amount`, `link_amount`) are in **rupees** with up to 2 decimals, not paise (the
 * opposite of Razorpay); keep paise integers in your database and convert at the edge.
 *
 * @module
 */
import { ValidationError } from './core/errors.js';
import { type Decimal, parseDecimal } from './internal/decimal.js';
import { describeValue } from './internal/describe.js';

/**
 * Rupees (a number or a decimal string, at most 2 decimals) to integer paise, computed on the
 * decimal digits, so `rupeesToPaise(0.29)` is exactly 29 (float maths gives 28.999999999999996).
 *
 * @example rupeesToPaise('499.99') // 49999
 * @example rupeesToPaise(10.5) // 1050
 * @throws ValidationError for non-finite values, more than 2 decimals, or beyond safe integers
 */
export function rupeesToPaise(rupees: number | string): number {
  const decimal = typeof rupees === 'number' || typeof rupees === 'string' ? parseDecimal(rupees) : undefined;
  if (!decimal) {
    throw new ValidationError(
      'rupees',
      rupees,
      `rupees must be a finite number or a decimal string like '499.99'; received ${describeValue(rupees)}.`,
    );
  }
  if (decimal.fraction.length > 2) {
    throw new ValidationError(
      'rupees',
      rupees,
      `rupees has more than 2 decimals (${describeValue(rupees)}); a rupee has 100 paise, so round to 2 decimals first, ` +
        `or pass the amount as a string such as '499.99'.`,
    );
  }
  return toSafeInteger(decimal, rupees);
}

/**
 * Integer paise to a rupee string with exactly 2 decimals, the form to display or to send.
 *
 * @example paiseToRupees(49999) // '499.99'
 * @example paiseToRupees(5) // '0.05'
 */
export function paiseToRupees(paise: number): string {
  if (typeof paise !== 'number' || !Number.isSafeInteger(paise)) {
    throw new ValidationError(
      'paise',
      paise,
      `paise must be a whole number of paise (a safe integer, e.g. 49999 for ₹499.99); received ${describeValue(paise)}.`,
    );
  }
  const digits = String(Math.abs(paise)).padStart(3, '0');
  const sign = paise < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * Integer paise to a rupee number, ready for `order_amount`, `refund_amount` or `link_amount`.
 * The number is parsed from the exact decimal string, so it serialises back to the same digits.
 *
 * @example paiseToRupeesNumber(49999) // 499.99
 */
export function paiseToRupeesNumber(paise: number): number {
  return Number(paiseToRupees(paise));
}

/**
 * A rupee amount as Cashfree prints it in JSON and on its dashboard: always two decimals
 * (`170.00`, `170.50`), where `JSON.stringify` would print `170` and `170.5`. For an amount that
 * already has at most 2 decimals, as every Cashfree amount does; more are rounded as `toFixed(2)` rounds.
To show an amount to a person, with the rupee sign and Indian digit grouping, use {@link formatInr}.
 *
 * @example formatRupees(499) // '499.00'
 * @example formatRupees(0.5) // '0.50'
 */
export function formatRupees(amount: number): string {
  return amount.toFixed(2);
}

/**
 * A rupee amount for people to read: the rupee sign, Indian digit grouping (the last three digits
 * together, then pairs: thousand, lakh, crore) and always 2 decimals, as `Intl.NumberFormat('en-IN',
 * { style: 'currency', currency: 'INR' })` prints it with full ICU data. Worked on integer paise
 * rather than with `Intl`, so a Node built with small-icu, or a browser, prints the same. An amount
 * with more than 2 decimals (a float sum such as `0.1 + 0.2`) is rounded to paise as `toFixed(2)`
 * rounds.
 *
 * @example formatInr(5988) // '₹5,988.00'
 * @example formatInr(123456.7) // '₹1,23,456.70'
 * @example formatInr(-0.5) // '-₹0.50'
 * @throws ValidationError for NaN, ±Infinity, or an amount beyond ₹9,00,71,99,25,47,409.91 (the safe integers of paise)
 */
export function formatInr(rupees: number): string {
  if (typeof rupees !== 'number' || !Number.isFinite(rupees)) {
    throw new ValidationError(
      'rupees',
      rupees,
      `rupees must be a finite number such as 499.99 to format; received ${describeValue(rupees)}.`,
    );
  }
  return formatInrFromPaise(rupeesToPaise(rupees.toFixed(2)));
}

/**
 * {@link formatInr} for an amount kept in integer paise, as your database should keep it.
 *
 * @example formatInrFromPaise(598800) // '₹5,988.00'
 * @example formatInrFromPaise(5) // '₹0.05'
 * @throws ValidationError when `paise` is not a safe integer
 */
export function formatInrFromPaise(paise: number): string {
  const rupees = paiseToRupees(paise);
  const negative = rupees.startsWith('-');
  const [whole = '0', fraction = '00'] = (negative ? rupees.slice(1) : rupees).split('.');
  return `${negative ? '-' : ''}₹${groupIndianDigits(whole)}.${fraction}`;
}

/** `1234567` → `12,34,567`: the last three digits together, then pairs. */
function groupIndianDigits(digits: string): string {
  if (digits.length <= 3) return digits;
  const pairs = digits.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ',');
  return `${pairs},${digits.slice(-3)}`;
}

function toSafeInteger(decimal: Decimal, original: unknown): number {
  const digits = decimal.integer + decimal.fraction.padEnd(2, '0');
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude)) {
    throw new ValidationError(
      'rupees',
      original,
      `rupees is too large to convert exactly (${describeValue(original)}); the most is ${paiseToRupees(Number.MAX_SAFE_INTEGER)}.`,
    );
  }
  return decimal.negative ? -magnitude : magnitude;
}
