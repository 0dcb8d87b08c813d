import type { Operation } from './operation.js';
import { SETTLEMENT_STATUSES } from './statuses.js';

const queryErrors = [
  'filters_invalid',
  'pagination.limit_invalid',
  'pagination.cursor_invalid',
  'request_body_invalid',
] as const;

/**
 * The settlement endpoints, one per `cashfree.settlements` method.
 *
 * @example
 * const { method, path } = SETTLEMENT_OPERATIONS.recon; // 'POST', '/settlement/recon'
 */
export const SETTLEMENT_OPERATIONS = {
  forOrder: {
    operationId: 'PGOrderFetchSettlement',
    product: 'pg',
    method: 'GET',
    path: '/orders/{order_id}/settlements',
    summary: 'Fetches the settlement of one order (only a PAID order settles).',
    request: undefined,
    query: undefined,
    response: 'SettlementEntity',
    statuses: undefined,
    errors: ['order_not_found', 'settlement_get_not_found'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: { bucket: 'get_settlements', perMinute: 20, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/operations/settlements-for-order',
  },
  list: {
    operationId: 'PGFetchSettlements',
    product: 'pg',
    method: 'POST',
    path: '/settlements',
    summary: 'Lists settlement transfers by id, UTR or date range, page by page.',
    request: { entity: 'SettlementsQuery', checks: [] },
    query: undefined,
    response: 'CursorPage<SettlementSummary>',
    statuses: { field: 'status', values: SETTLEMENT_STATUSES },
    errors: queryErrors,
    effect: 'read',
    auth: 'api-keys',
    rateLimit: { bucket: 'get_settlements', perMinute: 20, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/settlement-reconciliation/get-all-settlements',
  },
  recon: {
    operationId: 'PGSettlementFetchRecon',
    product: 'pg',
    method: 'POST',
    path: '/settlement/recon',
    summary: 'Lists the events (payments, refunds, disputes) of the matching settlements, page by page.',
    request: { entity: 'SettlementsQuery', checks: [] },
    query: undefined,
    response: 'CursorPage<SettlementReconItem>',
    statuses: undefined,
    errors: queryErrors,
    effect: 'read',
    auth: 'api-keys',
    rateLimit: { bucket: 'get_settlements', perMinute: 20, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/operations/settlement-reconciliation',
  },
} as const satisfies Record<string, Operation>;
