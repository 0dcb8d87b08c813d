/**
 * Every Cashfree error code and type cashfree-kit knows, as data: what it means, what usually
 * causes it and how to fix it. The `cashfree errors` command and `docs/errors.md` are generated
 * from this one table, and apps can use it to turn an `ApiError` into advice.
 *
 * Sources: Cashfree's errors page (https://www.cashfree.com/docs/api-reference/payments/errors),
 * the 2025-01-01 OpenAPI contract, messages observed from the real sandbox, and the codes the
 * cashfree-kit sandbox emits.
 */

/**
 * What kind of identifier an entry explains:
 * - `type`: the `type` field of an error body (`invalid_request_error`, `rate_limit_error`…).
 * - `code`: the `code` field of an error body (`order_already_exists`…).
 * - `payment`: `error_details.error_code` of a failed payment (`TRANSACTION_DECLINED`…).
 * - `webhook`: a `WebhookVerificationError.reason` raised by cashfree-kit's verifier.
 *
 * @example
 * const kind: ErrorCatalogueKind = 'payment';
 * const paymentFailures = ERROR_CATALOGUE.filter((entry) => entry.kind === kind);
 */
export type ErrorCatalogueKind = 'type' | 'code' | 'payment' | 'webhook';

/**
 * One row of the catalogue.
 *
 * @example
 * const entry: ErrorCatalogueEntry | undefined = explainErrorCode('order_already_exists');
 * console.log(entry?.meaning, entry?.fix);
 */
export interface ErrorCatalogueEntry {
  /** The code, type or reason exactly as it appears on the wire or on the error. */
  readonly code: string;
  readonly kind: ErrorCatalogueKind;
  /** HTTP statuses it comes with, when it comes in an HTTP error response. */
  readonly status: readonly number[];
  /** The error `type` it usually comes with. */
  readonly type: string | undefined;
  /** The cashfree-kit error class thrown for it, e.g. `ConflictError`. */
  readonly sdkError: string | undefined;
  /** What it means. */
  readonly meaning: string;
  /** What usually causes it. */
  readonly cause: string;
  /** What to do about it. */
  readonly fix: string;
  /**
   * True when no row exists for the code and the entry is the general advice for Cashfree's
   * `<field>_missing` / `<field>_invalid` codes, built for the field the code names.
   */
  readonly generic: boolean;
  /**
   * The code of the catalogue row that answered, when it is not `code` itself. Cashfree names a
   * nested field by its full path (`customer_details.customer_phone_invalid`); such a code with no
   * row of its own is answered by the row of its last segment (`customer_phone_invalid`).
   */
  readonly answeredBy?: string;
}

type Row = [
  code: string,
  status: number[],
  type: string | undefined,
  sdkError: string | undefined,
  meaning: string,
  cause: string,
  fix: string,
];

const bad = 'invalid_request_error';
const dashboardLogs =
  "Cashfree's dashboard (Developers → API logs) shows the request as Cashfree received it.";

const types: Row[] = [
  [
    'api_connection_error',
    [],
    undefined,
    'ConnectionError',
    'The request never got an answer from Cashfree.',
    'No network route, DNS failure, a refused or reset connection, a TLS problem, or a timeout.',
    'Check network access to the base URL (and CASHFREE_BASE_URL). cashfree-kit retries these with the same idempotency key; run `cashfree doctor` to test reachability.',
  ],
  [
    'api_error',
    [500],
    undefined,
    'ServerError',
    'Cashfree failed while handling the request.',
    'A fault on Cashfree’s side, usually temporary.',
    'Retry with the same x-idempotency-key (cashfree-kit does this for you). If it persists, quote the x-request-id to Cashfree support.',
  ],
  [
    'authentication_error',
    [401],
    undefined,
    'AuthenticationError',
    'Cashfree did not accept the credentials.',
    'A wrong or missing x-client-id / x-client-secret, sandbox keys sent to production (or the reverse), or keys with stray whitespace.',
    'Copy both keys again from Dashboard → Developers → API Keys for the right mode (Test keys for sandbox), and check CASHFREE_ENV. `cashfree doctor` checks the key prefixes against the environment.',
  ],
  [
    'invalid_request_error',
    [400, 404, 409],
    undefined,
    'BadRequestError, NotFoundError or ConflictError (by status)',
    'The request was understood but refused: a field is invalid, a resource is missing or already exists.',
    'See the accompanying `code` and message; they name the field or resource.',
    'Fix the field named in the message. `cashfree errors explain <code>` explains the code.',
  ],
  [
    'feature_not_enabled',
    [400, 403],
    undefined,
    'ApiError',
    'The API or payment method is not enabled on this Cashfree account.',
    'Features such as seamless Order Pay, pre-authorisation, instant refunds or some payment methods need activation.',
    'Ask Cashfree (support or your account manager) to enable the feature for the environment you use, or use hosted checkout instead.',
  ],
  [
    'rate_limit_error',
    [429],
    undefined,
    'RateLimitError',
    'Too many requests in the last minute for this API.',
    'A burst above the per-minute limit (sandbox limits are far lower than production: 30 orders/min).',
    'Wait for x-ratelimit-retry seconds (cashfree-kit retries 429 and honours it), spread the calls out, or cache reads.',
  ],
  [
    'validation_error',
    [400],
    undefined,
    'BadRequestError',
    'A field failed Cashfree’s validation.',
    'A missing field, a wrong format or a value out of range; the message reads `<field> : <reason>. Value received: <value>`.',
    'Fix the field named in the message. cashfree-kit validates the common fields before sending, with the fix in the error.',
  ],
  [
    'idempotency_error',
    [422],
    undefined,
    'IdempotencyError',
    'The same x-idempotency-key was sent with a different request body.',
    'A key reused across two different requests, or a body changed between retries.',
    'Use a new key per logical request and the same key only for retries of the same body. cashfree-kit generates one per call and keeps it across its retries.',
  ],
  [
    'bad_gateway_error',
    [502],
    undefined,
    'ServerError',
    'The bank or payment network behind Cashfree failed.',
    'A downstream bank or network outage.',
    'Retry later; for payments, let the customer retry or pick another method. Check the payment status with GET /orders/{order_id}/payments before retrying a payment.',
  ],
];

