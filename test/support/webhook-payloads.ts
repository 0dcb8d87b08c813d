/**
 * Raw Cashfree webhook bodies for tests, written as strings on purpose: they keep what parsing would
 * lose (`170.00`, key order, spacing) and carry non-ASCII text, which is where raw-body handling breaks.
 * Shapes follow Cashfree's webhook pages (../shared/reference/cashfree-api-facts.md §3.8, §3.11).
 */

/** A customer name that needs multi-byte UTF-8, including an astral-plane emoji. */
export const NON_ASCII_NAME = '₹ Priya Pâtel 🛒';

/** PAYMENT_SUCCESS_WEBHOOK (version 2025-01-01) for `orderId`, with amounts printed as `170.00`. */
export function paymentSuccessBody(orderId = 'order_wh_1', cfPaymentId = '5114910796410'): string {
  return `{"data":{"order":{"order_id":"${orderId}","order_amount":170.00,"order_currency":"INR","order_tags":null},"payment":{"cf_payment_id":"${cfPaymentId}","payment_status":"SUCCESS","payment_amount":170.00,"payment_currency":"INR","payment_message":"00::Transaction success","payment_time":"2025-01-15T11:16:10+05:30","bank_reference":"1234567890","auth_id":null,"payment_method":{"upi":{"channel":"collect","upi_id":"testsuccess@gocash"}},"payment_group":"upi","international_payment":{"international":false},"payment_surcharge":null},"customer_details":{"customer_name":"${NON_ASCII_NAME}","customer_id":"cust_7","customer_email":"priya@example.com","customer_phone":"9999999999"},"payment_gateway_details":{"gateway_name":"CASHFREE","gateway_order_id":"2191","gateway_payment_id":"2191","gateway_status_code":null},"payment_offers":null,"terminal_details":null},"event_time":"2025-01-15T11:16:12+05:30","type":"PAYMENT_SUCCESS_WEBHOOK"}`;
}

/** PAYMENT_FAILED_WEBHOOK for `orderId` (another attempt on the same order). */
export function paymentFailedBody(orderId = 'order_wh_1', cfPaymentId = '5114910796411'): string {
  return `{"data":{"order":{"order_id":"${orderId}","order_amount":170.00,"order_currency":"INR","order_tags":null},"payment":{"cf_payment_id":"${cfPaymentId}","payment_status":"FAILED","payment_amount":170.00,"payment_currency":"INR","payment_message":"01::REJECTED","payment_time":"2025-01-15T11:15:01+05:30","bank_reference":null,"auth_id":null,"payment_method":{"card":{"channel":"link","card_number":"XXXXXXXXXXXX4738","card_network":"visa","card_type":"credit_card","card_country":"IN","card_bank_name":"HDFC"}},"payment_group":"credit_card"},"customer_details":{"customer_name":"${NON_ASCII_NAME}","customer_id":"cust_7","customer_email":null,"customer_phone":"9999999999"},"error_details":{"error_code":"TRANSACTION_DECLINED","error_description":"issuer bank declined","error_reason":"bank_rejected","error_source":"bank"}},"event_time":"2025-01-15T11:15:03+05:30","type":"PAYMENT_FAILED_WEBHOOK"}`;
}

/** REFUND_STATUS_WEBHOOK. */
export function refundBody(refundId = 'refund_1', status = 'SUCCESS'): string {
  return `{"data":{"refund":{"cf_refund_id":"8118","cf_payment_id":"5114910796410","refund_id":"${refundId}","order_id":"order_wh_1","refund_amount":70.50,"refund_currency":"INR","entity":"Refund","refund_type":"MERCHANT_INITIATED","refund_arn":"205907959","refund_status":"${status}","status_description":"Refund processed successfully","created_at":"2025-01-16T10:00:00+05:30","processed_at":"2025-01-16T10:05:00+05:30","refund_charge":0,"refund_note":"size too small — réduction","refund_splits":[],"metadata":null,"refund_mode":"STANDARD"}},"event_time":"2025-01-16T10:05:01+05:30","type":"REFUND_STATUS_WEBHOOK"}`;
}

/** PAYMENT_LINK_EVENT: amounts are strings in link webhooks. */
export function paymentLinkBody(linkId = 'link_1', status = 'PAID'): string {
  return `{"data":{"cf_link_id":"1996567","link_id":"${linkId}","link_status":"${status}","link_currency":"INR","link_amount":"200.12","link_amount_paid":"200.12","link_partial_payments":false,"link_minimum_partial_amount":null,"link_purpose":"Chai & samosa ☕","link_created_at":"2021-08-18T07:13:41","customer_details":{"customer_name":"${NON_ASCII_NAME}","customer_phone":"9999999999","customer_email":"priya@example.com"},"link_meta":{"notify_url":"https://example.com/webhooks/cashfree"},"link_url":"https://payments-test.cashfree.com/links/o1tf1nvcvjhg","link_expiry_time":"2021-11-28T21:46:20","link_notes":{},"link_auto_reminders":true,"link_notify":{"send_sms":false,"send_email":true},"order":{"order_amount":"200.12","order_id":"CFPay_o1tf1nvcvjhg_1","order_expiry_time":"2021-08-18T07:34:50","order_hash":"Gb2gC7z0tILhGbZUIeds","transaction_id":1021206,"transaction_status":"SUCCESS"}},"event_time":"2021-08-18T12:55:06+05:30","type":"PAYMENT_LINK_EVENT","version":1}`;
}

/** A SETTLEMENT_* webhook. */
export function settlementBody(type = 'SETTLEMENT_SUCCESS', settlementId = 8877): string {
  return `{"data":{"settlement":{"adjustment":0.00,"amount_settled":165.80,"payment_amount":170.00,"payment_from":"2022-02-14 12:00:00","payment_till":"2022-02-15 12:00:00","reason":null,"service_charge":3.56,"service_tax":0.64,"settled_on":"2022-02-16 10:00:00","settlement_amount":165.80,"settlement_charge":0.00,"settlement_id":${settlementId},"settlement_initiated_on":"2022-02-16 09:00:00","settlement_tax":0.00,"settlement_type":"STANDARD","status":"SUCCESS","utr":"1645000000"}},"event_time":"2022-02-16T10:00:01+05:30","type":"${type}"}`;
}

/** A DISPUTE_* webhook. */
export function disputeBody(type = 'DISPUTE_CREATED', disputeId = '433475257'): string {
  return `{"data":{"dispute":{"dispute_id":"${disputeId}","dispute_type":"CHARGEBACK","reason_code":"4855","reason_description":"Goods not received","dispute_amount":170.00,"dispute_amount_currency":"INR","dispute_status":"CHARGEBACK_CREATED","created_at":"2025-01-20T10:00:00+05:30","respond_by":"2025-01-27T10:00:00+05:30","updated_at":"2025-01-20T10:00:00+05:30","resolved_at":null,"cf_dispute_remarks":null},"order_details":{"order_id":"order_wh_1","order_currency":"INR","order_amount":170.00,"cf_payment_id":"5114910796410","payment_currency":"INR","payment_amount":170.00},"customer_details":{"customer_name":"${NON_ASCII_NAME}","customer_phone":"9999999999","customer_email":null}},"event_time":"2025-01-20T10:00:01+05:30","type":"${type}"}`;
}
