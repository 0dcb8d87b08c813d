import { WebhookVerificationError } from './errors.js';
import { isKnownWebhookEventType, type WebhookDelivery, type WebhookEvent } from './events.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a verified body into a typed event. Known types need a `data` object so their typing never
 * lies; anything else becomes an `unknown` event that keeps the parsed body.
 */
export function parseWebhookEvent(text: string, delivery: WebhookDelivery): WebhookEvent {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw notJson(`is not JSON (it starts with "${text.slice(0, 30)}")`);
  }
  if (!isObject(body))
    throw notJson(`is JSON but not an object (it is ${Array.isArray(body) ? 'an array' : String(body)})`);
  const type = typeof body['type'] === 'string' ? body['type'] : '';
  if (isKnownWebhookEventType(type) && isObject(body['data'])) {
    // The parsed body is ours alone (JSON.parse made it), so it becomes the event in place: a copy
    // would cost a second object per webhook for nothing.
    body['delivery'] = delivery;
    return body as unknown as WebhookEvent;
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
