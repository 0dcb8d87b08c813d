import type { RequestOptions } from '../core/options.js';
import { path } from '../internal/path.js';
import { validateCreateOrderRequest } from '../validation/orders.js';
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
  async create(body: CreateOrderRequest, options?: RequestOptions): Promise<OrderEntity> {
    return this.transport.post('/orders', { body, validate: validateCreateOrderRequest }, options);
  }

  /** `GET /orders/{order_id}`: the order and its `order_status`. */
  async get(orderId: string, options?: RequestOptions): Promise<OrderEntity> {
    return this.transport.get(path`/orders/${orderId}`, {}, options);
  }

  /**
   * `PATCH /orders/{order_id}` with `order_status: 'TERMINATED'`. The answer may be
   * `TERMINATION_REQUESTED`, and a payment already in flight can still make the order `PAID`.
   */
  async terminate(orderId: string, options?: RequestOptions): Promise<OrderEntity> {
    return this.transport.patch(path`/orders/${orderId}`, { body: { order_status: 'TERMINATED' } }, options);
  }

  /** `POST /orders/sessions`: pay an order server-to-server with a `payment_session_id` (needs S2S enabled). */
  async pay(body: PayOrderRequest, options?: RequestOptions): Promise<PayOrderEntity> {
    return this.transport.post('/orders/sessions', { body }, options);
  }

  /** `POST /orders/pay/authenticate/{cf_payment_id}`: submit or resend the card OTP of a `post` channel payment. */
  async authenticate(
    cfPaymentId: string,
    body: AuthenticatePaymentRequest,
    options?: RequestOptions,
  ): Promise<OrderAuthenticateEntity> {
    return this.transport.post(path`/orders/pay/authenticate/${cfPaymentId}`, { body }, options);
  }

  /** `GET /orders/{order_id}/extended`: addresses, cart, charges and offer of the order. */
  async getExtended(orderId: string, options?: RequestOptions): Promise<OrderExtendedDataEntity> {
    return this.transport.get(path`/orders/${orderId}/extended`, {}, options);
  }
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** Customer details for an order (`CustomerDetails`). */
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

/** An address in `cart_details`. */
export interface CartAddress {
  full_name?: string;
  country?: string;
  city?: string;
  state?: string;
  pincode?: string;
  address_1?: string;
  address_2?: string;
}

/** Cart details sent with an order. */
export interface CartDetails {
  customer_note?: string;
  shipping_charge?: number;
  cart_name?: string;
  customer_shipping_address?: CartAddress;
  customer_billing_address?: CartAddress;
  cart_items?: CartItem[];
}

/** softPOS terminal details. */
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

/** Body of `POST /orders` (`CreateOrderRequest`). */
export interface CreateOrderRequest {
  /** Your order id: 3–50 letters, digits, `_`, `-`. Cashfree generates one when left out. */
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

/** Card payment (`CardPaymentMethod`). `channel: 'post'` lets you collect the OTP yourself. */
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

/** UPI payment (`UPIPaymentMethod`); `upi_id` is required for `collect`. */
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

/** Netbanking payment: a 4-digit `netbanking_bank_code` or a 5-letter `netbanking_bank_name`. */
export interface NetBankingPaymentMethod {
  netbanking: {
    channel: 'link' | (string & {});
    netbanking_bank_code?: number;
    netbanking_bank_name?: string;
  };
}

/** Wallet (app) payment. */
export interface AppPaymentMethod {
  app: {
    channel: string;
    provider: 'gpay' | 'phonepe' | 'ola' | 'paytm' | 'amazon' | 'airtel' | 'freecharge' | 'mobikwik' | 'jio';
    phone: string;
  };
}

/** Card EMI payment. */
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

/** Cardless EMI payment. */
export interface CardlessEmiPaymentMethod {
  cardless_emi: { channel?: string; provider?: string; phone?: string; emi_tenure?: number };
}

/** Pay-later payment. */
export interface PaylaterPaymentMethod {
  paylater: { channel?: string; provider?: string; phone?: string };
}

/** Bank transfer payment. */
export interface BanktransferPaymentMethod {
  banktransfer: { channel?: string };
}

/** One of the payment methods `POST /orders/sessions` accepts. */
export type PayOrderPaymentMethod =
  | CardPaymentMethod
  | UpiPaymentMethod
  | NetBankingPaymentMethod
  | AppPaymentMethod
  | CardEmiPaymentMethod
  | CardlessEmiPaymentMethod
  | PaylaterPaymentMethod
  | BanktransferPaymentMethod;

/** Body of `POST /orders/sessions` (`PayOrderRequest`). */
export interface PayOrderRequest {
  payment_session_id: string;
  payment_method: PayOrderPaymentMethod;
  save_instrument?: boolean;
  offer_id?: string;
}

/** Body of `POST /orders/pay/authenticate/{cf_payment_id}`. */
export interface AuthenticatePaymentRequest {
  otp: string;
  action: 'SUBMIT_OTP' | 'RESEND_OTP';
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/** An order (`OrderEntity`), returned by create, get and terminate. */
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

/** What to do next after `orders.pay` (`PayOrderEntity`). */
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

/** Result of `orders.authenticate` (`OrderAuthenticateEntity`). */
export interface OrderAuthenticateEntity {
  cf_payment_id?: string;
  action?: 'SUBMIT_OTP' | 'RESEND_OTP';
  /** Even on SUCCESS, confirm with `orders.get` / `payments.get`. */
  authenticate_status?: 'FAILED' | 'SUCCESS';
  payment_message?: string;
}

/** An address in the extended order data. */
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

/** Extended order data (`OrderExtendedDataEntity`). */
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
