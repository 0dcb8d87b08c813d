import type { RequestOptions } from '../core/options.js';
import { PAYMENT_OPERATIONS as endpoints } from '../operations/payments.js';
import type { PAYMENT_STATUSES } from '../operations/statuses.js';
import { ApiResource } from './resource.js';

/**
 * Payments: each attempt to pay an order is a payment with its own `cf_payment_id`.
 *
 * @example
 * const attempts = await cashfree.payments.list('order_001');
 * const paid = attempts.find((p) => p.payment_status === 'SUCCESS');
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/payments/get-payments-for-an-order
 */
export class Payments extends ApiResource {
  /**
   * `GET /orders/{order_id}/payments`: every payment attempt of an order.
   *
   * @example
   * for (const p of await cashfree.payments.list('order_001')) console.log(p.cf_payment_id, p.payment_status);
   */
  list(orderId: string, options?: RequestOptions): Promise<PaymentEntity[]> {
    return this.send(endpoints.list, { order_id: orderId }, {}, options);
  }

  /**
   * `GET /orders/{order_id}/payments/{cf_payment_id}`: one payment.
   *
   * @example
   * const p = await cashfree.payments.get('order_001', '5114910796410');
   * if (p.payment_status === 'FAILED') console.log(p.error_details?.error_code);
   */
  get(orderId: string, cfPaymentId: string, options?: RequestOptions): Promise<PaymentEntity> {
    const params = { order_id: orderId, cf_payment_id: cfPaymentId };
    return this.send(endpoints.get, params, {}, options);
  }
}

/**
 * A payment's `payment_status`.
 *
 * @example
 * const payments = await cashfree.payments.list('order_001');
 * const paid = payments.some((p) => p.payment_status === ('SUCCESS' satisfies PaymentStatus));
 */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * The card fields shared by card and card-EMI payments; `card_number` is masked.
 *
 * @example
 * const card: CardInPayment | undefined = payment.payment_method?.card;
 * console.log(card?.card_network, card?.card_number); // 'visa', 'XXXXXXXXXXXX1111'
 */
export interface CardInPayment {
  channel?: string;
  card_number?: string;
  card_network?: string;
  card_type?: string;
  card_country?: string;
  card_bank_name?: string;
  card_network_reference_id?: string;
}

/**
 * How the payment was made; exactly one key is present.
 *
 * @example
 * const method: PaymentMethodDetails | null | undefined = payment.payment_method;
 * const kind = method ? Object.keys(method)[0] : undefined; // 'upi', 'card', …
 */
export interface PaymentMethodDetails {
  card?: CardInPayment & { instrument_id?: string };
  netbanking?: {
    channel?: string;
    netbanking_bank_code?: number;
    netbanking_bank_name?: string;
    netbanking_ifsc?: string;
    netbanking_account_number?: string;
  };
  upi?: { channel?: string; upi_id?: string; upi_payer_ifsc?: string; upi_payer_account_number?: string };
  app?: { channel?: string; provider?: string; phone?: string };
  cardless_emi?: { channel?: string; provider?: string; phone?: string };
  paylater?: { channel?: string; provider?: string; phone?: string };
  emi?: CardInPayment & {
    emi_tenure?: number;
    emi_details?: { emi_amount?: number; emi_tenure?: number; emi_interest?: number };
  };
  banktransfer?: {
    channel?: string;
    banktransfer_bank_name?: string;
    banktransfer_ifsc?: string;
    banktransfer_account_number?: string;
  };
}

/**
 * A payment (`PaymentEntity`).
 *
 * @example
 * const [latest]: PaymentEntity[] = await cashfree.payments.list('order_001');
 * console.log(latest?.payment_status, latest?.payment_amount, latest?.payment_group);
 */
export interface PaymentEntity {
  /** Cashfree's id for the payment (a string since API 2023-08-01). */
  cf_payment_id: string;
  order_id: string;
  /** `"payment"`. */
  entity?: string;
  payment_status: PaymentStatus;
  payment_amount?: number;
  payment_currency?: string;
  /** May differ from `payment_amount` when a service fee is collected from the customer. */
  order_amount?: number;
  order_currency?: string;
  is_captured?: boolean;
  /** e.g. `upi`, `credit_card`, `net_banking`, `debit_card`, `wallet`, `pay_later`. */
  payment_group?: string;
  /** When the payment was initiated. */
  payment_time?: string | null;
  /** When the payment reached its terminal state. */
  payment_completion_time?: string | null;
  payment_message?: string | null;
  bank_reference?: string | null;
  auth_id?: string | null;
  /** Present only for failed payments. */
  error_details?: {
    error_code?: string;
    error_description?: string;
    error_reason?: string;
    error_source?: string;
    error_code_raw?: string;
    error_description_raw?: string;
    error_subcode_raw?: string;
  } | null;
  /** Pre-authorisation details, when enabled. */
  authorization?: {
    action?: 'CAPTURE' | 'VOID';
    status?: 'SUCCESS' | 'PENDING';
    captured_amount?: number;
    start_time?: string;
    end_time?: string;
    approve_by?: string;
    action_reference?: string;
    action_time?: string;
  } | null;
  payment_method?: PaymentMethodDetails | null;
  international_payment?: { international?: boolean } | null;
  payment_gateway_details?: {
    gateway_name?: string;
    gateway_order_id?: string;
    gateway_payment_id?: string;
    gateway_order_reference_id?: string;
    gateway_status_code?: string;
    gateway_settlement?: string;
    gateway_reference_name?: string;
  } | null;
  payment_surcharge?: {
    payment_surcharge_service_charge?: number;
    payment_surcharge_service_tax?: number;
  } | null;
}
