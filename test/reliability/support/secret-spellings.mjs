/**
 * The reliability suites' client secret and every spelling a leak of it could take, in plain
 * JavaScript so that one definition serves both readers: scripts/test.mjs (run by plain node,
 * which cannot import TypeScript) scans the whole test output for these spellings, and
 * suite-secret.ts scans what the secrets battery captures. Types: secret-spellings.d.mts.
 */
import { randomBytes } from 'node:crypto';

/** Every suite secret starts with this; the rest is random and differs between runs. */
export const SUITE_SECRET_PREFIX = 'cfsk_ma_test_rel_';

/**
 * A fresh secret. It carries `+` and `/` so that URL- and form-encoding change it, as a real leak
 * through a query string or a form would.
 */
export function generateSuiteSecret() {
  const hex = (bytes) => randomBytes(bytes).toString('hex');
  return `${SUITE_SECRET_PREFIX}${hex(6)}+${hex(6)}/${hex(4)}`;
}

/** Every spelling of `secret` a leak could take, by name (some coincide for some secrets). */
export function secretSpellings(secret) {
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
 * A scan of one stream of text, chunk by chunk, for every spelling of `secret`: `scan(chunk)`
 * notes each spelling found, one split across two chunks included; `leaks` names those seen.
 */
export function leakScanner(secret) {
  const spellings = Object.entries(secretSpellings(secret));
  const longest = Math.max(...spellings.map(([, spelled]) => spelled.length));
  const leaks = new Set();
  let tail = '';
  return {
    leaks,
    scan(chunk) {
      // The end of the previous chunk too, so a spelling split across two chunks is still found.
      const text = tail + chunk;
      for (const [name, spelled] of spellings) if (text.includes(spelled)) leaks.add(name);
      tail = text.slice(-longest);
    },
  };
}
