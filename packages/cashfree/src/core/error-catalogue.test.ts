import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listEndpoints } from '../operations/table.js';
import { ERROR_CATALOGUE, explainError, explainErrorCode } from './error-catalogue.js';
import { ApiError } from './errors.js';

// The codes and types of Cashfree's errors page and the 2025-01-01 contract
// (../shared/reference/cashfree-api-facts.md §2.1, §3.12), which the catalogue must all explain.
const documentedTypes = [
  'api_connection_error',
  'api_error',
  'authentication_error',
  'invalid_request_error',
  'feature_not_enabled',
  'rate_limit_error',
  'validation_error',
  'idempotency_error',
  'bad_gateway_error',
];
const documentedCodes = [
  'order_amount_invalid',
  'order_inactive',
  'order_id_invalid',
  'order_expiry_time_invalid',
  'order_already_paid',
  'order_already_exists',
  'order_id_already_exists',
  'order_not_found',
  'order_get_not_found',
  'orderpay_already_exists',
  'payment_session_id_invalid',
  'payment_method_invalid',
  'payment_method_unsupported',
  'payment_amount_invalid',
  'payment_not_found',
  'customer_phone_invalid',
  'customer_email_invalid',
  'version_invalid',
  'refund_amount_invalid',
  'refund_id_invalid',
  'refund_invalid',
  'refund_unsupported',
  'refund_id_missing',
  'refund_get_not_found',
  'link_get_not_found',
  'settlement_get_not_found',
  'simulation_id_invalid',
  'simulation_id_missing',
  'entity_id_invalid',
  'entity_unsupported',
  'entity_simulation_payment_error_code_failed',
  'netbanking_bank_code_invalid',
  'card_number_invalid',
  'emi_tenure_invalid',
  'authorize_only_invalid',
  'bank_processing_failure',
  'api_request_timeout',
  'request_failed',
  'authentication_error',
  'internal_error',
  'link_not_active',
  'link_not_found',
  'channel_missing',
  'phone_invalid',
  'card_bank_name_missing',
  'emi_tenure_missing',
  'orderpay_not_found',
  'version_missing',
];

describe('ERROR_CATALOGUE', () => {
  test('explains every documented type and code', () => {
    for (const type of documentedTypes) {
      assert.equal(
        ERROR_CATALOGUE.some((entry) => entry.kind === 'type' && entry.code === type),
        true,
        `type ${type}`,
      );
    }
    for (const code of documentedCodes) {
      assert.ok(
        ERROR_CATALOGUE.some((entry) => entry.kind === 'code' && entry.code === code),
        `code ${code}`,
      );
    }
  });

  test('every row has a meaning, a cause and a fix, and no code appears twice within a kind', () => {
    const seen = new Set<string>();
    for (const entry of ERROR_CATALOGUE) {
      const key = `${entry.kind}:${entry.code}`;
      assert.equal(seen.has(key), false, `${key} appears twice`);
      seen.add(key);
      for (const text of [entry.meaning, entry.cause, entry.fix]) {
        assert.ok(text.length > 10 && /[.)]$/.test(text.trim()), `${key}: "${text}" is a sentence`);
      }
    }
  });

  test('each row names the error class the SDK throws for its (first) status and type', () => {
    // e.g. a reused subscription_id is a 400, so a BadRequestError, not a ConflictError. A row of
    // several statuses names the class of its first; `ApiError`, the base class, names no one status.
    for (const entry of ERROR_CATALOGUE) {
      const status = entry.status[0];
      if (entry.kind !== 'code' || status === undefined || !entry.sdkError) continue;
      if (entry.sdkError === 'ApiError' || !/^\w+$/.test(entry.sdkError)) continue;
      const thrown = ApiError.from(
        { status, headers: new Headers() },
        { code: entry.code, type: entry.type },
      );
      assert.equal(thrown.name, entry.sdkError, `${entry.code} (HTTP ${status})`);
    }
    for (const code of ['plan_already_exists', 'subscription_already_exists']) {
      assert.deepEqual(explainErrorCode(code)?.status, [400], code);
      assert.equal(explainErrorCode(code)?.sdkError, 'BadRequestError', code);
    }
  });

  test('is frozen, so an app cannot change the advice for everyone', () => {
    assert.ok(Object.isFrozen(ERROR_CATALOGUE));
  });
});

