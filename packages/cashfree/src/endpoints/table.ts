import type { Endpoint } from './endpoint.js';
import { LINK_ENDPOINTS } from './links.js';
import { ORDER_ENDPOINTS } from './orders.js';
import { PAYMENT_ENDPOINTS } from './payments.js';
import { REFUND_ENDPOINTS } from './refunds.js';
import { SETTLEMENT_ENDPOINTS } from './settlements.js';
import { SIMULATION_ENDPOINTS } from './simulations.js';

/**
 * Every Cashfree PG endpoint cashfree-kit covers, grouped like the client: `ENDPOINTS.orders.create`
 * is what `cashfree.orders.create()` calls. The SDK, the local sandbox's routes and
 * `docs/endpoints.md` all read this one table.
 *
 * @example
 * for (const [resource, endpoints] of Object.entries(ENDPOINTS)) {
 *   for (const [method, endpoint] of Object.entries(endpoints)) {
 *     console.log(`cashfree.${resource}.${method}()`, endpoint.method, endpoint.path);
 *   }
 * }
 */
export const ENDPOINTS = {
  orders: ORDER_ENDPOINTS,
  payments: PAYMENT_ENDPOINTS,
  refunds: REFUND_ENDPOINTS,
  links: LINK_ENDPOINTS,
  settlements: SETTLEMENT_ENDPOINTS,
  simulations: SIMULATION_ENDPOINTS,
} as const satisfies Record<string, Record<string, Endpoint>>;

/**
 * Every endpoint with the SDK call that makes it, in table order.
 *
 * @example
 * const calls = listEndpoints().map(({ call, endpoint }) => `${call}: ${endpoint.method} ${endpoint.path}`);
 */
export function listEndpoints(): { call: string; endpoint: Endpoint }[] {
  return Object.entries(ENDPOINTS).flatMap(([resource, endpoints]) =>
    Object.entries(endpoints).map(([method, endpoint]) => ({ call: `${resource}.${method}`, endpoint })),
  );
}
