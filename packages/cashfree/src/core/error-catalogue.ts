/**
 * Every Cashfree error code and type cashfree-kit knows, as data: what it means, what usually
 * causes it and how to fix it. The `cashfree errors` command and `docs/errors.md` are generated
 * from this one table, and apps can use it to turn an `ApiError` into advice.
 *
 * Sources: Cashfree's errors page (https://www.cashfree.com/docs/api-reference/payments/errors),
 * the 2025-01-01 OpenAPI contract, messages observed from the real sandbox, and the codes the
 * cashfree-kit sandbox emits.
 *
 * The rows live in `error-catalogue/`, one file per area; this file puts them together and looks
 * codes up.
 */

import { ELIGIBILITY_CODES } from './error-catalogue/eligibility.js';
import type { CatalogueRow, ErrorCatalogueEntry, ErrorCatalogueKind } from './error-catalogue/entry.js';
import { LINK_CODES } from './error-catalogue/links.js';
import { ORDER_CODES } from './error-catalogue/orders.js';
import { PAYMENT_FAILURE_CODES } from './error-catalogue/payment-failures.js';
import { PAYMENT_CODES } from './error-catalogue/payments.js';
import { PAYOUT_CODES } from './error-catalogue/payouts.js';
import { REFUND_CODES } from './error-catalogue/refunds.js';
import { REQUEST_CODES } from './error-catalogue/request.js';
import { SETTLEMENT_CODES } from './error-catalogue/settlements.js';
import { SUBSCRIPTION_CODES } from './error-catalogue/subscriptions.js';
import { ERROR_TYPES } from './error-catalogue/types.js';
import { WEBHOOK_REASONS } from './error-catalogue/webhook-reasons.js';
import { dashboardLogs } from './error-catalogue/wording.js';

export type { ErrorCatalogueEntry, ErrorCatalogueKind };

function toEntries(kind: ErrorCatalogueKind, rows: readonly CatalogueRow[]): ErrorCatalogueEntry[] {
  return rows.map((row) => ({
    code: row.code,
    kind,
    status: row.status,
    type: kind === 'type' ? row.code : row.type,
    sdkError: row.sdkError,
    meaning: row.meaning,
    cause: row.cause,
    fix: row.fix,
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
  ...toEntries('type', ERROR_TYPES),
  // By area, in the order `docs/errors.md` lists them.
  ...toEntries('code', [
    ...ORDER_CODES,
    ...PAYMENT_CODES,
    ...REFUND_CODES,
    ...LINK_CODES,
    ...SETTLEMENT_CODES,
    ...ELIGIBILITY_CODES,
    ...SUBSCRIPTION_CODES,
    ...PAYOUT_CODES,
    ...REQUEST_CODES,
  ]),
  ...toEntries('payment', PAYMENT_FAILURE_CODES),
  ...toEntries('webhook', WEBHOOK_REASONS),
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
        type: 'invalid_request_error',
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
        type: 'invalid_request_error',
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
