/**
 * Counts HMAC work while it is on, to prove that something was refused before any hashing: calls
 * into Web Crypto's `crypto.subtle` (importKey, sign, verify, digest) and into Node's
 * `crypto.createHmac`, which the webhook verifier uses where the runtime has it. The servers
 * under test run in this process, so their calls are counted too.
 */
import nodeCrypto from 'node:crypto';

const SUBTLE_METHODS = ['importKey', 'sign', 'verify', 'digest'] as const;

export function countHmacCalls(): { calls(): number; stop(): void } {
  const subtle = crypto.subtle as unknown as Record<string, (...args: unknown[]) => unknown>;
  const subtleOriginals = Object.fromEntries(SUBTLE_METHODS.map((name) => [name, subtle[name]]));
  // The verifier reaches this object through process.getBuiltinModule('node:crypto'), the same
  // exports object as this import, and reads createHmac from it on every call.
  const node = nodeCrypto as unknown as Record<string, (...args: unknown[]) => unknown>;
  const createHmac = node['createHmac'] as (...args: unknown[]) => unknown;
  let calls = 0;
  for (const name of SUBTLE_METHODS) {
    const original = subtleOriginals[name] as (...args: unknown[]) => unknown;
    subtle[name] = (...args: unknown[]) => {
      calls++;
      return original.apply(crypto.subtle, args);
    };
  }
  node['createHmac'] = (...args: unknown[]) => {
    calls++;
    return createHmac.apply(nodeCrypto, args);
  };
  return {
    calls: () => calls,
    stop: () => {
      Object.assign(subtle, subtleOriginals);
      node['createHmac'] = createHmac;
    },
  };
}