const codes: Row[] = [
  // ---- orders ----
  [
    'order_already_exists',
    [409],
    bad,
    'ConflictError',
    'An order with this order_id already exists ("order with same id is already present").',
    'order_id values are unique per account; a retry or a second checkout reused one.',
    'Use a new order_id per checkout attempt, or fetch the existing order with GET /orders/{order_id} and reuse its payment_session_id.',
  ],
  [
    'order_id_already_exists',
    [409],
    bad,
    'ConflictError',
    'An order with this order_id already exists.',
    'The same order_id was sent twice.',
    'Use a new order_id, or fetch the existing order and continue with it.',
  ],
  [
    'order_not_found',
    [404],
    bad,
    'NotFoundError',
    'There is no order with this order_id ("Order Reference Id does not exist").',
    'A typo, an order created with other credentials or in the other environment, or an id that was never created.',
    'Check the order_id and that the keys and CASHFREE_ENV match the environment the order was created in.',
  ],
  [
    'order_get_not_found',
    [404],
    bad,
    'NotFoundError',
    'The order could not be fetched because it does not exist.',
    'Wrong order_id, or the order belongs to another account or environment.',
    'Check the order_id, the credentials and CASHFREE_ENV.',
  ],
  [
    'order_id_invalid',
    [400],
    bad,
    'BadRequestError',
    'The order_id is not a valid order id.',
    'Characters other than letters, digits, `_` and `-`, or a length outside 3–45 (the 2025-01-01 contract’s limit, which the local sandbox enforces; cashfree-kit’s own check lets 46–50 through, see docs/decisions/0001-order-id-length.md).',
    'Send 3–45 characters of letters, digits, `_` and `-`, e.g. `order_001`.',
  ],
  [
    'order_amount_invalid',
    [400],
    bad,
    'BadRequestError',
    'The order_amount is invalid ("order_amount : Invalid amount entered").',
    'Less than ₹1, more than 2 decimals, a string, or an amount in paise.',
    'Send rupees as a number with at most 2 decimals, at least 1 (₹499 is 499.00, not 49900).',
  ],
  [
    'order_currency_invalid',
    [400],
    bad,
    'BadRequestError',
    'The order_currency is not valid or not enabled ("order_currency : is not valid or not enabled").',
    'A typo, or a foreign currency not enabled on the account.',
    'Send `INR`, or ask Cashfree to enable international payments for other currencies.',
  ],
  [
    'order_expiry_time_invalid',
    [400],
    bad,
    'BadRequestError',
    'The order_expiry_time is outside the allowed window ("Expiry time should be more than 15 min and less than 30 days").',
    'An expiry within 15 minutes (exactly 15 is refused), beyond 30 days, or a badly formatted ISO 8601 time.',
    'Send an ISO 8601 time with offset between 16 minutes and 30 days from now, e.g. `2025-05-01T12:00:00+05:30`, or leave it out.',
  ],
  [
    'order_inactive',
    [400],
    bad,
    'BadRequestError',
    'The order can no longer be paid.',
    'It is PAID, EXPIRED or TERMINATED.',
    'Fetch the order to see its status; create a new order for a new payment attempt.',
  ],
  [
    'order_already_paid',
    [400, 409],
    bad,
    'BadRequestError',
    'The order is already paid.',
    'A second payment attempt or a terminate request on a paid order.',
    'Treat the order as paid; refund it if the customer should not have been charged.',
  ],
  [
    'orderpay_already_exists',
    [400, 409],
    bad,
    'BadRequestError',
    'A payment attempt for this order is already in progress.',
    'Order Pay was called again while the previous attempt is still pending.',
    'Wait for the pending payment to finish (GET /orders/{order_id}/payments) before starting another.',
  ],
  [
    'orderpay_not_found',
    [404],
    bad,
    'NotFoundError',
    'The payment attempt to authenticate does not exist.',
    'A wrong cf_payment_id in /orders/pay/authenticate.',
    'Use the cf_payment_id returned by Order Pay.',
  ],
  [
    'order_status_invalid',
    [400],
    bad,
    'BadRequestError',
    'The body of a terminate request is not `{ "order_status": "TERMINATED" }`.',
    'A PATCH /orders/{order_id} with another order_status, or none.',
    'Send order_status TERMINATED (cashfree-kit’s orders.terminate() does); an order cannot be set to any other status.',
  ],
  [
    'order_amount_missing',
    [400],
    bad,
    'BadRequestError',
    'The create-order request has no order_amount ("order_amount : is missing in the request").',
    'order_amount was left out or sent as null (NaN and Infinity become null in JSON), or named differently (amount, orderAmount).',
    'Send order_amount in rupees as a number with at most 2 decimals, at least 1, e.g. `499.00`.',
  ],
  [
    'order_currency_missing',
    [400],
    bad,
    'BadRequestError',
    'The create-order request has no order_currency.',
    'order_currency was left out or sent empty.',
    'Send `INR` (or another currency enabled on the account).',
  ],
  [
    'customer_details_missing',
    [400],
    bad,
    'BadRequestError',
    'The request has no customer_details; orders and payment links need one.',
    'customer_details was left out or sent as null.',
    "Send an object with the customer’s details: for an order at least `{ customer_id: 'cust_001', customer_phone: '9876543210' }`, for a link at least customer_phone.",
  ],
  [
    'customer_details_invalid',
    [400],
    bad,
    'BadRequestError',
    'customer_details is not an object.',
    'A string (such as the customer id alone), an array or another value in its place.',
    "Send an object, e.g. `{ customer_id: 'cust_001', customer_phone: '9876543210' }`.",
  ],
  [
    'customer_id_missing',
    [400],
    bad,
    'BadRequestError',
    'The order has no customer_details.customer_id.',
    'customer_id was left out or sent empty; an order needs your own id for the customer.',
    'Send your id for the customer, 3–50 characters, e.g. `cust_001`.',
  ],
  [
    'customer_id_invalid',
    [400],
    bad,
    'BadRequestError',
    'customer_details.customer_id is not a valid customer id.',
    'Not a string (a number), fewer than 3 or more than 50 characters, or characters other than letters, digits, `_` and `-`.',
    'Send your id for the customer as a string of 3–50 letters, digits, `_` or `-`, e.g. `cust_001`.',
  ],
  [
    'customer_phone_missing',
    [400],
    bad,
    'BadRequestError',
    'The request has no customer_details.customer_phone; orders and payment links need one.',
    'customer_phone was left out or sent empty.',
    'Send the customer’s 10-digit mobile number with no country code, e.g. `9876543210`.',
  ],
  [
    'customer_name_invalid',
    [400],
    bad,
    'BadRequestError',
    'customer_details.customer_name is not accepted.',
    'Fewer than 3 or more than 100 characters, or not a string.',
    'Send the name as 3–100 characters, or leave it out.',
  ],
  [
    'order_note_invalid',
    [400],
    bad,
    'BadRequestError',
    'order_note is not accepted.',
    'Fewer than 3 or more than 200 characters, or not a string.',
    'Send a note of 3–200 characters, or leave it out.',
  ],
  [
    'order_meta_invalid',
    [400],
    bad,
    'BadRequestError',
    'order_meta is not an object.',
    'A string (such as a bare notify URL) or another value in its place.',
    "Send an object such as `{ return_url: 'https://yourapp.com/return?order_id={order_id}', notify_url: 'https://yourapp.com/webhook/cashfree' }`, or leave order_meta out.",
  ],
  [
    'notify_url_invalid',
    [400],
    bad,
    'BadRequestError',
    'The notify_url of order_meta or link_meta is not a URL Cashfree can send webhooks to.',
    'Plain http, another scheme (ftp:), text that is not a URL, or more than 250 characters.',
    'Send the https URL of your webhook route, e.g. `https://yourapp.com/webhook/cashfree` (the local sandbox also takes http on 127.0.0.1 and localhost), or leave it out.',
  ],
  [
    'shipment_details_missing',
    [400],
    bad,
    'BadRequestError',
    'The update of an order’s extended data carries neither shipment_details nor order_delivery_status.',
    'PUT /orders/{order_id}/extended with an empty body, or with both parts left out or null.',
    'Send shipment_details (tracking_company, tracking_urls, tracking_numbers), order_delivery_status ({ status }), or both.',
  ],
  [
    'shipment_details_invalid',
    [400],
    bad,
    'BadRequestError',
    'shipment_details is not a non-empty list of shipments.',
    'An object or a string in place of the list, or an empty list.',
    "Send a list such as `[{ tracking_company: 'DHL', tracking_urls: ['https://dhl.com/track/123456'], tracking_numbers: ['TRACK123456'] }]`.",
  ],
  [
    'order_delivery_status_invalid',
    [400],
    bad,
    'BadRequestError',
    'order_delivery_status is not an object.',
    'The status sent as a bare string instead of `{ status }`.',
    "Send an object such as `{ status: 'SHIPPED', reason: 'handed to the courier' }`, or leave it out.",
  ],
  [
    'order_delivery_status.status_invalid',
    [400],
    bad,
    'BadRequestError',
    'The delivery status is not one Cashfree documents.',
    'A value outside the contract’s list (ORDER_DELIVERY_STATUSES), or another spelling such as `shipped` or `ARRIVED`.',
    'Send one of ORDER_DELIVERY_STATUSES in upper case, e.g. `SHIPPED`, `OUT_FOR_DELIVERY` or `DELIVERED`.',
  ],
  // ---- payments ----
  [
    'payment_session_id_invalid',
    [400],
    bad,
    'BadRequestError',
    'The payment_session_id is not valid.',
    'A truncated or altered session id, a session from the other environment, or the session of an order that expired or was paid.',
    'Pass the payment_session_id exactly as the create-order response returned it, with the checkout mode (sandbox/production) matching the keys.',
  ],
  [
    'payment_method_invalid',
    [400],
    bad,
    'BadRequestError',
    'The payment_method object is not valid.',
    'More than one method, a missing channel, or fields of another method.',
    'Send exactly one method, e.g. `{ "upi": { "channel": "collect", "upi_id": "testsuccess@gocash" } }`.',
  ],
  [
    'payment_method_unsupported',
    [400],
    bad,
    'BadRequestError',
    'This payment method is not available for the order or account.',
    'The method is excluded by order_meta.payment_methods, not enabled on the account, or not supported in sandbox (PayPal, bank transfer).',
    'Pick an enabled method, or enable it in the dashboard.',
  ],
  [
    'payment_amount_invalid',
    [400],
    bad,
    'BadRequestError',
    'The payment amount is invalid.',
    'An amount that does not match the order, or below the method’s minimum (e.g. cardless EMI needs ₹1000).',
    'Pay the order amount; check the method’s minimum.',
  ],
  [
    'payment_not_found',
    [404],
    bad,
    'NotFoundError',
    'There is no payment with this cf_payment_id for the order.',
    'A wrong cf_payment_id, or a payment of another order.',
    'List the order’s payments with GET /orders/{order_id}/payments and use a cf_payment_id from there.',
  ],
  [
    'payment_already_processed',
    [400],
    bad,
    'BadRequestError',
    'The payment is no longer PENDING, so it cannot be authenticated or changed.',
    'An OTP submitted twice, or for a payment that already succeeded, failed or expired.',
    'Fetch the payment (GET /orders/{order_id}/payments/{cf_payment_id}) for its outcome; start a new payment attempt if it failed.',
  ],
  [
    'channel_missing',
    [400],
    bad,
    'BadRequestError',
    'The payment method has no channel.',
    'payment_method.<method>.channel was left out.',
    'Send a channel: `link` or `post` for cards, `collect`, `link` or `qrcode` for UPI.',
  ],
  [
    'upi_id_invalid',
    [400],
    bad,
    'BadRequestError',
    'The UPI id (VPA) is not valid.',
    'A malformed VPA; in sandbox, a VPA that is not one of the test VPAs.',
    'In sandbox use a test VPA such as `testsuccess@gocash` (or `testfailure@gocash` for a failure).',
  ],
  [
    'card_number_invalid',
    [400],
    bad,
    'BadRequestError',
    'The card number is not valid.',
    'A typo or a number that fails the Luhn check; in sandbox, a card that is not a test card.',
    'In sandbox use a test card such as 4111 1111 1111 1111 with any future expiry, CVV 123 and OTP 111000.',
  ],
  [
    'card_bank_name_missing',
    [400],
    bad,
    'BadRequestError',
    'card_bank_name is required for this card payment (card EMI).',
    'An EMI payment without the issuing bank.',
    'Send card_bank_name, e.g. `ICICI`.',
  ],
  [
    'netbanking_bank_code_invalid',
    [400],
    bad,
    'BadRequestError',
    'The netbanking bank code is not valid.',
    'A code that is not 4 digits or not a supported bank.',
    'Send a 4-digit netbanking_bank_code (sandbox: 3333, "TEST Bank") or a 5-letter netbanking_bank_name (sandbox: TESTR).',
  ],
  [
    'emi_tenure_invalid',
    [400],
    bad,
    'BadRequestError',
    'The EMI tenure is not offered for this card or amount.',
    'A tenure the bank does not offer.',
    'Pick a tenure the bank offers for the amount (e.g. 3, 6, 9, 12).',
  ],
  [
    'emi_tenure_missing',
    [400],
    bad,
    'BadRequestError',
    'An EMI payment has no emi_tenure.',
    'emi_tenure was left out of an EMI payment.',
    'Send emi_tenure in months.',
  ],
  [
    'authorize_only_invalid',
    [400],
    bad,
    'BadRequestError',
    'authorize_only (pre-authorisation) is not allowed here.',
    'Pre-authorisation is not enabled on the account or not supported for the method.',
    'Leave authorize_only out, or ask Cashfree to enable pre-authorisation.',
  ],
  [
    'customer_phone_invalid',
    [400],
    bad,
    'BadRequestError',
    'The customer phone number is not valid.',
    'A country code (+91 or 91), a leading 0, spaces, or not 10 digits.',
    'Send exactly 10 digits with no country code, e.g. `9876543210`.',
  ],
  [
    'phone_invalid',
    [400],
    bad,
    'BadRequestError',
    'A phone number is not valid.',
    'Not a 10-digit Indian mobile number.',
    'Send exactly 10 digits with no country code.',
  ],
  [
    'customer_email_invalid',
    [400],
    bad,
    'BadRequestError',
    'The customer email address is not valid.',
    'A malformed address, or one shorter than 3 or longer than 100 characters.',
    'Send a valid address such as `priya@example.com`, or leave the field out.',
  ],
  [
    'upi_id_missing',
    [400],
    bad,
    'BadRequestError',
    'A UPI collect payment has no upi_id.',
    'payment_method.upi.channel is collect but upi_id is absent or empty.',
    'Send the customer’s VPA as upi_id (in sandbox a test VPA such as `testsuccess@gocash`), or use channel link or qrcode.',
  ],
  [
    'upi_expiry_minutes_invalid',
    [400],
    bad,
    'BadRequestError',
    'upi_expiry_minutes is outside 5–15.',
    'A collect request asked to stay open for less than 5 or more than 15 minutes.',
    'Send a whole number of minutes from 5 to 15, or leave it out for the default of 5.',
  ],
  [
    'netbanking_bank_code_missing',
    [400],
    bad,
    'BadRequestError',
    'A netbanking payment names no bank.',
    'payment_method.netbanking has neither netbanking_bank_code nor netbanking_bank_name.',
    'Send the 4-digit netbanking_bank_code (in sandbox 3333, the test bank) or the 5-letter netbanking_bank_name.',
  ],
  // ---- refunds ----
  [
    'refund_amount_invalid',
    [400],
    bad,
    'BadRequestError',
    'The refund_amount is invalid ("refund_amount : Invalid amount entered").',
    'Zero or negative, more than 2 decimals, or more than what is left to refund on the payment.',
    'Send rupees greater than 0 with at most 2 decimals, no more than the paid amount minus earlier refunds.',
  ],
  [
    'refund_id_invalid',
    [400],
    bad,
    'BadRequestError',
    'The refund_id is not valid.',
    'Characters other than letters, digits, `_` and `-`, or a length outside 3–40.',
    'Send 3–40 characters of letters, digits, `_` and `-`, e.g. `refund_001`.',
  ],
  [
    'refund_id_missing',
    [400],
    bad,
    'BadRequestError',
    'The refund request has no refund_id.',
    'refund_id was left out.',
    'Send your own refund_id; it makes the refund idempotent.',
  ],
  [
    'refund_id_already_exists',
    [400, 409],
    bad,
    'BadRequestError',
    'A refund with this refund_id exists with different details.',
    'A refund_id reused for a different amount or order.',
    'Use a new refund_id for a new refund; resending the same body returns the existing refund.',
  ],
  [
    'refund_invalid',
    [400],
    bad,
    'BadRequestError',
    'The refund cannot be made for this order.',
    'The order has no successful payment, or the refund window (about 6 months) has passed.',
    'Refund only PAID orders within six months of payment; check the order and its payments first.',
  ],
  [
    'refund_not_allowed',
    [400, 409],
    bad,
    'BadRequestError',
    'A refund is not allowed for this order in its current state.',
    'The order is not PAID, or it is already fully refunded.',
    'Check the order status and the sum of its refunds (GET /orders/{order_id}/refunds).',
  ],
  [
    'refund_unsupported',
    [400],
    bad,
    'BadRequestError',
    'Refunds (or this kind of refund) are not supported for the payment.',
    'A method that does not allow partial refunds, or an unsupported refund_speed.',
    'Refund the full amount, or use refund_speed STANDARD.',
  ],
  [
    'refund_get_not_found',
    [404],
    bad,
    'NotFoundError',
    'There is no refund with this refund_id for the order.',
    'A wrong refund_id or order_id.',
    'List the order’s refunds with GET /orders/{order_id}/refunds.',
  ],
  [
    'refund_amount_missing',
    [400],
    bad,
    'BadRequestError',
    'The refund request has no refund_amount.',
    'refund_amount was left out or sent as null.',
    'Send the amount to refund in rupees, above 0 with at most 2 decimals, e.g. `10.50`.',
  ],
  [
    'refund_speed_invalid',
    [400],
    bad,
    'BadRequestError',
    'refund_speed is not STANDARD or INSTANT.',
    'Another word, or the right word in lower case (`instant`).',
    'Send `STANDARD` or `INSTANT` in capitals, or leave it out for STANDARD.',
  ],
  [
    'refund_note_invalid',
    [400],
    bad,
    'BadRequestError',
    'refund_note is not accepted.',
    'Fewer than 3 or more than 100 characters, or not a string.',
    'Send a note of 3–100 characters, or leave it out.',
  ],
  // ---- links ----
  [
    'link_already_exists',
    [409],
    bad,
    'ConflictError',
    'A payment link with this link_id already exists.',
    'link_id values are unique per account.',
    'Use a new link_id, or fetch the existing link with GET /links/{link_id}.',
  ],
  [
    'link_not_found',
    [404],
    bad,
    'NotFoundError',
    'There is no payment link with this link_id ("No request found with link Id <id>").',
    'A typo, or a link of another account or environment.',
    'Check the link_id, the credentials and CASHFREE_ENV.',
  ],
  [
    'link_get_not_found',
    [404],
    bad,
    'NotFoundError',
    'The payment link could not be fetched because it does not exist.',
    'A wrong link_id.',
    'Check the link_id, the credentials and CASHFREE_ENV.',
  ],
  [
    'link_not_active',
    [400],
    bad,
    'BadRequestError',
    'The payment link’s status does not allow this: cancelling needs an ACTIVE link, paying an ACTIVE or PARTIALLY_PAID one.',
    'Cancelling a link that is PAID, PARTIALLY_PAID, EXPIRED or CANCELLED, or paying one that is PAID, EXPIRED or CANCELLED.',
    'Fetch the link (GET /links/{link_id}) to see its link_status; create a new link to collect again.',
  ],
  [
    'amount_invalid',
    [400],
    bad,
    'BadRequestError',
    'The amount paid on a payment link is not allowed.',
    'More than what is left to pay, a partial payment on a link without partial payments, or less than link_minimum_partial_amount.',
    'Pay what is left on the link, or create the link with link_partial_payments and a suitable minimum.',
  ],
  [
    'link_currency_invalid',
    [400],
    bad,
    'BadRequestError',
    'The link_currency is not valid or not enabled.',
    'A typo, or a foreign currency not enabled on the account.',
    'Send `INR`, or ask Cashfree to enable international payments for other currencies.',
  ],
  [
    'link_expiry_time_invalid',
    [400],
    bad,
    'BadRequestError',
    'The link_expiry_time is not a future ISO 8601 time.',
    'A badly formatted time, or one that has already passed.',
    'Send an ISO 8601 time with an offset in the future, e.g. `2025-05-01T12:00:00+05:30`, or leave it out for 30 days.',
  ],
  [
    'link_minimum_partial_amount_invalid',
    [400],
    bad,
    'BadRequestError',
    'The first instalment of a partial-payment link is not less than link_amount.',
    'link_minimum_partial_amount equal to or above link_amount, or not an amount in rupees.',
    'Send a smaller first instalment in rupees, or turn link_partial_payments off.',
  ],
  [
    'status_invalid',
    [400],
    bad,
    'BadRequestError',
    'The status filter of the link orders query is not ALL or PAID.',
    'GET /links/{link_id}/orders?status= with another value.',
    'Send status=PAID (the default) or status=ALL.',
  ],
  [
    'link_id_missing',
    [400],
    bad,
    'BadRequestError',
    'The create-link request has no link_id.',
    'link_id was left out or sent empty; a payment link needs your own id.',
    'Send a unique id of up to 50 letters, digits, `_` or `-`, e.g. `link_001`.',
  ],
  [
    'link_id_invalid',
    [400],
    bad,
    'BadRequestError',
    'link_id is not a valid link id.',
    'More than 50 characters, characters other than letters, digits, `_` and `-` (a space), or not a string.',
    'Send up to 50 letters, digits, `_` or `-`, e.g. `link_001`.',
  ],
  [
    'link_amount_missing',
    [400],
    bad,
    'BadRequestError',
    'The create-link request has no link_amount.',
    'link_amount was left out or sent as null.',
    'Send link_amount in rupees as a number with at most 2 decimals, at least 1, e.g. `999.00`.',
  ],
  [
    'link_amount_invalid',
    [400],
    bad,
    'BadRequestError',
    'The link_amount is invalid ("link_amount : Invalid amount entered").',
    'Less than ₹1, more than 2 decimals, a string, or an amount in paise.',
    'Send rupees as a number with at most 2 decimals, at least 1 (₹999 is 999.00, not 99900).',
  ],
  [
    'link_currency_missing',
    [400],
    bad,
    'BadRequestError',
    'The create-link request has no link_currency.',
    'link_currency was left out or sent empty.',
    'Send `INR` (or another currency enabled on the account).',
  ],
  [
    'link_purpose_missing',
    [400],
    bad,
    'BadRequestError',
    'The create-link request has no link_purpose, the text the link page shows the customer.',
    'link_purpose was left out or sent empty.',
    'Send what the payment is for, up to 500 characters, e.g. `Course fee`.',
  ],
  [
    'link_purpose_invalid',
    [400],
    bad,
    'BadRequestError',
    'link_purpose is not accepted.',
    'More than 500 characters, or not a string.',
    'Send what the payment is for as text of up to 500 characters.',
  ],
  [
    'link_meta_invalid',
    [400],
    bad,
    'BadRequestError',
    'link_meta is not an object.',
    'A string (such as a bare notify URL) or another value in its place.',
    "Send an object such as `{ notify_url: 'https://yourapp.com/webhook/cashfree' }`, or leave link_meta out.",
  ],
  // ---- settlements and simulation ----
  [
    'settlement_get_not_found',
    [404],
    bad,
    'NotFoundError',
    'There is no settlement for this order yet.',
    'The order is not paid, or its payment has not been settled yet (settlements run on a schedule, T+1 or later).',
    'Try again after the settlement cycle; use POST /settlements with a date range to list settlements.',
  ],
  [
    'filters_invalid',
    [400],
    bad,
    'BadRequestError',
    'The settlement filters select nothing.',
    'POST /settlements or /settlement/recon without cf_settlement_ids, settlement_utrs, or both start_date and end_date.',
    'Send filters with a date range (start_date and end_date) or settlement ids / UTRs.',
  ],
  [
    'settlement_invalid',
    [400],
    bad,
    'BadRequestError',
    'The settlement has already reached a final status.',
    'A status change requested for a settlement that is no longer PENDING.',
    'Fetch the settlement to see its status; only PENDING settlements change.',
  ],
  [
    'simulation_id_invalid',
    [400, 404],
    bad,
    'BadRequestError',
    'The simulation_id is not valid.',
    'A typo, or a simulation of another account.',
    'Use the simulation_id returned by POST /simulate.',
  ],
  [
    'simulation_id_missing',
    [400],
    bad,
    'BadRequestError',
    'The simulation_id is missing.',
    'An empty id in GET /simulate/{simulation_id}.',
    'Pass the simulation_id returned by POST /simulate.',
  ],
  [
    'entity_id_invalid',
    [400],
    bad,
    'BadRequestError',
    'The entity_id to simulate is not valid.',
    'For PAYMENTS, entity_id must be the cf_payment_id of an existing payment.',
    'Create an order, start a payment (Order Pay or checkout), then simulate with that payment’s cf_payment_id.',
  ],
  [
    'entity_unsupported',
    [400],
    bad,
    'BadRequestError',
    'This entity cannot be simulated.',
    'An entity other than PAYMENTS or SUBS_PAYMENTS.',
    'Send entity `PAYMENTS` with the cf_payment_id as entity_id.',
  ],
  [
    'entity_simulation_payment_error_code_failed',
    [400],
    bad,
    'BadRequestError',
    'The payment_error_code of the simulation is not valid.',
    'An error code that is not one Cashfree simulates.',
    'Leave payment_error_code out, or use one from the simulation docs (e.g. ISSUER_NOT_AVAILABLE).',
  ],
  [
    'pagination.limit_invalid',
    [400],
    bad,
    'BadRequestError',
    'The page size of a settlement query is not a whole number from 1 to 1000.',
    'pagination.limit missing, 0, negative, fractional or above 1000.',
    'Send pagination.limit from 1 to 1000; cashfree-kit’s settlements.list() and recon() send 10 unless told otherwise.',
  ],
  [
    'pagination.cursor_invalid',
    [400],
    bad,
    'BadRequestError',
    'The pagination.cursor is not one this API returned.',
    'A cursor edited by hand, taken from another query, or from another environment.',
    'Pass back the cursor of the previous page unchanged, or null for the first page; cashfree-kit’s pagers do this for you.',
  ],
  // ---- request and transport ----
  [
    'version_invalid',
    [400],
    bad,
    'BadRequestError',
    'The x-api-version header is not a version Cashfree knows.',
    'A malformed date or an unpublished version.',
    'Send `x-api-version: 2025-01-01` (cashfree-kit does by default).',
  ],
  [
    'version_missing',
    [400],
    bad,
    'BadRequestError',
    'The x-api-version header is missing.',
    'A hand-written request without the header.',
    'Send `x-api-version: 2025-01-01` with every request.',
  ],
  [
    'request_body_invalid',
    [400],
    bad,
    'BadRequestError',
    'The request body is not a JSON object.',
    'An empty body, a JSON array or text, or a missing content-type: application/json.',
    'Send a JSON object with content-type: application/json.',
  ],
  [
    'x-idempotency-key_invalid',
    [400],
    bad,
    'BadRequestError',
    'The x-idempotency-key header is not valid.',
    'An empty or overly long key.',
    'Send a UUID as x-idempotency-key (cashfree-kit generates one per call).',
  ],
  [
    'route_not_found',
    [404],
    bad,
    'NotFoundError',
    'No API endpoint exists at this path (cashfree-kit sandbox).',
    'A base URL without /pg, or a typo in the path.',
    'Point the base URL at the API root, e.g. http://127.0.0.1:8787/pg, not the sandbox origin.',
  ],
  [
    'sandbox_request_invalid',
    [400],
    bad,
    'BadRequestError',
    'A request to the cashfree-kit sandbox admin API (/_sandbox) is malformed.',
    'A missing or wrongly typed field in an admin request; the message names it.',
    'Fix the field named in the message; the sandbox README documents the admin API.',
  ],
  [
    'request_failed',
    [400, 401, 429],
    undefined,
    'ApiError',
    'A generic failure code; the type and message say which.',
    'Used with rate_limit_error ("Too many requests"), authentication_error and malformed requests.',
    'Read the type and message; `cashfree errors explain <type>` explains the type.',
  ],
  [
    'request_invalid',
    [422],
    'idempotency_error',
    'IdempotencyError',
    'The request conflicts with an earlier one under the same idempotency key.',
    'The same x-idempotency-key with a different body.',
    'Use a new key for a different request; retries of the same body may reuse the key.',
  ],
  [
    'idempotency_key_mismatch',
    [400, 422],
    'idempotency_error',
    'IdempotencyError',
    'The x-idempotency-key was already used with a different body.',
    'A key reused across two different requests.',
    'Use a new key per logical request, and the same key only for retries of the same body.',
  ],
  [
    'api_request_timeout',
    [504],
    'api_error',
    'ServerError',
    'Cashfree timed out while handling the request.',
    'A slow downstream system.',
    'Retry with the same idempotency key; check the resource’s state (e.g. GET the order) before creating it again.',
  ],
  [
    'internal_error',
    [500],
    'api_error',
    'ServerError',
    'Cashfree failed while handling the request ("internal Server Error").',
    'A fault on Cashfree’s side.',
    'Retry with the same idempotency key; quote the x-request-id to Cashfree support if it persists.',
  ],
  [
    'bank_processing_failure',
    [502],
    'api_error',
    'ServerError',
    'The bank failed to process the request.',
    'A bank or network outage behind Cashfree.',
    'Retry later, or let the customer choose another method.',
  ],
  [
    'authentication_error',
    [401],
    'authentication_error',
    'AuthenticationError',
    'The credentials were rejected ("authentication Failed").',
    'A wrong x-client-id / x-client-secret, or keys of the other environment.',
    'Copy both keys again for the right mode and check CASHFREE_ENV; run `cashfree doctor`.',
  ],
  [
    'webhook_endpoint_not_found',
    [404],
    bad,
    'NotFoundError',
    'No webhook endpoint with this id is registered with the cashfree-kit sandbox.',
    'The endpoint was already removed, or the id belongs to another sandbox database.',
    'List the endpoints with GET /_sandbox/webhooks/endpoints.',
  ],
  [
    'webhook_delivery_not_found',
    [404],
    bad,
    'NotFoundError',
    'No webhook delivery with this id exists in the cashfree-kit sandbox.',
    'A wrong id, or a delivery of another sandbox database.',
    'List deliveries with GET /_sandbox/webhooks/deliveries (filter by order_id or endpoint_id).',
  ],
  [
    'trigger_not_possible',
    [400],
    bad,
    'BadRequestError',
    'The cashfree-kit sandbox cannot produce this webhook for this order in its current state.',
    'E.g. a payment webhook for an order that is no longer ACTIVE, or a refund webhook for an unpaid order; the message says which.',
    'Trigger a type that fits the order’s state (GET /_sandbox/webhooks/trigger lists the types), or use a fresh order.',
  ],
];

