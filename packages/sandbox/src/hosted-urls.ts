/**
 * The pages the sandbox serves outside `/pg`, for the browser steps of a payment. These paths are
 * a contract with the hosted-checkout part of the sandbox, which renders them:
 *
 * - `/links/<link_code>`: the payment link page (`link_url`), like
 *   `https://payments-test.cashfree.com/links/o1tf1nvcvjhg`.
 * - `/checkout/payments/<cf_payment_id>`: the customer's step for one pending payment, chosen by
 *   its method: the card issuer's OTP page (3-D Secure), the netbanking bank simulator
 *   (SUCCESS / PENDING / USER_DROPPED / FAILED), the test wallet, or the UPI collect wait page.
 *   Order Pay returns it as `data.url` (card and netbanking `link`, app, UPI with
 *   `upi_redirect_url`) or `data.redirect_to_bank` (card `post`).
 */

/**
 * The payment link page (`link_url`) of a link.
 *
 * @example linkUrl('http://127.0.0.1:8787', 'o1tf1nvcvjhg'); // 'http://127.0.0.1:8787/links/o1tf1nvcvjhg'
 */
export function linkUrl(publicUrl: string, linkCode: string): string {
  return `${publicUrl}/links/${linkCode}`;
}

/**
 * The page where the customer completes a pending payment: OTP page, bank simulator, test wallet or UPI wait page, by its method.
 *
 * @example
 * paymentPageUrl('http://127.0.0.1:8787', 5114910796410); // 'http://127.0.0.1:8787/checkout/payments/5114910796410'
 */
export function paymentPageUrl(publicUrl: string, cfPaymentId: number): string {
  return `${publicUrl}/checkout/payments/${cfPaymentId}`;
}

/**
 * The URL of Cashfree's headless OTP operation for a card payment made with channel `post`.
 *
 * @example
 * authenticateUrl('http://127.0.0.1:8787', 5114910796410); // 'http://127.0.0.1:8787/pg/orders/pay/authenticate/5114910796410'
 */
export function authenticateUrl(publicUrl: string, cfPaymentId: number): string {
  return `${publicUrl}/pg/orders/pay/authenticate/${cfPaymentId}`;
}
