/**
 * Payouts 2FA by public key, the sandbox's side: it holds an RSA key pair, gives out the public
 * key (dashboard, `GET /_sandbox/payouts/two-factor`) and, when `payouts.twoFactor` is on, refuses a
 * `/payout` request whose `x-cf-signature` is missing, unreadable, made for another client id or
 * not fresh. The signature is `clientId.unixSeconds` encrypted with the public key (RSA-OAEP,
 * SHA-1, base64). OAEP is randomised, so it is checked by decrypting, never by comparing bytes.
 */
import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { SandboxContext } from '../context.js';
import type { AppEnv } from './env.js';
import { SandboxHttpError } from './errors.js';
import { requestHeader } from './headers.js';

/** The request header that carries the signature. */
export const PAYOUT_SIGNATURE_HEADER = 'x-cf-signature';

/**
 * How far (seconds) the signed timestamp may be from the sandbox host's real time, either way.
 * Cashfree's 2FA page says a signature "expires after 10 minutes"; how much a timestamp may run
 * ahead is not documented, so the sandbox allows the same 10 minutes.
 */
export const PAYOUT_SIGNATURE_WINDOW_S = 600;

/** `meta` key of the key pair, so a sandbox with a database file keeps its public key across restarts. */
const META_KEY = 'payouts.two_factor_key_pair';

/** The sandbox's 2FA key pair, both halves PEM (SPKI public, PKCS#8 private). */
export interface PayoutKeyPair {
  readonly publicKey: string;
  readonly privateKey: string;
}

const pairs = new WeakMap<SandboxContext, PayoutKeyPair>();

/**
 * The sandbox's 2FA key pair: read from its database, else made once. The admin reset wipes `meta`,
 * so the pair is written back after it: a public key given to an app stays valid, as a key
 * generated on Cashfree's dashboard stays valid until a new one is generated.
 */
export function payoutKeyPair(ctx: SandboxContext): PayoutKeyPair {
  const stored = ctx.store.meta.get(META_KEY);
  let pair = pairs.get(ctx);
  if (pair === undefined) {
    pair = stored === undefined ? generatePair() : (JSON.parse(stored) as PayoutKeyPair);
    pairs.set(ctx, pair);
  }
  if (stored === undefined) ctx.store.meta.set(META_KEY, JSON.stringify(pair));
  return pair;
}

function generatePair(): PayoutKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey, privateKey };
}

/**
 * Why a signature was refused; the `help` of the 403 names it, so a developer learns which part
 * to fix (the key, the client id, or the clock).
 */
function problemWith(
  signature: string | undefined,
  pair: PayoutKeyPair,
  clientId: string,
  nowMs: number,
): string | undefined {
  if (signature === undefined || signature.trim() === '') {
    return `the request has no ${PAYOUT_SIGNATURE_HEADER} header. Give the SDK this sandbox's public key (publicKey option or CASHFREE_PAYOUTS_PUBLIC_KEY), shown on /_sandbox/payouts and at GET /_sandbox/payouts/two-factor`;
  }
  let plaintext: string;
  try {
    plaintext = privateDecrypt(
      { key: pair.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(signature, 'base64'),
    ).toString('utf8');
  } catch {
    return `${PAYOUT_SIGNATURE_HEADER} could not be decrypted with this sandbox's key: encrypt with the public key shown on /_sandbox/payouts (RSA-OAEP, SHA-1) and send it base64`;
  }
  // Cashfree's old Node SDK signed fractional seconds (Date.now()/1000), so a decimal is read too.
  const match = /^(.*?)\.(\d+(?:\.\d+)?)$/.exec(plaintext);
  if (!match) return `${PAYOUT_SIGNATURE_HEADER} must encrypt "<x-client-id>.<unix seconds>"`;
  const signedId = plaintext.startsWith(`${clientId}.`) ? clientId : match[1];
  const seconds = Number(plaintext.slice(`${signedId}.`.length));
  if (signedId !== clientId || !Number.isFinite(seconds)) {
    return `${PAYOUT_SIGNATURE_HEADER} was made for another client id: sign the x-client-id this request sends`;
  }
  const age = Math.round(nowMs / 1000 - seconds);
  if (Math.abs(age) > PAYOUT_SIGNATURE_WINDOW_S) {
    const when = age > 0 ? `${age} s old` : `${-age} s in the future`;
    return `${PAYOUT_SIGNATURE_HEADER} is ${when}; it is valid for ${PAYOUT_SIGNATURE_WINDOW_S} s: make a fresh one for each request and check the clock of the machine that signs`;
  }
  return undefined;
}

/**
 * Checks a request's `x-cf-signature` for `clientId` against the key pair at `nowMs` (real time:
 * the signer reads its wall clock, which the sandbox clock, advanced for tests, is not). Throws the
 * 403 the sandbox answers with. Cashfree does not document the v2 body of a 2FA failure; v1 answers
 * `{"status":"ERROR","subCode":"403","message":"IP not whitelisted"}`, so the sandbox keeps that
 * message in the v2 shape, with type `authentication_error` and its own code
 * `two_factor_authentication_failed` (both the sandbox's choice: the v2 body is undocumented).
 */
export function checkPayoutSignature(
  signature: string | undefined,
  pair: PayoutKeyPair,
  clientId: string,
  nowMs: number,
): void {
  const problem = problemWith(signature, pair, clientId, nowMs);
  if (problem === undefined) return;
  throw new SandboxHttpError(
    403,
    'two_factor_authentication_failed',
    'IP not whitelisted',
    'authentication_error',
    `[cashfree-sandbox] 2FA is on for Payouts and ${problem}.`,
  );
}

/**
 * Wraps the Payouts request guard so that, when 2FA is on, the signature is checked after the API
 * keys (a caller with wrong keys learns that first) and before the handler.
 */
export function withPayoutSignature(
  ctx: SandboxContext,
  guard: MiddlewareHandler<AppEnv>,
): MiddlewareHandler<AppEnv> {
  if (!ctx.config.payouts.twoFactor) return guard;
  const pair = payoutKeyPair(ctx);
  return (c, next) =>
    guard(c, async () => {
      checkPayoutSignature(
        requestHeader(c, PAYOUT_SIGNATURE_HEADER),
        pair,
        ctx.config.payouts.clientId,
        Date.now(),
      );
      await next();
    });
}
