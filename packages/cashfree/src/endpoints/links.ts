import { LINK_STATUSES, ORDER_STATUSES } from '../resources/statuses.js';
import { CREATE_LINK_CHECKS } from '../validation/links.js';
import type { Endpoint } from './endpoint.js';

const linkStatuses = { field: 'link_status', values: LINK_STATUSES };

/**
 * The payment link endpoints, one per `cashfree.links` method.
 *
 * @example
 * const { path } = LINK_ENDPOINTS.cancel; // '/links/{link_id}/cancel'
 */
export const LINK_ENDPOINTS = {
  create: {
    operationId: 'PGCreateLink',
    method: 'POST',
    path: '/links',
    summary: 'Creates a payment link to share by SMS or email.',
    cli: 'links create',
    request: { entity: 'CreateLinkRequest', checks: CREATE_LINK_CHECKS },
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
    auth: 'api-keys',
    rateLimit: { perMinute: 60, per: 'app_id' },
    sandbox: true,
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payment-links/create',
  },
  get: {
    operationId: 'PGFetchLink',
    method: 'GET',
    path: '/links/{link_id}',
    summary: 'Fetches a payment link and its link_status.',
    cli: 'links get',
    request: undefined,
    query: undefined,
    response: 'LinkEntity',
    statuses: linkStatuses,
    errors: ['link_not_found', 'link_get_not_found'],
    auth: 'api-keys',
    rateLimit: { perMinute: 60, per: 'app_id' },
    sandbox: true,
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payment-links/get',
  },
  cancel: {
    operationId: 'PGCancelLink',
    method: 'POST',
    path: '/links/{link_id}/cancel',
    summary: 'Cancels an ACTIVE payment link; no payment can be made on it afterwards.',
    cli: 'links cancel',
    request: undefined,
    query: undefined,
    response: 'LinkEntity',
    statuses: linkStatuses,
    errors: ['link_not_found', 'link_not_active', 'order_already_paid', 'order_inactive'],
    auth: 'api-keys',
    rateLimit: { perMinute: 60, per: 'app_id' },
    sandbox: true,
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payment-links/cancel',
  },
  orders: {
    operationId: 'PGLinkFetchOrders',
    method: 'GET',
    path: '/links/{link_id}/orders',
    summary: "Lists a payment link's orders: the PAID ones, or all with status ALL.",
    cli: 'links orders',
    request: undefined,
    query: { status: ['PAID', 'ALL'] },
    response: 'PaymentLinkOrderEntity[]',
    statuses: { field: 'order_status', values: ORDER_STATUSES },
    errors: ['link_not_found', 'status_invalid'],
    auth: 'api-keys',
    rateLimit: { perMinute: 60, per: 'app_id' },
    sandbox: true,
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/payment-links/get-orders-for-link',
  },
} as const satisfies Record<string, Endpoint>;
