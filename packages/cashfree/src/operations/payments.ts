import type { Operation } from './operation.js';
import { PAYMENT_STATUSES } from './statuses.js';

const paymentStatuses = { field: 'payment_status', values: PAYMENT_STATUSES };

/**
 * The payments endpoints, one per `cashfree.payments` method.
 *
 * @example
 * const { path } = PAYMENT_OPERATIONS.list; // '/orders/{order_id}/payments'
 */
export const PAYMENT_OPERATIONS = {
  list: {
    operationId: 'PGOrderFetchPayments',
    product: 'pg',
    method: 'GET',
    path: '/orders/{order_id}/payments',
    summary: 'Lists every payment attempt of an order.',
    request: undefined,
    query: undefined,
    response: 'PaymentEntity[]',
    statuses: paymentStatuses,
    errors: ['order_not_found'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: { bucket: 'get_payments', perMinute: 30, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payments/get-payments-for-order',
  },
  get: {
    operationId: 'PGOrderFetchPayment',
    product: 'pg',
    method: 'GET',
    path: '/orders/{order_id}/payments/{cf_payment_id}',
    summary: 'Fetches one payment of an order by its cf_payment_id.',
    request: undefined,
    query: undefined,
    response: 'PaymentEntity',
    statuses: paymentStatuses,
    errors: ['order_not_found', 'payment_not_found'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: { bucket: 'get_payments', perMinute: 30, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payments/get',
  },
} as const satisfies Record<string, Operation>;