const paymentCodes: Row[] = [
  [
    'TRANSACTION_DECLINED',
    [],
    undefined,
    undefined,
    'The bank or the customer declined the payment.',
    'Insufficient funds, a wrong PIN or OTP, a blocked card, or a risk check (error_reason and error_source say which).',
    'Let the customer retry or choose another method; the order stays ACTIVE until it expires.',
  ],
  [
    'GATEWAY_ERROR',
    [],
    undefined,
    undefined,
    'The payment failed at the gateway or bank network.',
    'A downstream outage or a gateway rejection (error_reason names it, e.g. invalid_amount).',
    'Let the customer retry, perhaps with another method.',
  ],
  [
    'ISSUER_NOT_AVAILABLE',
    [],
    undefined,
    undefined,
    'The issuing bank did not respond.',
    'The customer’s bank is down or slow.',
    'Let the customer retry later or choose another method.',
  ],
  [
    'INVALID_VPA',
    [],
    undefined,
    undefined,
    'The UPI id does not exist or has no UPI set up.',
    'A typo in the VPA, or an account without UPI.',
    'Ask the customer to check the UPI id or pay another way.',
  ],
  [
    'TRANSACTION_EXPIRED',
    [],
    undefined,
    undefined,
    'The customer did not complete the payment in time.',
    'A UPI collect request left unapproved until it expired (upi_expiry_minutes).',
    'Let the customer try again; a longer upi_expiry_minutes (up to 15) gives more time.',
  ],
  [
    'BANK_TIMEOUT',
    [],
    undefined,
    undefined,
    'The bank did not respond in time.',
    'A slow or overloaded remitter or beneficiary bank.',
    'Let the customer retry; check the order status before retrying, as a late success is still possible.',
  ],
  [
    'INSUFFICIENT_FUNDS',
    [],
    undefined,
    undefined,
    'The customer’s account has insufficient funds.',
    'The balance is below the payment amount.',
    'Let the customer pay with another account or method.',
  ],
  [
    'NETWORK_ERROR',
    [],
    undefined,
    undefined,
    'The payment network failed to process the transaction.',
    'A UPI or card network outage.',
    'Let the customer retry in a few minutes.',
  ],
  [
    'INVALID_PIN',
    [],
    undefined,
    undefined,
    'The customer entered a wrong UPI PIN.',
    'A mistyped PIN.',
    'Let the customer retry with the right PIN.',
  ],
  [
    'RISK_THRESHOLD_EXCEEDED',
    [],
    undefined,
    undefined,
    'The payment was rejected by a risk check.',
    'The bank’s or Cashfree’s fraud rules flagged the transaction.',
    'Let the customer pay another way; contact Cashfree support if genuine payments are blocked.',
  ],
  [
    'DEVICE_FINGERPRINT_MISMATCH',
    [],
    undefined,
    undefined,
    'The customer’s device could not be verified.',
    'The UPI app’s device binding failed.',
    'Let the customer re-register the UPI app or pay another way.',
  ],
  [
    'TPV_VALIDATION_FAILED',
    [],
    undefined,
    undefined,
    'The payment came from an account other than the one registered for the order (TPV).',
    'Third-party validation is on and the customer paid from another bank account.',
    'Ask the customer to pay from the account sent in customer_bank_account_number / customer_bank_ifsc.',
  ],
  [
    'PSP_NOT_REGISTERED',
    [],
    undefined,
    undefined,
    'The customer’s UPI app is not allowed by the network.',
    'The payment service provider is blocked or not registered.',
    'Let the customer pay with another UPI app or method.',
  ],
  [
    'AUTHENTICATION_FAILED',
    [],
    undefined,
    undefined,
    'The customer failed authentication (OTP or 3-D Secure).',
    'A wrong OTP entered too many times.',
    'Let the customer retry the payment; in sandbox the card OTP is 111000.',
  ],
];

