/**
 * The payment flow the reliability suites drive through cashfree-kit: an order for a test
 * customer, paid by Cashfree's test card with OTP 111000 (the seed's test data).
 */
import { TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import type { Cashfree, CreateOrderRequest, OrderEntity } from 'cashfree-kit';

export const TEST_CARD = {
  channel: 'post' as const,
  card_number: '4111111111111111',
  card_expiry_mm: TEST_CARD_EXPIRY.mm,
  card_expiry_yy: TEST_CARD_EXPIRY.yy,
  card_cvv: '123',
};
export const TEST_OTP = '111000';

/** A create-order body; `orderId` undefined lets Cashfree (the sandbox) generate the id. */
export function orderBody(
  orderId: string | undefined,
  amount: number,
  extra: Partial<CreateOrderRequest> = {},
): CreateOrderRequest {
  return {
    ...(orderId === undefined ? {} : { order_id: orderId }),
    order_amount: amount,
    order_currency: 'INR',
    customer_details: { customer_id: 'cust_reliability', customer_phone: '9876543210' },
    ...extra,
  };
}

/** Pays an ACTIVE order by test card and submits the OTP; returns the payment id. */
export async function payByCard(client: Cashfree, order: OrderEntity): Promise<string> {
  const pay = await client.orders.pay({
    payment_session_id: order.payment_session_id ?? '',
    payment_method: { card: TEST_CARD },
  });
  const cfPaymentId = String(pay.cf_payment_id);
  const otp = await client.orders.authenticate(cfPaymentId, { action: 'SUBMIT_OTP', otp: TEST_OTP });
  if (otp.authenticate_status !== 'SUCCESS') {
    throw new Error(`card payment of ${order.order_id} was not authenticated: ${JSON.stringify(otp)}`);
  }
  return cfPaymentId;
}
