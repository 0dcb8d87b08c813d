/**
 * The client secret of the reliability suites, and the scan for it. `scripts/test.mjs` sets
 * CASHFREE_KIT_SUITE_SECRET to a fresh value for every run and, under CI (or with
 * CASHFREE_KIT_SCAN_SECRETS=1), fails the run when any spelling of that value (the same
 * `secretSpellings` as here) shows up in the test output; a test file run on its own gets its
 * own value. The secret and its spellings are defined once, in secret-spellings.mjs.
 */
import { generateSuiteSecret, SUITE_SECRET_PREFIX, secretSpellings } from './secret-spellings.mjs';

export const SUITE_SECRET: string = process.env['CASHFREE_KIT_SUITE_SECRET'] || generateSuiteSecret();

/** The part only this secret has (the `cfsk_ma_test_` prefix is every test key's). */
const unique = SUITE_SECRET.startsWith(SUITE_SECRET_PREFIX)
  ? SUITE_SECRET.slice(SUITE_SECRET_PREFIX.length)
  : SUITE_SECRET;

/**
 * The ways `text` contains the secret: whole in any spelling, or any `window`-character piece of
 * its unique part (8 by default: a masked `cfsk…1234` shows 4, never more). The pieces are this
 * battery's own, stricter check; the runner's scan of the whole output looks for whole spellings
 * only, since megabytes of ids and hashes would sooner or later contain 8 hex characters of it.
 */
export function secretLeaks(text: string, window = 8): string[] {
  const seen = new Set<string>();
  const found = Object.entries(secretSpellings(SUITE_SECRET))
    .filter(([, spelled]) => !seen.has(spelled) && seen.add(spelled) && text.includes(spelled))
    .map(([name]) => name);
  const pieces: number[] = [];
  for (let i = 0; i + window <= unique.length; i++) {
    if (text.includes(unique.slice(i, i + window))) pieces.push(SUITE_SECRET_PREFIX.length + i);
  }
  // Positions only: printing the pieces would put them in the test output.
  if (pieces.length > 0) found.push(`${pieces.length} pieces of ${window} characters (from ${pieces[0]})`);
  return found;
}