const webhookReasons: Row[] = [
  [
    'missing_secret',
    [],
    undefined,
    'WebhookVerificationError',
    'No secret was given to the webhook verifier.',
    'CASHFREE_SECRET_KEY (or the secret option) is unset where the webhook is verified.',
    'Pass your client secret of the same environment that sends the webhooks.',
  ],
  [
    'missing_body',
    [],
    undefined,
    'WebhookVerificationError',
    'No request body reached the verifier.',
    'A middleware consumed the request stream, or the route reads the wrong field.',
    "Give the verifier the raw body: express.raw({ type: 'application/json' }) then req.body, or await request.text().",
  ],
  [
    'missing_header',
    [],
    undefined,
    'WebhookVerificationError',
    'x-webhook-signature or x-webhook-timestamp is missing.',
    'The request did not come from Cashfree, or a proxy stripped the headers.',
    'Forward the x-webhook-* headers unchanged; check the request source.',
  ],
  [
    'invalid_timestamp',
    [],
    undefined,
    'WebhookVerificationError',
    'x-webhook-timestamp is not an epoch time.',
    'A header rewritten by a proxy, or the wrong header passed as the timestamp.',
    'Pass x-webhook-timestamp exactly as received (epoch milliseconds, like 1746427759733).',
  ],
  [
    'invalid_signature',
    [],
    undefined,
    'WebhookVerificationError',
    'The signature does not match the body and timestamp with this secret.',
    'The secret of the other environment, a secret with whitespace, or a body that was parsed and re-serialised, re-encoded or given a trailing newline.',
    'Verify the exact raw bytes with the client secret of the sending environment; `cashfree webhooks verify` diagnoses a failing delivery.',
  ],
  [
    'timestamp_outside_tolerance',
    [],
    undefined,
    'WebhookVerificationError',
    'The signature is genuine but the timestamp is older than maxAgeSeconds (default a day) or further ahead than toleranceSeconds (default 300 s).',
    'A replayed delivery, a wrong server clock, or re-processing stored webhooks.',
    'Fix the server clock (NTP); raise maxAgeSeconds only for deliberate re-processing.',
  ],
  [
    'body_not_json',
    [],
    undefined,
    'WebhookVerificationError',
    'The signature matched but the body is not a JSON object.',
    'A test sender signing a non-JSON body.',
    'Send a JSON object body, as Cashfree does.',
  ],
  [
    'body_too_large',
    [],
    undefined,
    'WebhookVerificationError',
    'The body is over maxBodyBytes (default 1 MiB); it was refused before hashing, with HTTP 413 from the adapters.',
    'Not a Cashfree webhook (they are a few kilobytes), or a client flooding the endpoint.',
    'Nothing to fix for Cashfree traffic; raise maxBodyBytes only if you verify other, larger payloads.',
  ],
  [
    'body_reserialised',
    [],
    undefined,
    'WebhookVerificationError',
    'The body was already parsed into an object, so the signed bytes are lost.',
    'A JSON body parser ran before the webhook route.',
    "Use express.raw({ type: 'application/json' }) on the webhook route, Fastify's parseAs: 'buffer', or await request.text().",
  ],
];

