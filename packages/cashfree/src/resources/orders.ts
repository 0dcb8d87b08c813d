import type { RequestOptions } from '../core/options.js';
import { ORDER_OPERATIONS as endpoints } from '../operations/orders.js';
import type { AUTHENTICATE_STATUSES, ORDER_DELIVERY_STATUSES } from '../operations/statuses.js';
import { ApiResource } from './resource.js';
import type {
  CartItem,
  CustomerDetailsResponse,
  OrderMeta,
  OrderStatus,
  ProductDetails,
  VendorSplit,
} from './shared-types.js';

/**
 * Orders: create one to get a `payment_session_id` for checkout, then fetch it on your server to
 * confirm payment (never trust the browser's callback).
 *
 * @example
 * const created = await cashfree.orders.create(order);
 * // … the customer pays with created.payment_session_id in cashfree.js …
 * const { order_status } = await cashfree.orders.get(created.order_id);
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/orders/create
 */
export class Orders extends ApiResource {
  /**
   * `POST /orders`. Validated first: `order_id`, `order_amount` (rupees), `customer_details`.
   *
   * @example
   * await cashfree.orders.create({
   *   order_id: 'order_001', order_amount: 499.0, order_currency: 'INR',
   *   customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
   * });
   */
  create(body: CreateOrderRequest, options?: RequestOptions): Promise<OrderEntity> {
    return this.send(endpoints.create, {}, { body }, options);
  }

  /**
   * `GET /orders/{order_id}`: the order and its `order_status`.
   *
   * @example
   * const { order_status } = await cashfree.orders.get('order_001');
   * if (order_status === 'PAID') console.log('fulfil it');
   */
  get(orderId: string, options?: RequestOptions): Promise<OrderEntity> {
    return this.send(endpoints.get, { order_id: orderId }, {}, options);
  }

  /**
   * `PATCH /orders/{order_id}` with `order_status: 'TERMINATED'`. The answer may be
   * `TERMINATION_REQUESTED`, and a payment already in flight can still make the order `PAID`.
   *
   * @example
   * const { order_status } = await cashfree.orders.terminate('order_001'); // 'TERMINATED' or 'TERMINATION_REQUESTED'
   */
  terminate(orderId: string, options?: RequestOptions): Promise<OrderEntity> {
    // A copy, so that an onRequest hook that changes the body cannot change the table.
    const body = { ...endpoints.terminate.sentBody };
    return this.send(endpoints.terminate, { order_id: orderId }, { body }, options);
  }

  /**
   * `POST /orders/sessions`: pay an order server-to-server with a `payment_session_id` (needs S2S enabled).
   *
   * @example
   * const { payment_session_id } = await cashfree.orders.create(order);
   * const next = await cashfree.orders.pay({
   *   payment_session_id,
   *   payment_method: { upi: { channel: 'collect', upi_id: 'testsuccess@gocash' } },
   * });
   * console.log(next.cf_payment_id, next.action); // the payment, and what to do next
   */
  pay(body: PayOrderRequest, options?: RequestOptions): Promise<PayOrderEntity> {
    return this.send(endpoints.pay, {}, { body }, options);
  }

  /**
   * `POST /orders/pay/authenticate/{cf_payment_id}`: submit or resend the card OTP of a `post` channel payment.
   *
   * @example
   * const result = await cashfree.orders.authenticate('5114910796410', { otp: '111000', action: 'SUBMIT_OTP' });
   * if (result.authenticate_status === 'SUCCESS') console.log('now confirm with cashfree.orders.get()');
   */
  authenticate(
    cfPaymentId: string,
    body: AuthenticatePaymentRequest,
    options?: RequestOptions,
  ): Promise<OrderAuthenticateEntity> {
    return this.send(endpoints.authenticate, { cf_payment_id: cfPaymentId }, { body }, options);
  }

  /**
   * `GET /orders/{order_id}/extended`: addresses, cart, charges and offer of the order.
   *
   * @example
   * const { shipping_address, cart } = await cashfree.orders.getExtended('order_001');
   */
  getExtended(orderId: string, options?: RequestOptions): Promise<OrderExtendedDataEntity> {
    return this.send(endpoints.getExtended, { order_id: orderId }, {}, options);
  }

