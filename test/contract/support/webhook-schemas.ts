/**
 * Which contract schemas describe which webhook `type`. Payment webhooks have two: the standalone
 * `PaymentWebhook` schema and the body of the `PaymentWebhook` callback that `POST /orders`
 * declares (its expression key is repaired by the overlay). The contract has no schema for payment
 * link or dispute webhooks.
 */
import { pointerFrom } from './pointer.js';

/** The callback URL expression the overlay gives the broken `object Object` key. */
export const PAYMENT_CALLBACK_EXPRESSION = '{$request.body#/order_meta/notify_url}';

const PAYMENT_CALLBACK_BODY = pointerFrom(
  'components',
  'callbacks',
  'PaymentWebhook',
  PAYMENT_CALLBACK_EXPRESSION,
  'post',
  'requestBody',
  'content',
  'application/json',
  'schema',
);

/** Schema pointers for a webhook type; empty when the contract has none. */
export function webhookSchemasFor(type: string): string[] {
  if (type.startsWith('PAYMENT_') && type.endsWith('_WEBHOOK')) {
    return ['/components/schemas/PaymentWebhook', PAYMENT_CALLBACK_BODY];
  }
  if (type === 'REFUND_STATUS_WEBHOOK') return ['/components/schemas/RefundWebhook'];
  if (type.startsWith('SETTLEMENT_')) return ['/components/schemas/SettlementWebhook'];
  return [];
}

/** A readable name for a schema pointer: `PaymentWebhook` or `PaymentWebhook callback (POST /orders)`. */
export function schemaName(pointer: string): string {
  return pointer === PAYMENT_CALLBACK_BODY
    ? 'the PaymentWebhook callback of POST /orders'
    : (pointer.split('/').pop() ?? pointer);
}
