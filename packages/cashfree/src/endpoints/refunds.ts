import { REFUND_STATUSES } from '../resources/statuses.js';
import { CREATE_REFUND_CHECKS } from '../validation/refunds.js';
import type { Endpoint } from './endpoint.js';

const refundStatuses = { field: 'refund_status', values: REFUND_STATUSES };

/**
 * The refunds endpoints, one per `cashfree.refunds` method.
 *
 * @example
 * const { method } = REFUND_ENDPOINTS.create; // 'POST'
 */
export const REFUND_ENDPOINTS = {
  create: {
    operationId: 'PGOrderCreateRefund',
    method: 'POST',
    path: '/orders/{order_id}/refunds',
    summary: 'Refunds a paid order, fully or in part, within 180 days of the payment.',
    cli: 'refunds create',
    request: { entity: 'CreateRefundRequest', checks: CREATE_REFUND_CHECKS },
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
    auth: 'api-keys',
    rateLimit: { perMinute: 30, per: 'app_id' },
    sandbox: true,
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/refunds/create',
  },
  get: {
    operationId: 'PGOrderFetchRefund',
    method: 'GET',
    path: '/orders/{order_id}/refunds/{refund_id}',
    summary: 'Fetches one refund of an order by your refund_id.',
    cli: 'refunds get',
    request: undefined,
    query: undefined,
    response: 'RefundEntity',
    statuses: refundStatuses,
    errors: ['order_not_found', 'refund_get_not_found'],
    auth: 'api-keys',
    rateLimit: { perMinute: 60, per: 'app_id' },
    sandbox: true,
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/refunds/get',
  },
  list: {
    operationId: 'PGOrderFetchRefunds',
    method: 'GET',
    path: '/orders/{order_id}/refunds',
    summary: 'Lists every refund of an order.',
    cli: 'refunds list',
    request: undefined,
    query: undefined,
    response: 'RefundEntity[]',
    statuses: refundStatuses,
    errors: ['order_not_found'],
    auth: 'api-keys',
    rateLimit: { perMinute: 60, per: 'app_id' },
    sandbox: true,
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/refunds/get-refunds-for-order',
  },
} as const satisfies Record<string, Endpoint>;