  /**
   * `PUT /orders/{order_id}/extended`: tell Cashfree how a paid order ships (`shipment_details`)
   * and how far it got (`order_delivery_status`); send at least one of the two. The delivery
   * status is checked against the contract's values first.
   *
   * @example
   * await cashfree.orders.updateExtended('order_001', {
   *   shipment_details: [{ tracking_company: 'DHL', tracking_urls: ['https://dhl.com/track/123456'], tracking_numbers: ['TRACK123456'] }],
   *   order_delivery_status: { status: 'SHIPPED' },
   * });
   */
  updateExtended(
    orderId: string,
    body: UpdateOrderExtendedRequest,
    options?: RequestOptions,
  ): Promise<UpdateOrderExtendedDataEntity> {
    return this.send(endpoints.updateExtended, { order_id: orderId }, { body }, options);
  }
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/**
 * Customer details for an order (`CustomerDetails`).
 *
 * @example
 * const customer: CustomerDetails = { customer_id: 'cust_001', customer_phone: '9876543210', customer_email: 'priya@example.com' };
 */
export interface CustomerDetails {
  /** Your id for the customer (required; 3–50 characters). */
  customer_id: string;
  /** 10 digits, no country code: `'9876543210'`, not `'+919876543210'`. */
  customer_phone: string;
  customer_email?: string;
  customer_name?: string;
  /** TPV (bank account check) only. */
  customer_bank_account_number?: string;
  customer_bank_ifsc?: string;
  customer_bank_code?: number;
  customer_uid?: string;
}

/**
 * An address in `cart_details`.
 *
 * @example
 * const address: CartAddress = { full_name: 'Priya Sharma', city: 'Pune', state: 'Maharashtra', pincode: '411001', country: 'India' };
 */
export interface CartAddress {
  full_name?: string;
  country?: string;
  city?: string;
  state?: string;
  pincode?: string;
  address_1?: string;
  address_2?: string;
}

/**
 * Cart details sent with an order.
 *
 * @example
 * const cart: CartDetails = {
 *   cart_name: 'Order #1042',
 *   shipping_charge: 40,
 *   cart_items: [{ item_id: 'sku_1', item_name: 'Notebook', item_original_unit_price: 120, item_quantity: 2 }],
 * };
 */
export interface CartDetails {
  customer_note?: string;
  shipping_charge?: number;
  cart_name?: string;
  customer_shipping_address?: CartAddress;
  customer_billing_address?: CartAddress;
  cart_items?: CartItem[];
}

/**
 * softPOS terminal details.
 *
 * @example
 * const terminal: TerminalDetails = { terminal_type: 'SPOS', terminal_phone_no: '9876543210' };
 */
export interface TerminalDetails {
  /** e.g. `SPOS` (4–10 characters). */
  terminal_type: string;
  added_on?: string;
  cf_terminal_id?: string;
  last_updated_on?: string;
  terminal_address?: string;
  terminal_id?: string;
  terminal_name?: string;
  terminal_note?: string;
  terminal_phone_no?: string;
  terminal_status?: string;
}

/**
 * Body of `POST /orders` (`CreateOrderRequest`).
 *
 * @example
 * const request: CreateOrderRequest = {
 *   order_id: 'order_001',
 *   order_amount: 499.0, // rupees, not paise
 *   order_currency: 'INR',
 *   customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
 *   order_meta: { return_url: 'https://shop.example.com/return?order_id={order_id}' },
 * };
 */
export interface CreateOrderRequest {
  /** Your order id: 3–45 letters, digits, `_`, `-`. Cashfree generates one when left out. */
  order_id?: string;
  /** In rupees with up to 2 decimals, ≥ 1: `499.99` is ₹499.99 (not paise). */
  order_amount: number;
  /** `INR` unless other currencies are enabled on your account. */
  order_currency: string;
  customer_details: CustomerDetails;
  order_meta?: OrderMeta;
  /** ISO 8601; more than 15 minutes and less than 30 days from now. */
  order_expiry_time?: string;
  /** 3–200 characters. */
  order_note?: string;
  /** Up to 10 `key: value` tags, values 1–255 characters. */
  order_tags?: Record<string, string>;
  order_splits?: VendorSplit[];
  cart_details?: CartDetails;
  terminal?: TerminalDetails;
  products?: { one_click_checkout?: ProductDetails; verify_pay?: ProductDetails };
}

/**
 * Card payment (`CardPaymentMethod`). `channel: 'post'` lets you collect the OTP yourself.
 *
 * @example
 * const card: CardPaymentMethod = {
 *   card: { channel: 'link', card_number: '4111111111111111', card_holder_name: 'Test', card_expiry_mm: '12', card_expiry_yy: '45', card_cvv: '123' },
 * };
 */
export interface CardPaymentMethod {
  card: {
    channel: 'link' | 'post';
    card_number?: string;
    card_holder_name?: string;
    card_expiry_mm?: string;
    card_expiry_yy?: string;
    card_cvv?: string;
    instrument_id?: string;
    cryptogram?: string;
    token_requestor_id?: string;
    token_reference_id?: string;
    token_type?: 'ISSUER_TOKEN' | 'NETWORK_GC_TOKEN' | 'ISSUER_GC_TOKEN';
    card_display?: string;
    card_alias?: string;
    card_bank_name?: 'Kotak' | 'ICICI' | 'RBL' | 'BOB' | 'Standard Chartered';
    emi_tenure?: number;
    address_line_one?: string;
    address_line_two?: string;
    city?: string;
    zip_code?: string;
    country?: string;
    country_code?: string;
    state?: string;
    state_code?: string;
  };
}

/**
 * UPI payment (`UPIPaymentMethod`); `upi_id` is required for `collect`.
 *
 * @example
 * const upi: UpiPaymentMethod = { upi: { channel: 'collect', upi_id: 'testsuccess@gocash', upi_expiry_minutes: 10 } };
 */
export interface UpiPaymentMethod {
  upi: {
    channel: 'link' | 'collect' | 'qrcode';
    upi_id?: string;
    upi_redirect_url?: boolean;
    /** 5–15 minutes, collect only. */
    upi_expiry_minutes?: number;
    authorize_only?: boolean;
    authorization?: { approve_by?: string; start_time?: string; end_time?: string };
  };
}

/**
 * Netbanking payment: a 4-digit `netbanking_bank_code` or a 5-letter `netbanking_bank_name`.
 *
 * @example
 * const netbanking: NetBankingPaymentMethod = { netbanking: { channel: 'link', netbanking_bank_code: 3333 } };
 */
export interface NetBankingPaymentMethod {
  netbanking: {
    channel: 'link' | (string & {});
    netbanking_bank_code?: number;
    netbanking_bank_name?: string;
  };
}

/**
 * Wallet (app) payment.
 *
 * @example
 * const wallet: AppPaymentMethod = { app: { channel: 'link', provider: 'phonepe', phone: '9876543210' } };
 */
export interface AppPaymentMethod {
  app: {
    channel: string;
    provider: 'gpay' | 'phonepe' | 'ola' | 'paytm' | 'amazon' | 'airtel' | 'freecharge' | 'mobikwik' | 'jio';
    phone: string;
  };
}

/**
 * Card EMI payment.
 *
 * @example
 * const emi: CardEmiPaymentMethod = {
 *   emi: { channel: 'link', card_number: '4111111111111111', card_expiry_mm: '12', card_expiry_yy: '45', card_cvv: '123', card_bank_name: 'Kotak', emi_tenure: 3 },
 * };
 */
export interface CardEmiPaymentMethod {
  emi: {
    channel: string;
    card_number: string;
    card_holder_name?: string;
    card_expiry_mm: string;
    card_expiry_yy: string;
    card_cvv: string;
    card_alias?: string;
    card_bank_name: string;
    emi_tenure: number;
  };
}

/**
 * Cardless EMI payment.
 *
 * @example
 * const cardless: CardlessEmiPaymentMethod = { cardless_emi: { channel: 'link', provider: 'flexmoney', phone: '9876543210' } };
 */
export interface CardlessEmiPaymentMethod {
  cardless_emi: { channel?: string; provider?: string; phone?: string; emi_tenure?: number };
}

/**
 * Pay-later payment.
 *
 * @example
 * const later: PaylaterPaymentMethod = { paylater: { channel: 'link', provider: 'simpl', phone: '9876543210' } };
 */
export interface PaylaterPaymentMethod {
  paylater: { channel?: string; provider?: string; phone?: string };
}

/**
 * Bank transfer payment.
 *
 * @example
 * const transfer: BanktransferPaymentMethod = { banktransfer: { channel: 'link' } };
 */
export interface BanktransferPaymentMethod {
  banktransfer: { channel?: string };
}

/**
 * One of the payment methods `POST /orders/sessions` accepts.
 *
 * @example
 * const method: PayOrderPaymentMethod = { upi: { channel: 'qrcode' } };
 */
export type PayOrderPaymentMethod =
  | CardPaymentMethod
  | UpiPaymentMethod
  | NetBankingPaymentMethod
  | AppPaymentMethod
  | CardEmiPaymentMethod
  | CardlessEmiPaymentMethod
  | PaylaterPaymentMethod
  | BanktransferPaymentMethod;

/**
 * Body of `POST /orders/sessions` (`PayOrderRequest`).
 *
 * @example
 * const pay: PayOrderRequest = {
 *   payment_session_id: 'session_abc',
 *   payment_method: { netbanking: { channel: 'link', netbanking_bank_code: 3333 } },
 * };
 */
export interface PayOrderRequest {
  payment_session_id: string;
  payment_method: PayOrderPaymentMethod;
  save_instrument?: boolean;
  offer_id?: string;
}

/**
 * Body of `POST /orders/pay/authenticate/{cf_payment_id}`.
 *
 * @example
 * const otp: AuthenticatePaymentRequest = { otp: '111000', action: 'SUBMIT_OTP' };
 */
export interface AuthenticatePaymentRequest {
  otp: string;
  action: 'SUBMIT_OTP' | 'RESEND_OTP';
}

/**
 * How one parcel of an order ships (`ShipmentDetails`): the carrier and its tracking numbers and URLs.
 *
 * @example
 * const parcel: ShipmentDetails = { tracking_company: 'DHL', tracking_urls: ['https://dhl.com/track/123456'], tracking_numbers: ['TRACK123456'] };
 */
export interface ShipmentDetails {
  tracking_company: string;
  tracking_urls: string[];
  tracking_numbers: string[];
}

/**
 * A value of `order_delivery_status.status`, one of {@link ORDER_DELIVERY_STATUSES}.
 *
 * @example
 * const status: DeliveryStatus = 'OUT_FOR_DELIVERY';
 */
export type DeliveryStatus = (typeof ORDER_DELIVERY_STATUSES)[number];

/**
 * Where the order's delivery stands (`OrderDeliveryStatus`), with an optional reason.
 *
 * @example
 * const delivery: OrderDeliveryStatus = { status: 'CANCELLED', reason: 'wrong address' };
 */
export interface OrderDeliveryStatus {
  status: DeliveryStatus;
  reason?: string;
}

/**
 * Body of `PUT /orders/{order_id}/extended` (`UpdateOrderExtendedRequest`): at least one of the two.
 *
 * @example
 * const update: UpdateOrderExtendedRequest = { order_delivery_status: { status: 'DELIVERED' } };
 */
export interface UpdateOrderExtendedRequest {
  shipment_details?: ShipmentDetails[];
  order_delivery_status?: OrderDeliveryStatus;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/**
 * An order (`OrderEntity`), returned by create, get and terminate.
 *
 * @example
 * const created: OrderEntity = await cashfree.orders.create(order);
 * console.log(created.cf_order_id, created.order_status, created.payment_session_id);
 */
export interface OrderEntity {
  /** Cashfree's id for the order. */
  cf_order_id: string;
  order_id: string;
  /** `"order"`. */
  entity: string;
  order_currency: string;
  order_amount: number;
  order_status: OrderStatus;
  /** Pass to cashfree.js `checkout({ paymentSessionId })`. */
  payment_session_id: string;
  order_expiry_time?: string | null;
  order_note?: string | null;
  created_at?: string | null;
  order_splits?: VendorSplit[] | null;
  customer_details?: CustomerDetailsResponse | null;
  order_meta?: OrderMeta | null;
  order_tags?: Record<string, string> | null;
  cart_details?: { cart_id?: string } | null;
  terminal_data?: {
    agent_mobile_number?: string;
    cf_terminal_id?: number;
    merchant_terminal_id?: string;
    terminal_type?: string;
  } | null;
  products?: { one_click_checkout?: ProductDetails; verify_pay?: ProductDetails } | null;
}

/**
 * What to do next after `orders.pay` (`PayOrderEntity`).
 *
 * @example
 * const next: PayOrderEntity = await cashfree.orders.pay({ payment_session_id: 'session_abc', payment_method: { upi: { channel: 'link' } } });
 * if (next.action === 'link' && next.data?.url) console.log('send the customer to', next.data.url);
 */
export interface PayOrderEntity {
  payment_amount?: number;
  cf_payment_id?: string;
  payment_method?: 'netbanking' | 'card' | 'upi' | 'app' | 'cardless_emi' | 'paylater' | 'banktransfer';
  channel?: 'link' | 'collect' | 'qrcode' | 'post';
  action?: 'link' | 'custom' | 'form' | 'post';
  data?: {
    url?: string | null;
    payload?: Record<string, unknown> | null;
    content_type?: string | null;
    method?: string | null;
    redirect_to_bank?: string | null;
  };
}

/**
 * Result of `orders.authenticate` (`OrderAuthenticateEntity`).
 *
 * @example
 * const result: OrderAuthenticateEntity = await cashfree.orders.authenticate('5114910796410', { otp: '111000', action: 'SUBMIT_OTP' });
 */
export interface OrderAuthenticateEntity {
  cf_payment_id?: string;
  action?: 'SUBMIT_OTP' | 'RESEND_OTP';
  /** Even on SUCCESS, confirm with `orders.get` / `payments.get`. */
  authenticate_status?: (typeof AUTHENTICATE_STATUSES)[number];
  payment_message?: string;
}

/**
 * An address in the extended order data.
 *
 * @example
 * const shipTo: AddressDetails | null | undefined = (await cashfree.orders.getExtended('order_001')).shipping_address;
 */
export interface AddressDetails {
  name?: string;
  address_line_one?: string;
  address_line_two?: string;
  country?: string;
  country_code?: string;
  state?: string;
  state_code?: string;
  city?: string;
  pin_code?: string;
  phone?: string;
  email?: string;
}

/**
 * Extended order data (`OrderExtendedDataEntity`).
 *
 * @example
 * const extended: OrderExtendedDataEntity = await cashfree.orders.getExtended('order_001');
 * console.log(extended.charges?.shipping_charges, extended.cart?.items?.length);
 */
export interface OrderExtendedDataEntity {
  cf_order_id?: string;
  order_id?: string;
  order_amount?: number;
  order_currency?: string;
  created_at?: string;
  charges?: { shipping_charges?: number; cod_handling_charges?: number } | null;
  customer_details?: CustomerDetailsResponse | null;
  shipping_address?: AddressDetails | null;
  billing_address?: AddressDetails | null;
  cart?: { name?: string; items?: CartItem[] } | null;
  /** The offer applied to the paid order; see the contract's `OfferExtendedDetails`. */
  offer?: {
    offer_id?: string;
    offer_status?: string;
    offer_meta?: Record<string, unknown>;
    offer_tnc?: Record<string, unknown>;
    offer_details?: Record<string, unknown>;
    offer_validations?: Record<string, unknown>;
  } | null;
}

/**
 * What Cashfree holds for the order's shipment after `orders.updateExtended`
 * (`UpdateOrderExtendedDataEntity`).
 *
 * @example
 * const updated: UpdateOrderExtendedDataEntity = await cashfree.orders.updateExtended('order_001', { order_delivery_status: { status: 'SHIPPED' } });
 * console.log(updated.order_delivery_status?.status, updated.shipment_details?.length);
 */
export interface UpdateOrderExtendedDataEntity {
  cf_order_id?: string;
  order_id?: string;
  shipment_details?: ShipmentDetails[];
  order_delivery_status?: OrderDeliveryStatus;
}
