import { CREATE_REFUND_CHECKS } from '../validation/refunds.js';
import type { Operation } from './operation.js';
import { REFUND_STATUSES } from './statuses.js';

const refundStatuses = { field: 'refund_status', values: REFUND_STATUSES };

/**
 * The refunds endpoints, one per `cashfree.refunds` method.
 *
 * @example
 * const { method } = REFUND_OPERATIONS.create; // 'POST'
 */
export const REFUND_OPERATIONS = {
  create: {
    operationId: 'PGOrderCreateRefund',
    product: 'pg',
    method: 'POST',
    path: '/orders/{order_id}/refunds',
    summary: 'Refunds a paid order, fully or in part, within 180 days of the payment.',
    request: { entity: 'CreateRefundRequest', root: 'refund', checks: CREATE_REFUND_CHECKS },
    query: undefined,
    response: 'RefundEntity',
    statuses: refundStatuses,
    errors: [
      'order_not_found',
      'refund_amount_invalid',
      'refund_id_invalid',
      'refund_id_missing',
      'refund_id_already_exists',
      'refund_invalid',
      'refund_not_allowed',
      'refund_unsupported',
      'request_body_invalid',
    ],
    effect: 'destructive',
    auth: 'api-keys',
    rateLimit: { bucket: 'create_refund', perMinute: 30, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/refunds/create',
  },
  get: {
    operationId: 'PGOrderFetchRefund',
    product: 'pg',
    method: 'GET',
    path: '/orders/{order_id}/refunds/{refund_id}',
    summary: 'Fetches one refund of an order by your refund_id.',
    request: undefined,
    query: undefined,
    response: 'RefundEntity',
    statuses: refundStatuses,
    errors: ['order_not_found', 'refund_get_not_found'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: { bucket: 'get_refund', perMinute: 60, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/refunds/get',
  },
  list: {
    operationId: 'PGOrderFetchRefunds',
    product: 'pg',
    method: 'GET',
    path: '/orders/{order_id}/refunds',
    summary: 'Lists every refund of an order.',
    request: undefined,
    query: undefined,
    response: 'RefundEntity[]',
    statuses: refundStatuses,
    errors: ['order_not_found'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: { bucket: 'get_refund', perMinute: 60, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/refunds/get-refunds-for-order',
  },
} as const satisfies Record<string, Operation>;