describe('explainErrorCode', () => {
  test('finds a code, ignoring case and spaces', () => {
    const entry = explainErrorCode('  Order_Already_Exists ');
    assert.equal(entry?.code, 'order_already_exists');
    assert.deepEqual(entry?.status, [409]);
    assert.equal(entry?.sdkError, 'ConflictError');
    assert.match(entry?.fix ?? '', /new order_id/);
  });

  test('finds a type and a payment failure code', () => {
    assert.equal(explainErrorCode('rate_limit_error')?.kind, 'type');
    assert.equal(explainErrorCode('rate_limit_error')?.type, 'rate_limit_error');
    assert.equal(explainErrorCode('transaction_declined')?.kind, 'payment');
    assert.equal(explainErrorCode('invalid_signature')?.kind, 'webhook');
  });

  test("builds an explanation for Cashfree's field codes <field>_missing and <field>_invalid", () => {
    const missing = explainErrorCode('customer_details.customer_bank_ifsc_missing');
    assert.equal(missing?.code, 'customer_details.customer_bank_ifsc_missing');
    assert.match(missing?.meaning ?? '', /customer_details\.customer_bank_ifsc is required/);
    assert.match(missing?.fix ?? '', /Send customer_details\.customer_bank_ifsc/);
    const invalid = explainErrorCode('card_cvv_invalid');
    assert.match(invalid?.meaning ?? '', /card_cvv has a value/);
  });

  test('marks an explanation built from the pattern as generic, and no catalogue row', () => {
    assert.equal(explainErrorCode('card_cvv_invalid')?.generic, true);
    assert.equal(explainErrorCode('customer_details.customer_bank_ifsc_missing')?.generic, true);
    assert.equal(explainErrorCode('order_amount_invalid')?.generic, false);
    assert.ok(ERROR_CATALOGUE.every((entry) => entry.generic === false));
  });

  test('answers a dotted field code with no row of its own by the row of its last segment, and says so', () => {
    // The sandbox and Cashfree name nested fields by their path; the row is the field's.
    const phone = explainErrorCode('customer_details.customer_phone_invalid');
    const row = ERROR_CATALOGUE.find((entry) => entry.code === 'customer_phone_invalid');
    assert.ok(row);
    assert.deepEqual(phone, {
      ...row,
      code: 'customer_details.customer_phone_invalid',
      answeredBy: row.code,
    });
    assert.match(phone?.fix ?? '', /no country code/);
    assert.equal(phone?.generic, false);
    assert.equal(explainErrorCode('LINK_META.NOTIFY_URL_INVALID')?.answeredBy, 'notify_url_invalid');
    // A code with a row of its own is answered by it, and says nothing about another row.
    assert.equal(explainErrorCode('pagination.limit_invalid')?.code, 'pagination.limit_invalid');
    assert.equal(explainErrorCode('pagination.limit_invalid')?.answeredBy, undefined);
    assert.equal('answeredBy' in (explainErrorCode('order_amount_invalid') ?? {}), false);
    // With no row for the last segment either, the pattern answers, and no row is named.
    assert.equal(explainErrorCode('customer_details.customer_bank_ifsc_invalid')?.answeredBy, undefined);
  });

  test('only an error code row answers for a field path: a type or a payment code does not', () => {
    assert.equal(explainErrorCode('card.api_error'), undefined);
    assert.equal(explainErrorCode('error_details.transaction_declined'), undefined);
  });

  test('is undefined for an unknown code or an empty string', () => {
    assert.equal(explainErrorCode('no_such_thing'), undefined);
    assert.equal(explainErrorCode(''), undefined);
  });
});

describe('explainError', () => {
  test('explains a specific code by the code', () => {
    assert.equal(
      explainError({ code: 'order_already_exists', type: 'invalid_request_error' })?.code,
      'order_already_exists',
    );
  });

  test('explains request_failed by the type, which says which failure it was', () => {
    assert.equal(
      explainError({ code: 'request_failed', type: 'authentication_error' })?.code,
      'authentication_error',
    );
    assert.equal(
      explainError({ code: 'request_failed', type: 'rate_limit_error' })?.code,
      'rate_limit_error',
    );
    assert.equal(explainError({ code: 'request_failed' })?.code, 'request_failed');
  });

  test('explains an ApiError as the CLI does', () => {
    const error = ApiError.from(
      { status: 401, headers: new Headers() },
      { code: 'request_failed', type: 'authentication_error' },
    );
    assert.equal(explainError(error)?.code, 'authentication_error');
    assert.equal(
      explainError(ApiError.from({ status: 404, headers: new Headers() }, { code: 'order_not_found' }))?.code,
      'order_not_found',
    );
  });

  test('falls back to the type for an unknown code, and is undefined when neither is known', () => {
    assert.equal(explainError({ code: 'brand_new_code', type: 'api_error' })?.code, 'api_error');
    assert.equal(explainError({ code: 'brand_new_code' }), undefined);
    assert.equal(explainError({}), undefined);
  });
});

describe('the checks the SDK runs before the wire', () => {
  // Each FieldRule stands for the code Cashfree answers when a client without the check sends the
  // same mistake: `<field>_invalid`, and `<field>_missing` for a required field. A ValidationError
  // names the field; the catalogue must have that field's advice too.
  const codes = listEndpoints().flatMap(({ call, endpoint }) =>
    (endpoint.request?.checks ?? []).flatMap((rule) =>
      [`${rule.field}_invalid`, ...(rule.required ? [`${rule.field}_missing`] : [])].map((code) => ({
        call,
        code,
      })),
    ),
  );

  test('are found: the create calls check their fields', () => {
    assert.ok(codes.length >= 30, `${codes.length} codes`);
    for (const call of ['orders.create', 'refunds.create', 'links.create']) {
      assert.ok(
        codes.some((c) => c.call === call),
        call,
      );
    }
  });

  test('each stands for a code with a specific row (its own or its last segment’s), not the pattern', () => {
    const unexplained = codes
      .filter(({ code }) => {
        const entry = explainErrorCode(code);
        return entry === undefined || entry.generic;
      })
      .map(({ call, code }) => `${call}: ${code}`);
    assert.deepEqual(
      unexplained,
      [],
      'add rows for these fields to error-catalogue.ts, then run npm run docs',
    );
  });
});
