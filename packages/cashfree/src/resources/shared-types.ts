/**
 * Types several resources share, written from Cashfree's 2025-01-01 contract. Wire names are kept
 * in snake_case. Response fields the contract leaves optional may be missing or `null`.
 */

import type { ORDER_STATUSES } from '../operations/statuses.js';

/**
 * `order_splits[]` / `refund_splits[]` entry for Easy Split.
 *
 * @example
 * const splits: VendorSplit[] = [{ vendor_id: 'vendor_1', percentage: 80 }, { vendor_id: 'vendor_2', percentage: 20 }];
 */
export interface VendorSplit {
  vendor_id: string;
  amount?: number;
  percentage?: number;
  tags?: Record<string, unknown>;
}

/**
 * An `order_meta.payment_methods_filters` rule: allow only these values.
 *
 * @example
 * const onlyVisa: AllowFilter = { action: 'ALLOW', values: ['visa'] };
 * const meta: OrderMeta = { payment_methods_filters: { filters: { card_schemes: onlyVisa } } };
 */
export interface AllowFilter {
  action?: 'ALLOW' | (string & {});
  values?: string[];
}

/**
 * Optional meta details that control how the customer pays and where they return.
 *
 * @example
 * const meta: OrderMeta = {
 *   return_url: 'https://shop.example.com/return?order_id={order_id}',
 *   notify_url: 'https://shop.example.com/webhooks/cashfree',
 *   payment_methods: 'upi,cc,dc',
 * };
 */
export interface OrderMeta {
  /** Where the customer lands after paying (≤ 250 characters); keep `{order_id}` in it. */
  return_url?: string | null;
  /** https URL for server-to-server payment notifications (≤ 250 characters). */
  notify_url?: string | null;
  /** Comma-separated: cc, dc, ccc, ppc, nb, upi, paypal, app, paylater, cardlessemi, dcemi, ccemi, banktransfer. */
  payment_methods?: string | null;
  payment_methods_filters?: {
    methods?: AllowFilter;
    filters?: {
      card_bins?: AllowFilter;
      card_schemes?: AllowFilter;
      card_suffix?: AllowFilter;
      card_issuing_bank?: AllowFilter;
    };
  } | null;
}

/**
 * Feature configuration for One Click Checkout / Verify and Pay.
 *
 * @example
 * const oneClick: ProductDetails = { enabled: true };
 * const request: CreateOrderRequest = { ...order, products: { one_click_checkout: oneClick } };
 */
export interface ProductDetails {
  enabled?: boolean;
  conditions?: { action?: 'ALLOW' | 'DENY' | (string & {}); key?: string; values?: string[] }[];
}

/**
 * An item of `cart_details.cart_items` / `cart.items`.
 *
 * @example
 * const item: CartItem = { item_id: 'sku_1', item_name: 'Notebook', item_original_unit_price: 120, item_quantity: 2 };
 */
export interface CartItem {
  item_id?: string;
  item_name?: string;
  item_description?: string;
  item_tags?: string[];
  item_details_url?: string;
  item_image_url?: string;
  item_original_unit_price?: number;
  item_discounted_unit_price?: number;
  item_currency?: string;
  item_quantity?: number;
}

/**
 * An order's `order_status`; the contract lists the values in prose only, so other strings may appear.
 *
 * @example
 * const status: OrderStatus = (await cashfree.orders.get('order_001')).order_status;
 * if (status === 'PAID') console.log('fulfil the order');
 */
export type OrderStatus = (typeof ORDER_STATUSES)[number] | (string & {});

/**
 * Customer details as returned in an order.
 *
 * @example
 * const customer: CustomerDetailsResponse | null | undefined = (await cashfree.orders.get('order_001')).customer_details;
 */
export interface CustomerDetailsResponse {
  customer_id?: string | null;
  customer_email?: string | null;
  customer_phone?: string | null;
  customer_name?: string | null;
  customer_bank_account_number?: string | null;
  customer_bank_ifsc?: string | null;
  customer_bank_code?: number | null;
  customer_uid?: string | null;
}
