/**
 * Counts calls into Web Crypto's `crypto.subtle` (importKey, sign, verify, digest) while it is on,
 * to prove that something was refused before any hashing. The servers under test run in this
 * process, so their calls are counted too.
 */
const METHODS = ['importKey', 'sign', 'verify', 'digest'] as const;

export function countSubtleCalls(): { calls(): number; stop(): void } {
  const subtle = crypto.subtle as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = Object.fromEntries(METHODS.map((name) => [name, subtle[name]]));
  let calls = 0;
  for (const name of METHODS) {
    const original = originals[name] as (...args: unknown[]) => unknown;
    subtle[name] = (...args: unknown[]) => {
      calls++;
      return original.apply(crypto.subtle, args);
    };
  }
  return {
    calls: () => calls,
    stop: () => void Object.assign(subtle, originals),
  };
}
