import { PAYMENT_STATUSES } from '../resources/statuses.js';
import type { Endpoint } from './endpoint.js';

const paymentStatuses = { field: 'payment_status', values: PAYMENT_STATUSES };

/**
 * The payments endpoints, one per `cashfree.payments` method.
 *
 * @example
 * const { path } = PAYMENT_ENDPOINTS.list; // '/orders/{order_id}/payments'
 */
export const PAYMENT_ENDPOINTS = {
  list: {
    operationId: 'PGOrderFetchPayments',
    method: 'GET',
    path: '/orders/{order_id}/payments',
    summary: 'Lists every payment attempt of an order.',
    cli: 'payments list',
    request: undefined,
    query: undefined,
    response: 'PaymentEntity[]',
    statuses: paymentStatuses,
    errors: ['order_not_found'],
    auth: 'api-keys',
    rateLimit: { perMinute: 30, per: 'app_id' },
    sandbox: true,
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payments/get-payments-for-order',
  },
  get: {
    operationId: 'PGOrderFetchPayment',
    method: 'GET',
    path: '/orders/{order_id}/payments/{cf_payment_id}',
    summary: 'Fetches one payment of an order by its cf_payment_id.',
    cli: 'payments get',
    request: undefined,
    query: undefined,
    response: 'PaymentEntity',
    statuses: paymentStatuses,
    errors: ['order_not_found', 'payment_not_found'],
    auth: 'api-keys',
    rateLimit: { perMinute: 30, per: 'app_id' },
    sandbox: true,
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payments/get',
  },
} as const satisfies Record<string, Endpoint>;
