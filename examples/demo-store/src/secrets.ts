/**
 * The secret key must reach no page, no answer and no log line, in any spelling a leak could take:
 * as is, URL- or form-encoded (a query string, a form post), JSON-escaped, or base64 (a header, a
 * token). A filter at each exit replaces them all, so no future template or log call can leak it.
 */

export const REDACTED = '[REDACTED]';

/** The spellings of `secret`, longest first (so no spelling is cut into by a shorter one). */
export function secretSpellings(secret: string): string[] {
  if (secret === '') return [];
  const bytes = Buffer.from(secret, 'utf8');
  const spellings = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice('s='.length),
    JSON.stringify(secret).slice(1, -1),
    bytes.toString('base64'),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
  ]);
  return [...spellings].sort((a, b) => b.length - a.length);
}

/**
 * A function that replaces every spelling of `secret` (or of each secret: the PG secret key and
 * the Payouts client secret) in a text with `[REDACTED]`.
 */
export function secretFilter(secret: string | readonly string[]): (text: string) => string {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  const spellings = [...new Set(secrets.flatMap(secretSpellings))].sort((a, b) => b.length - a.length);
  return (text) => spellings.reduce((out, spelling) => out.split(spelling).join(REDACTED), text);
}
