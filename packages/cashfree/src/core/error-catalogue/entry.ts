/**
 * The shape of the catalogue: what an entry says, and the row each data file writes.
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

/**
 * One row as the data files write it: an entry without what the catalogue adds when it is built
 * (its `kind`, from the file it is in, and `generic`, false for every written row). A `type` row's
 * `type` is its own code, so it is left out there; a row without a usual `type` or error class
 * leaves that field out.
 */
export interface CatalogueRow {
  readonly code: string;
  readonly status: readonly number[];
  readonly type?: string;
  readonly sdkError?: string;
  readonly meaning: string;
  readonly cause: string;
  readonly fix: string;
}
