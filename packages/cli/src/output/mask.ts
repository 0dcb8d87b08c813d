/**
 * Secrets are never printed in full: a secret key shows as its first and last four characters
 * (`cfsk…cret`), enough to tell two keys apart, and a short one not at all.
 */

/** Below this length, showing 8 characters would give away too much of the secret. */
const MIN_LENGTH_TO_HINT = 16;

/** `cfsk_ma_test_abcdef1234` → `cfsk…1234`; short or empty secrets → `****`. */
export function maskSecret(secret: string | undefined): string {
  if (!secret) return '(not set)';
  if (secret.length < MIN_LENGTH_TO_HINT) return '****';
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}

/** Replaces every occurrence of each secret in `text` with its mask. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join(maskSecret(secret));
  }
  return result;
}
