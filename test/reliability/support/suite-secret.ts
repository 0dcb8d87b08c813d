/**
 * The client secret of the reliability suites, and the scan for it. `scripts/test.mjs` sets
 * CASHFREE_KIT_SUITE_SECRET to a fresh value for every run and, under CI, fails the run when that
 * value shows up anywhere in the captured output; a test file run on its own gets its own value.
 * The secret carries `+` and `/` so that URL-encoding changes it, as a real leak through a query
 * string or a form would.
 */
import { randomBytes } from 'node:crypto';

const PREFIX = 'cfsk_ma_test_rel_';

function generated(): string {
  const hex = (n: number) => randomBytes(n).toString('hex');
  return `${PREFIX}${hex(6)}+${hex(6)}/${hex(4)}`;
}

export const SUITE_SECRET: string = process.env['CASHFREE_KIT_SUITE_SECRET'] || generated();

/** The part only this secret has (the `cfsk_ma_test_` prefix is every test key's). */
const unique = SUITE_SECRET.startsWith(PREFIX) ? SUITE_SECRET.slice(PREFIX.length) : SUITE_SECRET;

/** Every spelling of the secret a leak could take. */
function spellings(secret: string): Record<string, string> {
  const bytes = Buffer.from(secret, 'utf8');
  return {
    verbatim: secret,
    'URL-encoded': encodeURIComponent(secret),
    'form-encoded': new URLSearchParams({ s: secret }).toString().slice(2),
    'JSON-escaped': JSON.stringify(secret).slice(1, -1),
    base64: bytes.toString('base64'),
    base64url: bytes.toString('base64url'),
    hex: bytes.toString('hex'),
  };
}

/**
 * The ways `text` contains the secret: whole in any spelling, or any `window`-character piece of
 * its unique part (8 by default: a masked `cfsk…1234` shows 4, never more).
 */
export function secretLeaks(text: string, window = 8): string[] {
  const seen = new Set<string>();
  const found = Object.entries(spellings(SUITE_SECRET))
    .filter(([, spelled]) => !seen.has(spelled) && seen.add(spelled) && text.includes(spelled))
    .map(([name]) => name);
  const pieces: number[] = [];
  for (let i = 0; i + window <= unique.length; i++) {
    if (text.includes(unique.slice(i, i + window))) pieces.push(PREFIX.length + i);
  }
  // Positions only: printing the pieces would put them in the test output.
  if (pieces.length > 0) found.push(`${pieces.length} pieces of ${window} characters (from ${pieces[0]})`);
  return found;
}
