import { CREATE_LINK_CHECKS } from '../validation/links.js';
import type { Operation } from './operation.js';
import { LINK_STATUSES, ORDER_STATUSES } from './statuses.js';

const linkStatuses = { field: 'link_status', values: LINK_STATUSES };

/**
 * The payment link endpoints, one per `cashfree.links` method.
 *
 * @example
 * const { path } = LINK_OPERATIONS.cancel; // '/links/{link_id}/cancel'
 */
export const LINK_OPERATIONS = {
  create: {
    operationId: 'PGCreateLink',
    product: 'pg',
    method: 'POST',
    path: '/links',
    summary: 'Creates a payment link to share by SMS or email.',
    request: { entity: 'CreateLinkRequest', root: 'link', checks: CREATE_LINK_CHECKS },
    query: undefined,
    response: 'LinkEntity',
    statuses: linkStatuses,
    errors: [
      'link_already_exists',
      'link_currency_invalid',
      'link_expiry_time_invalid',
      'link_minimum_partial_amount_invalid',
      'customer_phone_invalid',
      'customer_email_invalid',
      'request_body_invalid',
    ],
    effect: 'write',
    auth: 'api-keys',
    rateLimit: { bucket: 'other', perMinute: 60, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payment-links/create',
  },
  get: {
    operationId: 'PGFetchLink',
    product: 'pg',
    method: 'GET',
    path: '/links/{link_id}',
    summary: 'Fetches a payment link and its link_status.',
    request: undefined,
    query: undefined,
    response: 'LinkEntity',
    statuses: linkStatuses,
    errors: ['link_not_found', 'link_get_not_found'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: { bucket: 'other', perMinute: 60, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payment-links/get',
  },
  cancel: {
    operationId: 'PGCancelLink',
    product: 'pg',
    method: 'POST',
    path: '/links/{link_id}/cancel',
    summary: 'Cancels an ACTIVE payment link; no payment can be made on it afterwards.',
    request: undefined,
    query: undefined,
    response: 'LinkEntity',
    statuses: linkStatuses,
    errors: ['link_not_found', 'link_not_active', 'order_already_paid', 'order_inactive'],
    effect: 'destructive',
    auth: 'api-keys',
    rateLimit: { bucket: 'other', perMinute: 60, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payment-links/cancel',
  },
  orders: {
    operationId: 'PGLinkFetchOrders',
    product: 'pg',
    method: 'GET',
    path: '/links/{link_id}/orders',
    summary: "Lists a payment link's orders: the PAID ones, or all with status ALL.",
    request: undefined,
    query: { status: { required: false, values: ['PAID', 'ALL'] } },
    response: 'PaymentLinkOrderEntity[]',
    statuses: { field: 'order_status', values: ORDER_STATUSES },
    errors: ['link_not_found', 'status_invalid'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: { bucket: 'other', perMinute: 60, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payment-links/get-orders-for-link',
  },
} as const satisfies Record<string, Operation>;
