/**
 * Exact decimal reading of amounts without float arithmetic: a number is read through its
 * shortest round-trip string (what `JSON.stringify` sends on the wire), so `499.99` is the digits
 * "499" and "99", never 499.9899999….
 */
export interface Decimal {
  negative: boolean;
  /** Integer digits, no sign, at least "0", no leading zeros. */
  integer: string;
  /** Fraction digits with trailing zeros removed ("" for whole amounts). */
  fraction: string;
}

const plainDecimal = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const exponentDecimal = /^([+-]?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i;

/**
 * Splits a finite number or a plain decimal string ('499.99', '-1.5', '10') into its digits, or
 * returns `undefined` when it is neither (NaN, Infinity, '1,000', '₹10', '').
 */
export function parseDecimal(value: number | string): Decimal | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  const text = typeof value === 'number' ? String(value) : value.trim();
  const plain = plainDecimal.exec(text);
  if (plain) return normalise(plain[1] === '-', plain[2] ?? '0', plain[3] ?? '');
  // Numbers print in exponent form below 1e-6 and from 1e21; strings may not use it.
  const exponent = typeof value === 'number' ? exponentDecimal.exec(text) : null;
  if (!exponent) return undefined;
  const digits = (exponent[2] ?? '') + (exponent[3] ?? '');
  const point = (exponent[2] ?? '').length + Number(exponent[4]);
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 1);
  return normalise(exponent[1] === '-', padded.slice(0, at), padded.slice(at));
}

function normalise(negative: boolean, integer: string, fraction: string): Decimal {
  const trimmedInteger = integer.replace(/^0+(?=\d)/, '');
  const trimmedFraction = fraction.replace(/0+$/, '');
  const zero = /^0*$/.test(trimmedInteger) && trimmedFraction === '';
  return { negative: negative && !zero, integer: trimmedInteger, fraction: trimmedFraction };
}