function toEntries(kind: ErrorCatalogueKind, rows: Row[]): ErrorCatalogueEntry[] {
  return rows.map(([code, status, type, sdkError, meaning, cause, fix]) => ({
    code,
    kind,
    status,
    type: kind === 'type' ? code : type,
    sdkError,
    meaning,
    cause,
    fix,
    generic: false,
  }));
}

/**
 * Every error type, error code, payment failure code and webhook rejection reason cashfree-kit
 * knows, types first. One source for `cashfree errors`, `docs/errors.md` and your own error pages.
 *
 * @example
 * const known = ERROR_CATALOGUE.filter((entry) => entry.kind === 'code').map((entry) => entry.code);
 */
export const ERROR_CATALOGUE: readonly ErrorCatalogueEntry[] = Object.freeze([
  ...toEntries('type', types),
  ...toEntries('code', codes),
  ...toEntries('payment', paymentCodes),
  ...toEntries('webhook', webhookReasons),
]);

const byCode = new Map<string, ErrorCatalogueEntry>();
for (const entry of ERROR_CATALOGUE) {
  // Codes appear both as a type and a code (authentication_error); the type row wins the plain
  // lookup because it is listed first, and both rows stay in the catalogue.
  if (!byCode.has(entry.code.toLowerCase())) byCode.set(entry.code.toLowerCase(), entry);
}

