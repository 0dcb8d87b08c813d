import type { Operation } from 'cashfree-kit';
import type { OperationRoute } from '../http/mount.js';
import { ELIGIBILITY_ROUTES } from './eligibility.js';
import { LINK_ROUTES } from './links.js';
import { ORDER_PAY_ROUTES } from './order-pay.js';
import { ORDER_ROUTES } from './orders.js';
import { PAYMENT_ROUTES } from './payments.js';
import { PAYOUT_ROUTES } from './payouts.js';
import { REFUND_ROUTES } from './refunds.js';
import { SETTLEMENT_ROUTES } from './settlements.js';
import { SIMULATION_ROUTES } from './simulate.js';
import { SUBSCRIPTION_ROUTES } from './subscriptions.js';

/**
 * Every operation the sandbox emulates, in the order the routes are matched: Order Pay first, as
 * its static paths must win over `/orders/:order_id` patterns.
 */
export const PG_ROUTES: readonly OperationRoute[] = [
  ...ORDER_PAY_ROUTES,
  ...ORDER_ROUTES,
  ...PAYMENT_ROUTES,
  ...REFUND_ROUTES,
  ...SETTLEMENT_ROUTES,
  ...LINK_ROUTES,
  ...SIMULATION_ROUTES,
  ...ELIGIBILITY_ROUTES,
  ...SUBSCRIPTION_ROUTES,
];

/** Every emulated operation of both products: PG's under `/pg`, then Payouts' under `/payout`. */
export const API_ROUTES: readonly OperationRoute[] = [...PG_ROUTES, ...PAYOUT_ROUTES];

/**
 * The rows of the SDK's operation table the sandbox answers (PG and Payouts), read from its own
 * route list, so docs can say which operations the sandbox emulates.
 *
 * @example
 * const emulated = new Set(servedOperations().map((o) => o.operationId)); // has 'PGCreateOrder'
 */
export function servedOperations(): Operation[] {
  return API_ROUTES.map((route) => route.operation);
}
