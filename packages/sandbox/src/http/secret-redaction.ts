/** What a removed secret reads as in the request log. */
export const REDACTED = '[secret removed]';

/**
 * Every spelling a secret can take in text it leaked into: as is, URL- and form-encoded (a query
 * string, a form), JSON-escaped (a body), base64, base64url and hex. Longest first, so a spelling
 * that contains another is removed whole.
 */
export function secretSpellings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const spellings = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    bytes.toString('base64'),
    bytes.toString('base64url'),
    bytes.toString('hex'),
  ]);
  return [...spellings].sort((a, b) => b.length - a.length);
}

/** A secret shorter than this is not looked for: it would match ordinary text. */
const MIN_SECRET_LENGTH = 6;

/**
 * A function that removes every spelling of the current secrets from a text. `secrets` is read on
 * each call (the keys are settings), the spellings computed again only when it changed.
 */
export function secretRedactor(secrets: () => readonly string[]): (text: string) => string {
  let key = '';
  let spellings: string[] = [];
  return (text) => {
    const current = secrets().filter((s) => s.length >= MIN_SECRET_LENGTH);
    const next = current.join('\n');
    if (next !== key) {
      key = next;
      spellings = current.flatMap(secretSpellings).sort((a, b) => b.length - a.length);
    }
    let out = text;
    for (const spelled of spellings) if (out.includes(spelled)) out = out.replaceAll(spelled, REDACTED);
    return out;
  };
}
