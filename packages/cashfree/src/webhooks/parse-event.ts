import type { ProductName } from '../operations/products.js';
import { WebhookVerificationError } from './errors.js';
import { isKnownWebhookEventType, type WebhookDelivery, type WebhookEvent } from './events.js';
import { isPayoutsWebhookEventType, type PayoutsWebhookEvent } from './payouts-events.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a verified body into a typed event. Known types need a `data` object so their typing never
 * lies; anything else becomes an `unknown` event that keeps the parsed body. A Payouts event is
 * refused (`wrong_product`): PG and Payouts can share a secret (the sandbox's default), so only
 * the type tells them apart, and a Payouts event typed as an unknown PG one would be acknowledged
 * and lost.
 */
export function parseWebhookEvent(text: string, delivery: WebhookDelivery): WebhookEvent {
  return parseFor('pg', text, delivery) as WebhookEvent;
}

/**
 * {@link parseWebhookEvent} for Payouts: its six types typed, a PG type refused (`wrong_product`),
 * any other an `unknown` event.
 */
export function parsePayoutsWebhookEvent(text: string, delivery: WebhookDelivery): PayoutsWebhookEvent {
  return parseFor('payouts', text, delivery) as PayoutsWebhookEvent;
}

const KNOWN: Record<ProductName, (type: string) => boolean> = {
  pg: isKnownWebhookEventType,
  payouts: isPayoutsWebhookEventType,
};

function parseFor(product: ProductName, text: string, delivery: WebhookDelivery): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw notJson(`is not JSON (it starts with "${text.slice(0, 30)}")`);
  }
  if (!isObject(body))
    throw notJson(`is JSON but not an object (it is ${Array.isArray(body) ? 'an array' : String(body)})`);
  const type = typeof body['type'] === 'string' ? body['type'] : '';
  const other: ProductName = product === 'pg' ? 'payouts' : 'pg';
  if (KNOWN[other](type)) throw wrongProduct(type, other);
  if (KNOWN[product](type) && isObject(body['data'])) {
    // The parsed body is ours alone (JSON.parse made it), so it becomes the event in place: a copy
    // would cost a second object per webhook for nothing.
    body['delivery'] = delivery;
    return body;
  }
  return { type: 'unknown', receivedType: type, raw: body, delivery };
}

function notJson(what: string): WebhookVerificationError {
  return new WebhookVerificationError(
    'body_not_json',
    `The signature is valid but the body ${what}. Cashfree webhooks are JSON objects; check that this ` +
      'endpoint receives Cashfree webhooks only (its notify_url or dashboard webhook URL).',
  );
}

function wrongProduct(type: string, sent: ProductName): WebhookVerificationError {
  const fix =
    sent === 'payouts'
      ? 'verify it with verifyPayoutsWebhook or constructPayoutsWebhookEvent (adapters: product: ' +
        "'payouts') and your Payouts client secret"
      : 'verify it with verifyWebhook or constructWebhookEvent (adapters: no product option) and your ' +
        'Payment Gateway client secret';
  const names = { pg: 'Payment Gateway', payouts: 'Payouts' } as const;
  const other = sent === 'pg' ? 'payouts' : 'pg';
  return new WebhookVerificationError(
    'wrong_product',
    `The signature is valid but ${type} is a Cashfree ${names[sent]} event, and this verifier expects ` +
      `${names[other]} events: ${fix}, or point each product's webhooks at its own endpoint.`,
  );
}
