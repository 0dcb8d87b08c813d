import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeWebhookSignature, signWebhook } from 'cashfree-kit/webhooks';
import fc from 'fast-check';
import { diagnoseSignature } from './diagnose.js';

const secret = 'cfsk_ma_test_diagnose_secret';
const body = '{"type":"PAYMENT_SUCCESS_WEBHOOK","data":{"order":{"order_amount":170.00}}}';
const bytes = (text: string) => new TextEncoder().encode(text);

test('confirms a trailing newline and CRLF line endings', async () => {
  const signed = await signWebhook({ body, secret });
  const newline = await diagnoseSignature({
    body: bytes(`${body}\n`),
    signature: signed.signature,
    timestamp: signed.timestamp,
    secret,
  });
  assert.deepEqual(newline[0], { cause: 'trailing_newline', confirmed: true, hint: newline[0]?.hint });

  const multiline = '{\n  "type": "X"\n}';
  const signedMultiline = await signWebhook({ body: multiline, secret });
  const crlf = await diagnoseSignature({
    body: bytes(multiline.replace(/\n/g, '\r\n')),
    signature: signedMultiline.signature,
    timestamp: signedMultiline.timestamp,
    secret,
  });
  assert.equal(crlf[0]?.cause, 'crlf_line_endings');
  assert.equal(crlf[0]?.confirmed, true);
});

test('confirms a secret with whitespace and a signature mangled by URL encoding', async () => {
  const signed = await signWebhook({ body, secret });
  const spaced = await diagnoseSignature({
    body: bytes(body),
    signature: signed.signature,
    timestamp: signed.timestamp,
    secret: ` ${secret}\n`,
  });
  assert.equal(spaced[0]?.cause, 'secret_whitespace');
  assert.equal(spaced[0]?.confirmed, true);

  const mangled = signed.signature.replace(/\+/g, ' ');
  if (mangled !== signed.signature) {
    const result = await diagnoseSignature({
      body: bytes(body),
      signature: mangled,
      timestamp: signed.timestamp,
      secret,
    });
    assert.equal(result[0]?.cause, 'signature_encoding');
  }
  const encoded = encodeURIComponent(signed.signature);
  const decoded = await diagnoseSignature({
    body: bytes(body),
    signature: encoded,
    timestamp: signed.timestamp,
    secret,
  });
  if (encoded !== signed.signature) assert.equal(decoded[0]?.cause, 'signature_encoding');
});

test('names a timestamp in seconds, and confirms a signature made over seconds', async () => {
  const ms = '1746427759733';
  const bySeconds = await signWebhook({ body, secret, timestamp: '1746427759' });
  const converted = await diagnoseSignature({
    body: bytes(body),
    signature: bySeconds.signature,
    timestamp: ms,
    secret,
  });
  assert.deepEqual(
    converted.map((d) => [d.cause, d.confirmed]),
    [['timestamp_in_seconds', true]],
  );

  const seconds = await diagnoseSignature({
    body: bytes(body),
    signature: 'x',
    timestamp: '1746427759',
    secret,
  });
  assert.deepEqual(
    seconds.map((d) => [d.cause, d.confirmed]),
    [['timestamp_in_seconds', false]],
  );
});

test('finds nothing to say about a plainly wrong secret', async () => {
  const signed = await signWebhook({ body, secret: 'another_secret_entirely' });
  assert.deepEqual(
    await diagnoseSignature({
      body: bytes(body),
      signature: signed.signature,
      timestamp: signed.timestamp,
      secret,
    }),
    [],
  );
});

test('a signature that starts with + and lost it to form decoding (a leading space) is still diagnosed', async () => {
  // This timestamp signs the body above to "+jDYa…": the case that failed one run in 64 when the
  // timestamp was Date.now(), because the leading space was trimmed before + was restored.
  const signed = await signWebhook({ body, secret, timestamp: '1746427759839' });
  assert.match(signed.signature, /^\+/);
  const diagnoses = await diagnoseSignature({
    body: bytes(body),
    signature: signed.signature.replace(/\+/g, ' '),
    timestamp: signed.timestamp,
    secret,
  });
  assert.deepEqual(
    diagnoses.map((d) => [d.cause, d.confirmed]),
    [['signature_encoding', true]],
  );
});

test('property: any signature mangled by form decoding or percent-encoding is diagnosed, for any secret and body', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.string({ minLength: 1, maxLength: 40 }),
      fc.string({ maxLength: 80 }),
      fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
      fc.constantFrom('form', 'percent', 'newline'),
      async (secretText, bodyText, time, mangling) => {
        const timestamp = String(time);
        const signature = await computeWebhookSignature({ rawBody: bodyText, timestamp, secret: secretText });
        const sent =
          mangling === 'form'
            ? signature.replace(/\+/g, ' ')
            : mangling === 'percent'
              ? encodeURIComponent(signature)
              : `${signature}\n`;
        const diagnoses = await diagnoseSignature({
          body: bytes(bodyText),
          signature: sent,
          timestamp,
          secret: secretText,
        });
        if (sent === signature) return;
        assert.equal(diagnoses[0]?.cause, 'signature_encoding', `${mangling}: ${JSON.stringify(sent)}`);
        assert.equal(diagnoses[0]?.confirmed, true);
      },
    ),
    { numRuns: 300 },
  );
});
