import type { RequestOptions } from '../core/options.js';
import { LINK_OPERATIONS as endpoints } from '../operations/links.js';
import type { LINK_STATUSES } from '../operations/statuses.js';
import { ApiResource } from './resource.js';
import type { OrderMeta, OrderStatus, VendorSplit } from './shared-types.js';

/**
 * Payment links: a URL to share by SMS or email, no checkout integration needed.
 *
 * @example
 * const link = await cashfree.links.create({
 *   link_id: 'link_001', link_amount: 999.0, link_currency: 'INR', link_purpose: 'Course fee',
 *   customer_details: { customer_phone: '9876543210' },
 * });
 * console.log(link.link_url); // share it
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/payment-links/create
 */
export class Links extends ApiResource {
  /**
   * `POST /links`. Validated first: `link_id`, `link_amount` (rupees), `link_purpose`, `customer_phone`.
   *
   * @example
   * const { link_url, link_qrcode } = await cashfree.links.create({
   *   link_id: 'link_001', link_amount: 999.0, link_currency: 'INR', link_purpose: 'Course fee',
   *   customer_details: { customer_phone: '9876543210' }, link_notify: { send_sms: true },
   * });
   */
  create(body: CreateLinkRequest, options?: RequestOptions): Promise<LinkEntity> {
    return this.send(endpoints.create, {}, { body }, options);
  }

  /**
   * `GET /links/{link_id}`: the link and its `link_status`.
   *
   * @example
   * const { link_status, link_amount_paid } = await cashfree.links.get('link_001');
   */
  get(linkId: string, options?: RequestOptions): Promise<LinkEntity> {
    return this.send(endpoints.get, { link_id: linkId }, {}, options);
  }

  /**
   * `POST /links/{link_id}/cancel`: only an `ACTIVE` link can be cancelled.
   *
   * @example
   * const { link_status } = await cashfree.links.cancel('link_001'); // 'CANCELLED'
   */
  cancel(linkId: string, options?: RequestOptions): Promise<LinkEntity> {
    return this.send(endpoints.cancel, { link_id: linkId }, {}, options);
  }

  /**
   * `GET /links/{link_id}/orders?status=`: the link's orders, `PAID` ones unless `status: 'ALL'`.
   *
   * @example
   * const every = await cashfree.links.orders('link_001', { status: 'ALL' });
   */
  orders(
    linkId: string,
    params: LinkOrdersParams = {},
    options?: RequestOptions,
  ): Promise<PaymentLinkOrderEntity[]> {
    const query = { status: params.status };
    return this.send(endpoints.orders, { link_id: linkId }, { query }, options);
  }
}

/**
 * Query of `links.orders`.
 *
 * @example
 * const params: LinkOrdersParams = { status: 'ALL' };
 * const orders = await cashfree.links.orders('link_001', params);
 */
export interface LinkOrdersParams {
  /** Default `PAID`. */
  status?: (typeof endpoints.orders.query.status.values)[number] | undefined;
}

/**
 * Customer of a payment link (`LinkCustomerDetailsEntity`).
 *
 * @example
 * const customer: LinkCustomerDetails = { customer_phone: '9876543210', customer_name: 'Rahul Sharma' };
 */
export interface LinkCustomerDetails {
  /** 10 digits, no country code. */
  customer_phone: string;
  customer_email?: string;
  customer_name?: string;
  customer_bank_account_number?: string;
  customer_bank_ifsc?: string;
  customer_bank_code?: number;
}

/**
 * Body of `POST /links` (`CreateLinkRequest`).
 *
 * @example
 * const request: CreateLinkRequest = {
 *   link_id: 'link_001', link_amount: 999.0, link_currency: 'INR', link_purpose: 'Course fee',
 *   customer_details: { customer_phone: '9876543210' },
 *   link_partial_payments: true, link_minimum_partial_amount: 499,
 * };
 */
export interface CreateLinkRequest {
  /** Your id for the link: up to 50 letters, digits, `_`, `-`. */
  link_id: string;
  /** In rupees with up to 2 decimals, ≥ 1. */
  link_amount: number;
  link_currency: string;
  /** Shown to the customer; up to 500 characters. */
  link_purpose: string;
  customer_details: LinkCustomerDetails;
  link_partial_payments?: boolean;
  /** Less than `link_amount`. */
  link_minimum_partial_amount?: number;
  /** ISO 8601; default 30 days from now. */
  link_expiry_time?: string;
  link_notify?: { send_sms?: boolean; send_email?: boolean };
  link_auto_reminders?: boolean;
  /** Up to 5 pairs. */
  link_notes?: Record<string, string>;
  link_meta?: { notify_url?: string; upi_intent?: string; return_url?: string; payment_methods?: string };
  order_splits?: VendorSplit[];
}

/**
 * A payment link's `link_status`; the contract has no enum, so other strings may appear.
 *
 * @example
 * const status: LinkStatus = (await cashfree.links.get('link_001')).link_status;
 */
export type LinkStatus = (typeof LINK_STATUSES)[number] | (string & {});

/**
 * A payment link (`LinkEntity`).
 *
 * @example
 * const link: LinkEntity = await cashfree.links.get('link_001');
 * console.log(link.link_status, link.link_amount_paid, link.link_url);
 */
export interface LinkEntity {
  cf_link_id: string;
  link_id: string;
  link_status: LinkStatus;
  link_currency?: string;
  link_amount: number;
  link_amount_paid?: number;
  link_partial_payments?: boolean;
  link_minimum_partial_amount?: number | null;
  link_purpose?: string;
  link_created_at?: string;
  customer_details?: Partial<LinkCustomerDetails> | null;
  link_meta?: {
    notify_url?: string;
    upi_intent?: string;
    return_url?: string;
    payment_methods?: string;
  } | null;
  link_url: string;
  link_expiry_time?: string;
  link_notes?: Record<string, string> | null;
  link_auto_reminders?: boolean;
  link_notify?: { send_sms?: boolean; send_email?: boolean } | null;
  /** `data:image/png;base64,…` QR code of `link_url`. */
  link_qrcode?: string | null;
  order_splits?: VendorSplit[] | null;
}

/**
 * An order created through a payment link (`PaymentLinkOrderEntity`).
 *
 * @example
 * const paid: PaymentLinkOrderEntity[] = await cashfree.links.orders('link_001');
 * const collected = paid.reduce((sum, o) => sum + o.order_amount, 0);
 */
export interface PaymentLinkOrderEntity {
  cf_order_id: string;
  link_id?: string;
  order_id: string;
  entity?: string;
  order_currency?: string;
  order_amount: number;
  order_status: OrderStatus;
  payment_session_id?: string;
  order_expiry_time?: string;
  order_note?: string | null;
  created_at?: string;
  order_splits?: VendorSplit[] | null;
  customer_details?: Record<string, unknown> | null;
  order_meta?: OrderMeta | null;
  order_tags?: Record<string, string> | null;
}
