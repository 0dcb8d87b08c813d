import { timingSafeEqual } from 'node:crypto';
import { PRODUCTS, type ProductName } from 'cashfree-kit';
import { SandboxHttpError } from './errors.js';

/** Compares in constant time for equal lengths (a length mismatch is not a secret worth hiding). */
function same(received: string, expected: Buffer): boolean {
  const bytes = Buffer.from(received);
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

/**
 * Checks `x-client-id` / `x-client-secret` against the sandbox's credentials for `product` (whose
 * variables the help names: Payouts keys may differ from PG's). A failure is
 * Cashfree's 401 `{"message":"authentication Failed","code":"request_failed","type":"authentication_error"}`
 * with a `help` naming the fix; the expected secret is never echoed.
 */
export function createAuthCheck(
  appId: string,
  secretKey: string,
  product: ProductName = 'pg',
): (id: string | undefined, secret: string | undefined) => void {
  const { idVariable, secretVariable } = PRODUCTS[product].credentials;
  const idDigest = Buffer.from(appId);
  const secretDigest = Buffer.from(secretKey);
  return (id, secret) => {
    const idOk = id !== undefined && same(id, idDigest);
    const secretOk = secret !== undefined && same(secret, secretDigest);
    if (idOk && secretOk) return;
    const help =
      id === undefined || secret === undefined
        ? '[cashfree-sandbox] send both x-client-id and x-client-secret headers.'
        : `[cashfree-sandbox] x-client-id / x-client-secret do not match this sandbox (its app id is ${appId}). ` +
          `Use the credentials startSandbox() returns or \`npm start\` prints, or start the sandbox with ${idVariable} / ${secretVariable}.`;
    throw new SandboxHttpError(401, 'request_failed', 'authentication Failed', 'authentication_error', help);
  };
}
