import type { RequestOptions } from '../core/options.js';
import { PagePromise, toCursorPage } from '../core/pagination.js';
import type { Endpoint } from '../operations/operation.js';
import { SETTLEMENT_OPERATIONS as endpoints } from '../operations/settlements.js';
import type { SETTLEMENT_STATUSES } from '../operations/statuses.js';
import { ApiResource } from './resource.js';

/**
 * Settlements: the money Cashfree pays out to your bank account, and the events (payments,
 * refunds, disputes) each settlement is made of.
 *
 * @example
 * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
 * for await (const settlement of cashfree.settlements.list(query)) console.log(settlement.settlement_utr);
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/settlement-reconciliation/get-all-settlements
 */
export class Settlements extends ApiResource {
  /**
   * `GET /orders/{order_id}/settlements`: the settlement of one order.
   *
   * @example
   * const { settlement_amount, transfer_utr } = await cashfree.settlements.forOrder('order_001');
   */
  forOrder(orderId: string, options?: RequestOptions): Promise<SettlementEntity> {
    return this.send(endpoints.forOrder, { order_id: orderId }, {}, options);
  }

  /**
   * `POST /settlements`: settlements matching `filters`, page by page. `await` it for the first
   * page, `for await` over it for every settlement.
   *
   * Each item is a settlement transfer ({@link SettlementSummary}: status, UTR, amount settled),
   * not the per-order {@link SettlementEntity} of `forOrder`. The 2025-01-01 contract types the
   * response as one SettlementEntity, but Cashfree's docs and its own SDK (cashfree-pg 6.x,
   * `GetAllSettlementsResponse`) describe a page `{ cursor, limit, data: [...] }`; a lone object is
   * still read, as a one-item last page.
   *
   * @example
   * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
   * let total = 0;
   * for await (const s of cashfree.settlements.list(query)) total += s.amount_settled ?? 0;
   */
  list(body: SettlementsQuery, options?: RequestOptions): PagePromise<SettlementSummary> {
    return this.#paginate<SettlementSummary>(endpoints.list, body, options);
  }

  /**
   * `POST /settlement/recon`: the events of the matching settlements, page by page. `await` it for
   * the first page, `for await` over it for every event.
   *
   * @example
   * const query: SettlementsQuery = { filters: { cf_settlement_ids: ['1234567'] } };
   * for await (const event of cashfree.settlements.recon(query)) {
   *   console.log(event.event_details?.event_type, event.order_details?.order_id);
   * }
   */
  recon(body: SettlementsQuery, options?: RequestOptions): PagePromise<SettlementReconItem> {
    return this.#paginate<SettlementReconItem>(endpoints.recon, body, options);
  }

  /**
   * Each page is its own POST with its own body, so only the first page may use the caller's
   * `idempotencyKey` and `requestId`: reusing a key with a different body is a 422 at Cashfree.
   */
  #paginate<Item>(
    endpoint: Endpoint,
    body: SettlementsQuery,
    options: RequestOptions = {},
  ): PagePromise<Item> {
    const { idempotencyKey, requestId, ...laterPageOptions } = options;
    return new PagePromise<Item>(async (cursor) => {
      const page = {
        ...body,
        pagination: { limit: body.pagination?.limit ?? DEFAULT_PAGE_SIZE, cursor },
      };
      const answer = await this.send<unknown, Endpoint>(
        endpoint,
        {},
        { body: page },
        cursor === null ? options : laterPageOptions,
      );
      return toCursorPage<Item>(answer);
    });
  }
}

/** Cashfree's default page size. */
const DEFAULT_PAGE_SIZE = 10;

/**
 * Body of `POST /settlements` and `POST /settlement/recon`.
 *
 * @example
 * const query: SettlementsQuery = { pagination: { limit: 100 }, filters: { settlement_utrs: ['UTR123'] } };
 */
export interface SettlementsQuery {
  /** Page size (≤ 1000, default 10). The cursor is managed for you. */
  pagination?: { limit?: number };
  /** Settlement ids, UTRs, or a date range. */
  filters: {
    cf_settlement_ids?: string[];
    settlement_utrs?: string[];
    start_date?: string;
    end_date?: string;
    /** Documented for `/settlements` after the 2025-01-01 contract, e.g. `SUCCESS`, `PENDING_WITH_BANK`. */
    settlement_status?: (typeof SETTLEMENT_STATUSES)[number] | (string & {});
  };
}

/**
 * A settlement (`SettlementEntity`), of one order.
 *
 * @example
 * const settlement: SettlementEntity = await cashfree.settlements.forOrder('order_001');
 */
