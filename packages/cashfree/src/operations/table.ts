import { ELIGIBILITY_OPERATIONS } from './eligibility.js';
import { LINK_OPERATIONS } from './links.js';
import type { Operation } from './operation.js';
import { ORDER_OPERATIONS } from './orders.js';
import { PAYMENT_OPERATIONS } from './payments.js';
import { PAYOUT_OPERATIONS } from './payouts.js';
import { REFUND_OPERATIONS } from './refunds.js';
import { SETTLEMENT_OPERATIONS } from './settlements.js';
import { SIMULATION_OPERATIONS } from './simulations.js';
import {
  PLAN_OPERATIONS,
  SUBSCRIPTION_OPERATIONS,
  SUBSCRIPTION_PAYMENT_OPERATIONS,
  SUBSCRIPTION_REFUND_OPERATIONS,
} from './subscriptions.js';

/**
 * Every Cashfree operation cashfree-kit covers, grouped like the client: `OPERATIONS.orders.create`
 * is what `cashfree.orders.create()` calls. The SDK, the local sandbox's routes, the CLI's help and
 * `docs/endpoints.md` all read this one table.
 *
 * @example
 * for (const [resource, operations] of Object.entries(OPERATIONS)) {
 *   for (const [method, operation] of Object.entries(operations)) {
 *     console.log(`cashfree.${resource}.${method}()`, operation.method, operation.path);
 *   }
 * }
 */
export const OPERATIONS = {
  orders: ORDER_OPERATIONS,
  payments: PAYMENT_OPERATIONS,
  refunds: REFUND_OPERATIONS,
  links: LINK_OPERATIONS,
  settlements: SETTLEMENT_OPERATIONS,
  simulations: SIMULATION_OPERATIONS,
  eligibility: ELIGIBILITY_OPERATIONS,
  plans: PLAN_OPERATIONS,
  subscriptions: SUBSCRIPTION_OPERATIONS,
  // Also reachable as `cashfree.subscriptions.payments` and `cashfree.subscriptions.refunds`.
  subscriptionPayments: SUBSCRIPTION_PAYMENT_OPERATIONS,
  subscriptionRefunds: SUBSCRIPTION_REFUND_OPERATIONS,
} as const satisfies Record<string, Record<string, Operation>>;

/**
 * Every operation of both products with the SDK call that makes it, in table order: PG's as
 * `orders.create` (a `Cashfree` client's `cashfree.orders.create()`), then Payouts' as
 * `payouts.transfers.create` (a `CashfreePayouts` client's `payouts.transfers.create()`).
 *
 * @example
 * const calls = listOperations().map(({ call, operation }) => `${call}: ${operation.method} ${operation.path}`);
 */
export function listOperations(): { call: string; operation: Operation }[] {
  return [...calls('', OPERATIONS), ...calls('payouts.', PAYOUT_OPERATIONS)];
}

function calls(
  prefix: string,
  table: Readonly<Record<string, Readonly<Record<string, Operation>>>>,
): { call: string; operation: Operation }[] {
  return Object.entries(table).flatMap(([resource, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      call: `${prefix}${resource}.${method}`,
      operation,
    })),
  );
}

/**
 * The former name of {@link OPERATIONS}.
 *
 * @deprecated Use `OPERATIONS`.
 * @example
 * const { path } = ENDPOINTS.orders.get; // '/orders/{order_id}'
 */
export const ENDPOINTS = OPERATIONS;

/**
 * The former name of {@link listOperations}, with each row under `endpoint`.
 *
 * @deprecated Use `listOperations()`.
 * @example
 * const calls = listEndpoints().map(({ call, endpoint }) => `${call}: ${endpoint.method} ${endpoint.path}`);
 */
export function listEndpoints(): { call: string; endpoint: Operation }[] {
  return listOperations().map(({ call, operation }) => ({ call, endpoint: operation }));
}
