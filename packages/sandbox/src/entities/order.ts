import type {
  AddressDetails,
  CartAddress,
  CustomerDetailsResponse,
  OrderEntity,
  OrderExtendedDataEntity,
  PaymentLinkOrderEntity,
} from 'cashfree-kit';
import { formatIst } from '../clock/time.js';
import type { OrderDetails, OrderRow } from '../store/orders.js';
import { toRupees } from '../util/money.js';
import type { Wire } from './wire.js';

/** The order's details, parsed. */
export function orderDetails(row: OrderRow): OrderDetails {
  return JSON.parse(row.details) as OrderDetails;
}

/** `customer_details` as the API returns it (CustomerDetailsResponse). */
export function customerDetails(details: OrderDetails): Wire<CustomerDetailsResponse> {
  const c = details.customer_details;
  const out: Record<string, unknown> = {
    customer_id: c['customer_id'] ?? null,
    customer_name: c['customer_name'] ?? null,
    customer_email: c['customer_email'] ?? null,
    customer_phone: c['customer_phone'] ?? null,
    customer_uid: c['customer_uid'] ?? null,
  };
  for (const key of ['customer_bank_account_number', 'customer_bank_ifsc', 'customer_bank_code']) {
    if (c[key] !== undefined) out[key] = c[key];
  }
  return out as Wire<CustomerDetailsResponse>;
}

/**
 * `OrderEntity` (create, get and terminate responses).
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/orders/create
 */
export function orderEntity(row: OrderRow, details: OrderDetails = orderDetails(row)): Wire<OrderEntity> {
  const meta = details.order_meta ?? {};
  return {
    cf_order_id: String(row.cf_order_id),
    created_at: formatIst(row.created_at),
    customer_details: customerDetails(details),
    entity: 'order',
    order_amount: toRupees(row.amount),
    order_currency: row.currency,
    order_expiry_time: formatIst(row.expires_at),
    order_id: row.order_id,
    order_meta: {
      return_url: meta.return_url ?? null,
      notify_url: meta.notify_url ?? null,
      payment_methods: meta.payment_methods ?? null,
    },
    order_note: details.order_note,
    order_splits: details.order_splits,
    order_status: row.status,
    order_tags: details.order_tags,
    payment_session_id: row.payment_session_id,
    terminal_data: details.terminal ?? null,
    cart_details: details.cart_details ? { cart_id: String(row.cf_order_id) } : null,
    products: details.products ?? null,
  };
}

/** `PaymentLinkOrderEntity`: an order created through a payment link, with its `link_id`. */
export function linkOrderEntity(row: OrderRow, linkId: string): Wire<PaymentLinkOrderEntity> {
  return { ...orderEntity(row), link_id: linkId };
}

/**
 * `OrderExtendedDataEntity`: the customer, addresses and cart the order was created with.
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/orders/get-order-extended
 */
export function orderExtendedEntity(row: OrderRow): Wire<OrderExtendedDataEntity> {
  const details = orderDetails(row);
  const cart = details.cart_details ?? {};
  const address = (a: CartAddress | undefined): Wire<AddressDetails> | null => {
    if (typeof a !== 'object' || a === null) return null;
    return {
      name: a.full_name ?? null,
      address_line_one: a.address_1 ?? null,
      address_line_two: a.address_2 ?? null,
      country: a.country ?? null,
      country_code: null,
      state: a.state ?? null,
      state_code: null,
      city: a.city ?? null,
      pin_code: a.pincode ?? null,
      phone: null,
      email: null,
    };
  };
  const c = customerDetails(details);
  return {
    cf_order_id: String(row.cf_order_id),
    order_id: row.order_id,
    order_amount: toRupees(row.amount),
    order_currency: row.currency,
    created_at: formatIst(row.created_at),
    charges: { shipping_charges: cart.shipping_charge ?? 0, cod_handling_charges: 0 },
    customer_details: {
      customer_id: c.customer_id ?? null,
      customer_email: c.customer_email ?? null,
      customer_phone: c.customer_phone ?? null,
      customer_name: c.customer_name ?? null,
      customer_uid: c.customer_uid ?? null,
    },
    shipping_address: address(cart.customer_shipping_address),
    billing_address: address(cart.customer_billing_address),
    cart: { name: cart.cart_name ?? null, items: cart.cart_items ?? [] },
    offer: null,
  };
}