export interface SettlementEntity {
  cf_payment_id?: string;
  cf_settlement_id?: string;
  settlement_currency?: string;
  order_id?: string;
  entity?: string;
  order_amount?: number;
  payment_time?: string;
  service_charge?: number;
  service_tax?: number;
  settlement_amount?: number;
  settlement_id?: number;
  transfer_id?: number;
  transfer_time?: string;
  transfer_utr?: string;
  forex_conversion_handling_charge?: number | null;
  forex_conversion_handling_tax?: number | null;
  forex_conversion_rate?: number | null;
  charges_currency?: string | null;
}

/**
 * One settlement transfer in `POST /settlements` (cashfree-pg's `GetAllSettlementsResponseDataInner`):
 * the payments of a period, less charges and adjustments, paid to your bank account.
 *
 * @example
 * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
 * const { data } = await cashfree.settlements.list(query);
 * const summary: SettlementSummary | undefined = data[0];
 */
export interface SettlementSummary {
  cf_settlement_id?: string;
  status?: (typeof SETTLEMENT_STATUSES)[number] | (string & {});
  status_description?: string;
  /** The bank's reference for the transfer; null until it is sent. */
  settlement_utr?: string | null;
  /** The period of payments this settlement covers (`YYYY-MM-DD HH:mm:ss`, IST). */
  payment_from?: string;
  payment_till?: string;
  settlement_initiated_on?: string;
  settlement_processed_on?: string | null;
  /** Total of the payments covered, in rupees. */
  payment_amount?: number;
  pg_service_charge?: number;
  pg_service_tax?: number;
  /** Refunds and other deductions (negative) or credits. */
  adjustment?: number;
  settlement_charge?: number;
  settlement_tax?: number;
  split_service_charge?: number;
  split_service_tax?: number;
  vendor_commission?: number;
  /** What reached your bank account, in rupees. */
  amount_settled?: number;
  charge_type?:
    | 'PREPAID'
    | 'POSTPAID'
    | 'SURCHARGE'
    | 'PREPAID_SURCHARGE'
    | 'POSTPAID_SURCHARGE'
    | (string & {});
  settlement_type?: string;
}

/**
 * One reconciliation event (`SettlementReconEntity.data[]`).
 *
 * @example
 * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
 * const events: SettlementReconItem[] = await cashfree.settlements.recon(query).toArray();
 * const refunds = events.filter((e) => e.event_details?.event_type === 'REFUND');
 */
export interface SettlementReconItem {
  event_details?: {
    event_id?: string;
    event_type?:
      | 'PAYMENT'
      | 'REFUND'
      | 'REFUND_REVERSAL'
      | 'DISPUTE'
      | 'DISPUTE_REVERSAL'
      | 'CHARGEBACK'
      | 'CHARGEBACK_REVERSAL'
      | 'OTHER_ADJUSTMENT'
      | (string & {});
    event_settlement_amount?: number;
    event_amount?: number;
    sale_type?: 'CREDIT' | 'DEBIT' | (string & {});
    event_status?: string;
    entity?: string;
    event_time?: string;
    event_currency?: string;
    event_service_charge?: number;
    event_service_tax?: number;
    event_remarks?: string | number | null;
  };
  order_details?: {
    order_id?: string;
    order_amount?: number;
    order_currency?: string;
    order_tags?: Record<string, string> | null;
  } | null;
  customer_details?: {
    customer_phone?: string;
    customer_email?: string;
    customer_name?: string;
    customer_id?: string;
    customer_bank_account_number?: string;
    customer_bank_code?: string;
    customer_bank_ifsc?: string;
  } | null;
  payment_details?: {
    payment_amount?: number;
    payment_currency?: string;
    bank_reference?: string;
    payment_time?: string;
    payment_mode?: string;
    payment_service_charge?: number;
    payment_service_tax?: number;
    cf_payment_id?: string;
    status?: string;
    forex_conversion_handling_charge?: string | null;
    forex_conversion_handling_tax?: string | null;
    charges_currency?: string | null;
  } | null;
  settlement_details?: {
    cf_settlement_id?: string;
    settlement_date?: string;
    utr?: string;
    split_service_charge?: number;
    split_service_tax?: number;
    vendor_commission?: number;
    payment_from?: string;
    payment_till?: string;
    reason?: string | null;
    remarks?: string | null;
    service_charge?: number;
    service_tax?: number;
    settlement_charge?: number;
    settlement_initiated_on?: string;
    settlement_tax?: number;
    settlement_type?: string;
  } | null;
  dispute_details?: {
    closed_in_favor_of?: string;
    dispute_resolved_on?: string;
    dispute_category?: string;
    dispute_note?: string;
  } | null;
  refund_details?: {
    refund_processed_at?: string;
    refund_arn?: string;
    refund_note?: string;
    refund_id?: string;
  } | null;
}
