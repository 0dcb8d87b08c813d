import { isLoopbackHost } from 'cashfree-kit';

/** Field patterns shared by the request validators, with the reason shown when a value misses. */
export const ID_PATTERN = [
  /^[A-Za-z0-9_-]+$/,
  "should contain only alphanumeric characters, '_' and '-'",
] as const;
export const PHONE_PATTERN = [/^\d{10}$/, 'should be 10 digits, without a country code'] as const;
export const EMAIL_PATTERN = [/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'should be a valid email address'] as const;
export const IFSC_PATTERN = [/^[A-Z]{4}0[A-Z0-9]{6}$/, 'should be a valid IFSC (e.g. HDFC0000001)'] as const;

/** The only currency the sandbox's merchant account has enabled. */
export const ENABLED_CURRENCIES = ['INR'] as const;

/**
 * Remembers the answers of a pure string check for the last {@link MEMO_SIZE} distinct values. A
 * shop sends the same `return_url` template and `notify_url` with every order, and parsing a URL
 * is a measurable share of create-order (bench/sandbox-throughput.ts).
 */
export function memoised(check: (value: string) => boolean): (value: string) => boolean {
  const answers = new Map<string, boolean>();
  return (value) => {
    const known = answers.get(value);
    if (known !== undefined) return known;
    const answer = check(value);
    // Forget the oldest answer first (a Map keeps insertion order).
    if (answers.size >= MEMO_SIZE) answers.delete(answers.keys().next().value!);
    answers.set(value, answer);
    return answer;
  };
}

/** How many distinct URLs each check remembers. */
export const MEMO_SIZE = 256;

/**
 * `notify_url` must be https (Cashfree's rule), except on loopback hosts: local webhook receivers
 * in development and tests are plain http.
 */
export const isAcceptableNotifyUrl = memoised((value) => {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
});

/** An absolute http(s) URL; `{order_id}` placeholders (Cashfree's return_url template) allowed. */
export const isHttpUrl = memoised((value) => {
  try {
    const url = new URL(value.replace(/\{order_id\}/g, 'order'));
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
});
