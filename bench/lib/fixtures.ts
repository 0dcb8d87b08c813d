/** What the benchmarks send: one realistic create-order request, as a shop would. */
export const ORDER_REQUEST = {
  order_amount: 499,
  order_currency: 'INR',
  customer_details: {
    customer_id: 'cust_bench',
    customer_name: 'Bench Customer',
    customer_phone: '9876543210',
    customer_email: 'bench@example.com',
  },
  order_meta: { return_url: 'https://shop.example/return?order_id={order_id}' },
  order_note: 'benchmark order',
} as const;

/** The API version every benchmark request names. */
export const API_VERSION = '2025-01-01';

/** Headers of a `/pg` request with these credentials. */
export function apiHeaders(appId: string, secretKey: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/json',
    'x-api-version': API_VERSION,
    'x-client-id': appId,
    'x-client-secret': secretKey,
  };
}

/**
 * A PAYMENT_SUCCESS_WEBHOOK body of about `bytes` bytes: the test payload, grown by order tags and
 * payment offers (fields a real shop's webhooks carry) until it is the size asked for.
 */
export function webhookBodyOfSize(base: string, bytes: number): string {
  const tags: Record<string, string> = {};
  for (let i = 0; i < 15 && byteLength(base, tags, []) < bytes; i++)
    tags[`tag_${i}`] = `value ${i} `.repeat(8);
  const offers: unknown[] = [];
  while (byteLength(base, tags, offers) < bytes) {
    offers.push({
      offer_id: `offer_${offers.length}`,
      offer_type: 'DISCOUNT',
      offer_meta: {
        offer_title: 'Festive discount',
        offer_description: '10% off on UPI',
        offer_code: 'UPI10',
      },
      offer_redemption: { redemption_status: 'SUCCESS', discount_amount: 17.0, cashback_amount: 0 },
    });
  }
  return fill(base, tags, offers);
}

function fill(base: string, tags: Record<string, string>, offers: unknown[]): string {
  return base
    .replace('"order_tags":null', `"order_tags":${JSON.stringify(tags)}`)
    .replace('"payment_offers":null', `"payment_offers":${offers.length ? JSON.stringify(offers) : 'null'}`);
}

function byteLength(base: string, tags: Record<string, string>, offers: unknown[]): number {
  return Buffer.byteLength(fill(base, tags, offers));
}
