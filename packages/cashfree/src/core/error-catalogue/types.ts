import type { CatalogueRow } from './entry.js';

/** The error `type`s of an error body; each row’s `type` is its own code. */
export const ERROR_TYPES: readonly CatalogueRow[] = [
  {
    code: 'api_connection_error',
    status: [],
    sdkError: 'ConnectionError',
    meaning: 'The request never got an answer from Cashfree.',
    cause: 'No network route, DNS failure, a refused or reset connection, a TLS problem, or a timeout.',
    fix: 'Check network access to the base URL (and CASHFREE_BASE_URL). cashfree-kit retries these with the same idempotency key; run `cashfree doctor` to test reachability.',
  },
  {
    code: 'api_error',
    status: [500],
    sdkError: 'ServerError',
    meaning: 'Cashfree failed while handling the request.',
    cause: 'A fault on Cashfree’s side, usually temporary.',
    fix: 'Retry with the same x-idempotency-key (cashfree-kit does this for you). If it persists, quote the x-request-id to Cashfree support.',
  },
  {
    code: 'authentication_error',
    status: [401],
    sdkError: 'AuthenticationError',
    meaning: 'Cashfree did not accept the credentials.',
    cause:
      'A wrong or missing x-client-id / x-client-secret, sandbox keys sent to production (or the reverse), or keys with stray whitespace.',
    fix: 'Copy both keys again from Dashboard → Developers → API Keys for the right mode (Test keys for sandbox), and check CASHFREE_ENV. `cashfree doctor` checks the key prefixes against the environment.',
  },
  {
    code: 'invalid_request_error',
    status: [400, 404, 409],
    sdkError: 'BadRequestError, NotFoundError or ConflictError (by status)',
    meaning:
      'The request was understood but refused: a field is invalid, a resource is missing or already exists.',
    cause: 'See the accompanying `code` and message; they name the field or resource.',
    fix: 'Fix the field named in the message. `cashfree errors explain <code>` explains the code.',
  },
  {
    code: 'feature_not_enabled',
    status: [400, 403],
    sdkError: 'ApiError',
    meaning: 'The API or payment method is not enabled on this Cashfree account.',
    cause:
      'Features such as seamless Order Pay, pre-authorisation, instant refunds or some payment methods need activation.',
    fix: 'Ask Cashfree (support or your account manager) to enable the feature for the environment you use, or use hosted checkout instead.',
  },
  {
    code: 'rate_limit_error',
    status: [429],
    sdkError: 'RateLimitError',
    meaning: 'Too many requests in the last minute for this API.',
    cause:
      'A burst above the per-minute limit (sandbox limits are far lower than production: 30 orders/min).',
    fix: 'Wait for x-ratelimit-retry seconds (cashfree-kit retries 429 and honours it), spread the calls out, or cache reads.',
  },
  {
    code: 'validation_error',
    status: [400],
    sdkError: 'BadRequestError',
    meaning: 'A field failed Cashfree’s validation.',
    cause:
      'A missing field, a wrong format or a value out of range; the message reads `<field> : <reason>. Value received: <value>`.',
    fix: 'Fix the field named in the message. cashfree-kit validates the common fields before sending, with the fix in the error.',
  },
  {
    code: 'idempotency_error',
    status: [422],
    sdkError: 'IdempotencyError',
    meaning: 'The same x-idempotency-key was sent with a different request body.',
    cause: 'A key reused across two different requests, or a body changed between retries.',
    fix: 'Use a new key per logical request and the same key only for retries of the same body. cashfree-kit generates one per call and keeps it across its retries.',
  },
  {
    code: 'bad_gateway_error',
    status: [502],
    sdkError: 'ServerError',
    meaning: 'The bank or payment network behind Cashfree failed.',
    cause: 'A downstream bank or network outage.',
    fix: 'Retry later; for payments, let the customer retry or pick another method. Check the payment status with GET /orders/{order_id}/payments before retrying a payment.',
  },
];
