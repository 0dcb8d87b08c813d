import type { NewRefund } from '../services/refunds.js';
import { bodyReader } from './fields.js';
import { ID_PATTERN } from './patterns.js';

/** Validates `POST /orders/{id}/refunds` (OrderCreateRefundRequest). */
export function parseCreateRefund(body: unknown): NewRefund {
  const r = bodyReader(body);
  const amount = r.amount('refund_amount', { required: true })!;
  const refundId = r.string('refund_id', { required: true, min: 3, max: 40, pattern: ID_PATTERN })!;
  const note = r.string('refund_note', { min: 3, max: 100 }) ?? null;
  const speed = (r.string('refund_speed', { oneOf: ['STANDARD', 'INSTANT'] }) ?? 'STANDARD') as
    | 'STANDARD'
    | 'INSTANT';
  const splits = r.array('refund_splits') ?? [];
  return { refundId, amount, note, speed, splits };
}
