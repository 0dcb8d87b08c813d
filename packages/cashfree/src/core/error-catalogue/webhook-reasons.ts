import type { CatalogueRow } from './entry.js';

/** The `reason`s of a `WebhookVerificationError`. */
export const WEBHOOK_REASONS: readonly CatalogueRow[] = [
  {
    code: 'missing_secret',
    status: [],
    sdkError: 'WebhookVerificationError',
    meaning: 'No secret was given to the webhook verifier.',
    cause: 'CASHFREE_SECRET_KEY (or the secret option) is unset where the webhook is verified.',
    fix: 'Pass your client secret of the same environment that sends the webhooks.',
  },
  {
    code: 'missing_body',
    status: [],
    sdkError: 'WebhookVerificationError',
    meaning: 'No request body reached the verifier.',
    cause: 'A middleware consumed the request stream, or the route reads the wrong field.',
    fix: "Give the verifier the raw body: express.raw({ type: 'application/json' }) then req.body, or await request.text().",
  },
  {
    code: 'missing_header',
    status: [],
    sdkError: 'WebhookVerificationError',
    meaning: 'x-webhook-signature or x-webhook-timestamp is missing.',
    cause: 'The request did not come from Cashfree, or a proxy stripped the headers.',
    fix: 'Forward the x-webhook-* headers unchanged; check the request source.',
  },
  {
    code: 'invalid_timestamp',
    status: [],
    sdkError: 'WebhookVerificationError',
    meaning: 'x-webhook-timestamp is not an epoch time.',
    cause: 'A header rewritten by a proxy, or the wrong header passed as the timestamp.',
    fix: 'Pass x-webhook-timestamp exactly as received (epoch milliseconds, like 1746427759733).',
  },
  {
    code: 'invalid_signature',
    status: [],
    sdkError: 'WebhookVerificationError',
    meaning: 'The signature does not match the body and timestamp with this secret.',
    cause:
      'The secret of the other environment, a secret with whitespace, or a body that was parsed and re-serialised, re-encoded or given a trailing newline.',
    fix: 'Verify the exact raw bytes with the client secret of the sending environment; `cashfree webhooks verify` diagnoses a failing delivery.',
  },
  {
    code: 'timestamp_outside_tolerance',
    status: [],
    sdkError: 'WebhookVerificationError',
    meaning:
      'The signature is genuine but the timestamp is older than maxAgeSeconds (default a day) or further ahead than toleranceSeconds (default 300 s).',
    cause: 'A replayed delivery, a wrong server clock, or re-processing stored webhooks.',
    fix: 'Fix the server clock (NTP); raise maxAgeSeconds only for deliberate re-processing.',
  },
  {
    code: 'body_not_json',
    status: [],
    sdkError: 'WebhookVerificationError',
    meaning: 'The signature matched but the body is not a JSON object.',
    cause: 'A test sender signing a non-JSON body.',
    fix: 'Send a JSON object body, as Cashfree does.',
  },
  {
    code: 'body_too_large',
    status: [],
    sdkError: 'WebhookVerificationError',
    meaning:
      'The body is over maxBodyBytes (default 1 MiB); it was refused before hashing, with HTTP 413 from the adapters.',
    cause: 'Not a Cashfree webhook (they are a few kilobytes), or a client flooding the endpoint.',
    fix: 'Nothing to fix for Cashfree traffic; raise maxBodyBytes only if you verify other, larger payloads.',
  },
  {
    code: 'body_reserialised',
    status: [],
    sdkError: 'WebhookVerificationError',
    meaning: 'The body was already parsed into an object, so the signed bytes are lost.',
    cause: 'A JSON body parser ran before the webhook route.',
    fix: "Use express.raw({ type: 'application/json' }) on the webhook route, Fastify's parseAs: 'buffer', or await request.text().",
  },
  {
    code: 'wrong_product',
    status: [],
    sdkError: 'WebhookVerificationError',
    meaning:
      'The signature is genuine but the event belongs to the other product: a Payouts event (TRANSFER_*, BULK_TRANSFER_REJECTED) given to the Payment Gateway verifier, or a Payment Gateway event given to the Payouts one.',
    cause: 'One endpoint registered for both products, or the wrong verifier on a route.',
    fix: "Verify Payouts webhooks with verifyPayoutsWebhook (adapters: product: 'payouts') and your Payouts secret, or give each product its own endpoint.",
  },
];
