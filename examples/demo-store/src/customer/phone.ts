/**
 * An Indian mobile number the way people type it (`+91 98765 43210`, `098765-43210`,
 * `91 9876543210`, `(98765) 43210`) as the 10 digits Cashfree takes. These are the spellings
 * cashfree-kit's phone rule recognises and names the fix for ("Send '9876543210' without +91"):
 * the store applies that fix for the shopper instead of refusing. Anything else is returned as
 * typed, for the rule to refuse.
 */
export function normaliseIndianMobile(typed: string): string {
  const trimmed = typed.trim();
  // Only separators people type between digits: spaces, dashes, dots and brackets.
  if (!/^\+?[\d\s\-.()]+$/.test(trimmed)) return typed;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 10) return digits;
  if (digits.length === 12 && digits.startsWith('91')) return digits.slice(2);
  if (digits.length === 11 && digits.startsWith('0') && !trimmed.startsWith('+')) return digits.slice(1);
  return typed;
}
