/**
 * Why a webhook signature fails, beyond "it does not match": the CLI re-computes the signature
 * for the usual accidents (a trailing newline added by `echo` or an editor, CRLF line endings, a
 * secret with whitespace, a timestamp converted between seconds and milliseconds, a signature
 * mangled by URL encoding) and reports the one that explains the mismatch.
 */
import { computeWebhookSignature } from 'cashfree-kit/webhooks';

/** A delivery as the user gave it to `webhooks verify`. */
export interface DeliveryInput {
  body: Uint8Array;
  signature: string;
  timestamp: string;
  secret: string;
}

/** One explanation: what went wrong and what to do. */
export interface Diagnosis {
  /** Machine-readable cause, e.g. `trailing_newline`. */
  cause: string;
  /** Whether re-computing the signature with the accident undone made it match. */
  confirmed: boolean;
  hint: string;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

async function matches(body: Uint8Array | string, timestamp: string, secret: string, signature: string) {
  // An empty HMAC key is an error in Web Crypto; a whitespace-only secret trimmed is one.
  if (secret === '') return false;
  return (await computeWebhookSignature({ rawBody: body, timestamp, secret })) === signature;
}

/**
 * What the signature may have been before it was mangled: pasted with a line break, taken from a
 * URL or form body (`+` decoded as a space), or percent-encoded. Spaces become `+` before
 * trimming: base64 may start with `+`, which form decoding turns into a leading space that a trim
 * would delete (one signature in 64 starts with `+`).
 */
function signatureCandidates(signature: string): Set<string> {
  const plus = (text: string) => text.replace(/ /g, '+');
  const candidates = new Set([signature.trim(), plus(signature).trim(), plus(signature.trim())]);
  try {
    candidates.add(decodeURIComponent(signature.trim()));
  } catch {
    // not percent-encoded
  }
  return candidates;
}

/** Explanations for a signature that failed verification, confirmed ones first. */
export async function diagnoseSignature(input: DeliveryInput): Promise<Diagnosis[]> {
  const { body, timestamp, secret } = input;
  const text = decoder.decode(body);
  const found: Diagnosis[] = [];
  const signatures = signatureCandidates(input.signature);

  const tryVariant = async (
    variantBody: Uint8Array | string,
    variantTimestamp: string,
    variantSecret: string,
  ) => {
    for (const signature of signatures) {
      if (await matches(variantBody, variantTimestamp, variantSecret, signature)) return signature;
    }
    return undefined;
  };

  const mangled = await tryVariant(body, timestamp, secret);
  if (mangled !== undefined && mangled !== input.signature) {
    found.push({
      cause: 'signature_encoding',
      confirmed: true,
      hint: 'The signature matches once URL-decoding is undone (a + became a space, or %2B/%3D appear). Pass the x-webhook-signature header exactly as received.',
    });
  }

  const withoutNewline = text.replace(/\r?\n+$/, '');
  if (withoutNewline !== text) {
    const confirmed = (await tryVariant(withoutNewline, timestamp, secret)) !== undefined;
    found.push({
      cause: 'trailing_newline',
      confirmed,
      hint: confirmed
        ? "The body has a trailing newline that Cashfree did not sign: echo and most editors add one. Use printf '%s' or curl --data-binary @file, and pass the body byte for byte."
        : 'The body ends with a newline; Cashfree bodies do not. If you saved the body with an editor or echo, the newline is not part of what was signed.',
    });
  }

  if (text.includes('\r\n')) {
    const confirmed = (await tryVariant(text.replace(/\r\n/g, '\n'), timestamp, secret)) !== undefined;
    found.push({
      cause: 'crlf_line_endings',
      confirmed,
      hint: 'The body has Windows (CRLF) line endings; something converted them. Keep the bytes exactly as received.',
    });
  }

  if (secret.trim() !== secret) {
    const confirmed = (await tryVariant(body, timestamp, secret.trim())) !== undefined;
    found.push({
      cause: 'secret_whitespace',
      confirmed,
      hint: 'The secret has leading or trailing whitespace (a newline from a .env file or copy-paste). Trim it.',
    });
  }

  if (/^\d{10}$/.test(timestamp)) {
    found.push({
      cause: 'timestamp_in_seconds',
      confirmed: false,
      hint: 'x-webhook-timestamp looks like seconds (10 digits). Cashfree sends epoch milliseconds (13 digits) and signs that exact text: pass the header verbatim, never convert it.',
    });
  } else if (/^\d{13}$/.test(timestamp)) {
    const seconds = String(Math.floor(Number(timestamp) / 1000));
    if ((await tryVariant(body, seconds, secret)) !== undefined) {
      found.push({
        cause: 'timestamp_in_seconds',
        confirmed: true,
        hint: `The signature was made over the timestamp in seconds (${seconds}); Cashfree signs the millisecond text. The sender converted the timestamp before signing.`,
      });
    }
  }

  if (body.byteLength > 0 && encoder.encode(text).byteLength !== body.byteLength) {
    found.push({
      cause: 'not_utf8',
      confirmed: false,
      hint: 'The body is not valid UTF-8: it was re-encoded (e.g. to Latin-1) on the way. Pass the raw bytes.',
    });
  }

  return found.sort((a, b) => Number(b.confirmed) - Number(a.confirmed));
}
