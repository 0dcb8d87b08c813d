/**
 * The catalogue of invalid requests (issue 12, point 5): each entry is one mistake in an otherwise
 * valid body, and the field both the SDK (`ValidationError.field`) and the sandbox (the
 * `<field> : …` of its Cashfree-shaped 400) must name. Data only; bad-input.test.ts runs it.
 */

import { seedOrder } from '../../../packages/cashfree/test/support.ts';

export type Endpoint = 'order' | 'refund' | 'link';

export interface BadInput {
  name: string;
  endpoint: Endpoint;
  /** The whole body as the caller passes it to the SDK (sent to the sandbox as JSON). */
  body: unknown;
  /** The field the SDK's ValidationError names. */
  field: string;
  /** The field the sandbox names, when it differs (a body that is not an object: `request body`). */
  sandboxField?: string;
  /**
   * Malformed JSON: the exact text sent to the sandbox as the request body. The SDK never
   * serialises malformed JSON, so its side of the case is that same text passed as the body, a
   * string where an object belongs (a wrong type).
   */
  rawText?: string;
}

/** Valid bodies: each passes both the SDK and the sandbox (bad-input.test.ts checks that too). */
export function validOrder(): Record<string, unknown> {
  return { ...seedOrder(), order_id: 'order_bad_input_ok' };
}

export function validRefund(): Record<string, unknown> {
  return { refund_id: 'refund_bad_input_ok', refund_amount: 10.5, refund_note: 'Customer request' };
}

export function validLink(): Record<string, unknown> {
  return {
    link_id: 'link_bad_input_ok',
    link_amount: 999,
    link_currency: 'INR',
    link_purpose: 'Course fee',
    customer_details: { customer_phone: '9876543210', customer_name: 'Priya Patel' },
    link_partial_payments: true,
    link_minimum_partial_amount: 100,
    link_meta: { notify_url: 'https://yourapp.com/webhook/cashfree' },
  };
}

const valid: Record<Endpoint, () => Record<string, unknown>> = {
  order: validOrder,
  refund: validRefund,
  link: validLink,
};

/** The valid body of `endpoint` with `path` (dotted) set to `value`, or removed for `undefined`. */
function withField(endpoint: Endpoint, path: string, value: unknown): Record<string, unknown> {
  const body = valid[endpoint]();
  const keys = path.split('.');
  let target = body;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1) as string;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return body;
}

/** Cases for one field: each value is a mistake the field must be named for. */
function field(endpoint: Endpoint, path: string, mistakes: [string, unknown][]): BadInput[] {
  return mistakes.map(([what, value]) => ({
    name: `${endpoint}: ${path} ${what}`,
    endpoint,
    body: withField(endpoint, path, value),
    field: path,
  }));
}

const long = (length: number, char = 'x') => char.repeat(length);

