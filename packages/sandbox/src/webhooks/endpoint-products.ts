import { PRODUCTS, type ProductName } from 'cashfree-kit';
import { isPayoutEventType } from '../state/transfer-machine.js';
import type { EndpointRow } from './store.js';

/** The products whose events an endpoint can ask for (`pg`, `payouts`). */
export const WEBHOOK_PRODUCTS = Object.keys(PRODUCTS) as ProductName[];

/** The product an event belongs to: Payouts' transfer and batch events, PG's everything else. */
export function productOfEvent(type: string): ProductName {
  return isPayoutEventType(type) ? 'payouts' : 'pg';
}

/** The products whose events an endpoint receives (every product unless it asked for fewer). */
export function endpointProducts(row: Pick<EndpointRow, 'products'>): ProductName[] {
  return row.products === null ? [...WEBHOOK_PRODUCTS] : (row.products.split(',') as ProductName[]);
}

/** What the `products` column holds for a request's list: `null` when it names every product. */
export function storedProducts(products: readonly ProductName[] | undefined): string | null {
  if (products === undefined) return null;
  const unique = WEBHOOK_PRODUCTS.filter((product) => products.includes(product));
  return unique.length === WEBHOOK_PRODUCTS.length ? null : unique.join(',');
}

/** Whether an endpoint is sent an event of `type`. */
export function endpointReceives(row: Pick<EndpointRow, 'products'>, type: string): boolean {
  return endpointProducts(row).includes(productOfEvent(type));
}
