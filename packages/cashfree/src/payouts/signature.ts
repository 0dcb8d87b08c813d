/**
 * Payouts 2FA by public key: `x-cf-signature` is `clientId.unixSeconds` encrypted with the public
 * key Cashfree's dashboard gives, RSA-OAEP with SHA-1, base64. Built with Web Crypto, so the SDK
 * stays free of dependencies and `node:` imports and runs on Bun, Deno and edge runtimes too.
 * OAEP is randomised: each signature differs, and Cashfree checks it by decrypting.
 */
import { ValidationError } from '../core/errors.js';
import { REDACTED } from '../internal/redact.js';

/** The header the signature travels in. */
export const SIGNATURE_HEADER = 'x-cf-signature';

/**
 * A function that makes a fresh `x-cf-signature` for `clientId` from the PEM public key.
 *
 * @example
 * const pem = process.env.CASHFREE_PAYOUTS_PUBLIC_KEY ?? '';
 * const sign = createPayoutSigner('CF_CLIENT_ID', pem);
 * const headers = { 'x-cf-signature': await sign() };
 */
export function createPayoutSigner(
  clientId: string,
  publicKeyPem: string,
  now: () => number = Date.now,
): () => Promise<string> {
  let key: Promise<CryptoKey> | undefined;
  return async () => {
    key ??= importPublicKey(publicKeyPem);
    const plaintext = new TextEncoder().encode(`${clientId}.${Math.floor(now() / 1000)}`);
    const encrypted = await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, await key, plaintext);
    return toBase64(new Uint8Array(encrypted));
  };
}

async function importPublicKey(pem: string): Promise<CryptoKey> {
  const match = /-----BEGIN (RSA )?PUBLIC KEY-----([\s\S]*?)-----END \1?PUBLIC KEY-----/.exec(pem);
  if (!match) throw badKey('it has no -----BEGIN PUBLIC KEY----- block');
  let der: Uint8Array<ArrayBuffer>;
  try {
    der = fromBase64(match[2] ?? '');
  } catch {
    throw badKey('its body is not base64');
  }
  // A PKCS#1 key (BEGIN RSA PUBLIC KEY) is wrapped in the SPKI envelope Web Crypto imports.
  const spki = match[1] ? wrapPkcs1(der) : der;
  try {
    return await crypto.subtle.importKey('spki', spki, { name: 'RSA-OAEP', hash: 'SHA-1' }, false, [
      'encrypt',
    ]);
  } catch {
    throw badKey('it is not an RSA public key');
  }
}

function badKey(problem: string): ValidationError {
  return new ValidationError(
    'publicKey',
    REDACTED,
    `publicKey could not be read: ${problem}. Pass the PEM text of the public key downloaded from ` +
      'Payouts → Developers → Two-Factor Authentication (the whole file, BEGIN and END lines included).',
  );
}

/** SubjectPublicKeyInfo { AlgorithmIdentifier rsaEncryption NULL, BIT STRING pkcs1 }. */
function wrapPkcs1(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  const algorithm = [
    0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
  ];
  const bitString = [0x03, ...derLength(pkcs1.length + 1), 0x00, ...pkcs1];
  const body = [...algorithm, ...bitString];
  return new Uint8Array([0x30, ...derLength(body.length), ...body]);
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/\s+/g, ''));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