export const BAD_INPUTS: BadInput[] = [
  // Amounts: rupees, > 0 (orders and links ≥ 1), at most 2 decimals, a JSON number.
  ...field('order', 'order_amount', [
    ['with 3 decimals (499.999)', 499.999],
    ['with 3 decimals (10.001)', 10.001],
    ['negative (-1)', -1],
    ['zero', 0],
    ['below the ₹1 minimum (0.5)', 0.5],
    ['NaN (sent as null)', Number.NaN],
    ['Infinity (sent as null)', Number.POSITIVE_INFINITY],
    ['a string ("499")', '499'],
    ['a boolean', true],
    ['an array', [499]],
    ['an object', { value: 499 }],
    ['missing', undefined],
    ['too large for exact paise (1e21)', 1e21],
  ]),
  ...field('order', 'order_currency', [
    ['unknown (XYZ)', 'XYZ'],
    ['lower case (inr)', 'inr'],
    ['a word (RUPEES)', 'RUPEES'],
    ['a number (356)', 356],
    ['empty', ''],
    ['missing', undefined],
  ]),
  // Ids: 3–45/50 of letters, digits, _ and -, as strings.
  ...field('order', 'order_id', [
    ['too short (2)', 'ab'],
    ['too long (51)', long(51, 'o')],
    ['with a space', 'order 001'],
    ['with #', 'order#1'],
    ['with a path (../refunds)', '../refunds'],
    ['non-ASCII (ordér_1)', 'ordér_1'],
    ['a number', 12345],
  ]),
  // Nested objects and their required fields.
  ...field('order', 'customer_details', [
    ['missing', undefined],
    ['a string', 'cust_001'],
    ['an array', [{ customer_id: 'cust_001', customer_phone: '9876543210' }]],
  ]),
  {
    name: 'order: customer_details empty (customer_id is named first)',
    endpoint: 'order',
    body: withField('order', 'customer_details', {}),
    field: 'customer_details.customer_id',
  },
  ...field('order', 'customer_details.customer_id', [
    ['missing', undefined],
    ['empty', ''],
    ['too short (2)', 'ab'],
    ['too long (51)', long(51, 'c')],
    ['a number', 42],
  ]),
  // Phones: exactly 10 digits, no country code, as a string.
  ...field('order', 'customer_details.customer_phone', [
    ['with +91', '+919876543210'],
    ['with 91', '919876543210'],
    ['with a leading 0', '09876543210'],
    ['with a space', '98765 43210'],
    ['with a dash', '98765-43210'],
    ['9 digits', '987654321'],
    ['letters', 'abcdefghij'],
    ['a number', 9876543210],
    ['empty', ''],
    ['missing', undefined],
  ]),
  ...field('order', 'customer_details.customer_email', [
    ['without @', 'priya.example.com'],
    ['over 100 characters', `${long(95, 'p')}@x.com`],
  ]),
  ...field('order', 'customer_details.customer_name', [
    ['over 100 characters', long(101, 'n')],
    ['2 characters', 'Al'],
  ]),
  ...field('order', 'order_note', [
    ['over 200 characters', long(201, 'n')],
    ['2 characters', 'ok'],
  ]),
  ...field('order', 'order_expiry_time', [
    ['in words', 'tomorrow'],
    ['without T or offset', '2025-02-14 10:00'],
    ['an epoch number', 1_739_520_000_000],
  ]),
  ...field('order', 'order_meta.notify_url', [
    ['plain http', 'http://yourapp.com/webhook'],
    ['not a URL', 'not a url'],
  ]),
  ...field('order', 'order_meta', [['a string', 'https://yourapp.com/webhook']]),
  // Bodies that are not an object at all.
  { name: 'order: body null', endpoint: 'order', body: null, field: 'order', sandboxField: 'request body' },
  { name: 'order: body an array', endpoint: 'order', body: [], field: 'order', sandboxField: 'request body' },
  {
    name: 'order: malformed JSON (cut off)',
    endpoint: 'order',
    body: '{"order_amount": 499, "order_currency": "INR",',
    rawText: '{"order_amount": 499, "order_currency": "INR",',
    field: 'order',
    sandboxField: 'request body',
  },
  {
    name: 'order: malformed JSON (single quotes)',
    endpoint: 'order',
    body: "{'order_amount': 499}",
    rawText: "{'order_amount': 499}",
    field: 'order',
    sandboxField: 'request body',
  },
  {
    name: 'order: malformed JSON (a trailing comma)',
    endpoint: 'order',
    body: '{"order_amount": 499, "order_currency": "INR",}',
    rawText: '{"order_amount": 499, "order_currency": "INR",}',
    field: 'order',
    sandboxField: 'request body',
  },
  // Refunds of a paid order.
  ...field('refund', 'refund_amount', [
    ['with 3 decimals (10.555)', 10.555],
    ['negative (-5)', -5],
    ['zero', 0],
    ['a string ("10")', '10'],
    ['missing', undefined],
  ]),
  ...field('refund', 'refund_id', [
    ['too short (1)', 'r'],
    ['too long (41)', long(41, 'r')],
    ['with a space', 'refund 1'],
    ['missing', undefined],
  ]),
  ...field('refund', 'refund_speed', [
    ['unknown (FAST)', 'FAST'],
    ['lower case (instant)', 'instant'],
  ]),
  ...field('refund', 'refund_note', [['over 100 characters', long(101, 'n')]]),
  {
    name: 'refund: malformed JSON',
    endpoint: 'refund',
    body: '{"refund_amount": 10',
    rawText: '{"refund_amount": 10',
    field: 'refund',
    sandboxField: 'request body',
  },
  // Payment links.
  ...field('link', 'link_amount', [
    ['with 3 decimals (99.999)', 99.999],
    ['zero', 0],
  ]),
  ...field('link', 'link_currency', [
    ['unknown (XYZ)', 'XYZ'],
    ['missing', undefined],
  ]),
  ...field('link', 'link_purpose', [
    ['missing', undefined],
    ['over 500 characters', long(501, 'p')],
  ]),
  ...field('link', 'link_id', [
    ['with a space', 'link 1'],
    ['too long (51)', long(51, 'l')],
  ]),
  ...field('link', 'customer_details.customer_phone', [['with +91', '+919876543210']]),
  ...field('link', 'link_minimum_partial_amount', [
    ['equal to link_amount', 999],
    ['with 3 decimals', 10.001],
  ]),
  ...field('link', 'link_expiry_time', [['in words', 'next week']]),
  ...field('link', 'link_meta.notify_url', [['ftp', 'ftp://yourapp.com/hook']]),
  {
    name: 'link: malformed JSON (an unterminated string)',
    endpoint: 'link',
    body: '{"link_id": "link_1, "link_amount": 99}',
    rawText: '{"link_id": "link_1, "link_amount": 99}',
    field: 'link',
    sandboxField: 'request body',
  },
];