/**
 * The `code` rows alone, for a field path's last segment: a type or a payment failure code that
 * happened to share the segment would explain something else.
 */
const errorCodeRows = new Map(
  ERROR_CATALOGUE.filter((entry) => entry.kind === 'code').map((entry) => [entry.code.toLowerCase(), entry]),
);

/**
 * Explains an error code, type or webhook rejection reason, case-insensitively:
 *
 * 1. the catalogue row of the code;
 * 2. for a dotted code with no row of its own, the error code row of its last segment, with
 *    `answeredBy` naming it: `customer_details.customer_phone_invalid` is answered by
 *    `customer_phone_invalid`, the row with the `+91` advice;
 * 3. for any other field validation code `<field>_missing` / `<field>_invalid`, a row built for
 *    that field, marked `generic`.
 *
 * `undefined` when the code is unknown.
 *
 * @example
 * try { await cashfree.orders.create(order) } catch (error) {
 *   if (isApiError(error)) console.error(explainErrorCode(error.code ?? error.type ?? '')?.fix);
 * }
 */
export function explainErrorCode(code: string): ErrorCatalogueEntry | undefined {
  const wanted = code.trim().toLowerCase();
  if (wanted === '') return undefined;
  const known = byCode.get(wanted);
  if (known) return known;
  const lastSegment = wanted.slice(wanted.lastIndexOf('.') + 1);
  const row = lastSegment !== wanted ? errorCodeRows.get(lastSegment) : undefined;
  if (row) return { ...row, code: wanted, answeredBy: row.code };
  const field = /^([a-z][a-z0-9_.[\]-]*?)_(missing|invalid)$/.exec(wanted);
  if (!field?.[1] || !field[2]) return undefined;
  const name = field[1];
  return field[2] === 'missing'
    ? {
        code: wanted,
        kind: 'code',
        status: [400],
        type: bad,
        sdkError: 'BadRequestError',
        meaning: `${name} is required but was not in the request ("${name} : is missing in the request").`,
        cause: `The request body has no ${name}, or it is empty.`,
        fix: `Send ${name}. ${dashboardLogs}`,
        generic: true,
      }
    : {
        code: wanted,
        kind: 'code',
        status: [400],
        type: bad,
        sdkError: 'BadRequestError',
        meaning: `${name} has a value Cashfree does not accept.`,
        cause: `A wrong format, type or range for ${name}; the message quotes the value received.`,
        fix: `Fix ${name} as the error message says. ${dashboardLogs}`,
        generic: true,
      };
}

/** Codes Cashfree uses for many unrelated failures (401, 429, bad URL); their `type` says more. */
const GENERIC_CODES = new Set(['request_failed']);

/**
 * Explains an error response from its `code` and `type`: the code's entry, or the type's when the
 * code is one Cashfree uses for many failures (`request_failed`) or is unknown. Pass it an
 * `ApiError`; the `cashfree` CLI's error messages use it too.
 *
 * @example
 * try { await cashfree.orders.get('order_001') } catch (error) {
 *   if (isApiError(error)) console.error(error.message, explainError(error)?.fix);
 * }
 * explainError({ code: 'request_failed', type: 'authentication_error' })?.fix; // 'Copy both keys again…'
 */
export function explainError(error: {
  readonly code?: string | undefined;
  readonly type?: string | undefined;
}): ErrorCatalogueEntry | undefined {
  const code = error.code?.trim().toLowerCase();
  const byCode = code && !GENERIC_CODES.has(code) ? explainErrorCode(code) : undefined;
  return byCode ?? explainErrorCode(error.type ?? '') ?? explainErrorCode(error.code ?? '');
}
