import { initialSchema } from './0001-initial.js';
import { webhooksCursorStart, webhooksSchema } from './0002-webhooks.js';
import { orderShipmentsSchema } from './0003-order-shipments.js';
import { payoutsSchema } from './0004-payouts.js';
import { subscriptionsSchema } from './0005-subscriptions.js';
import { webhookEndpointProductsSchema } from './0006-webhook-endpoint-products.js';
import { dashboardLogsSchema } from './0007-dashboard-logs.js';

/** One schema change; `version` is what `PRAGMA user_version` holds after it ran. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every schema version in order. Append, never edit: a database records the last version it ran
 * in `PRAGMA user_version`, and opening it runs only the newer ones. The SQL lives in TypeScript
 * modules (not .sql files) so the built package needs no asset copying.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initialSchema },
  { version: 2, name: 'webhooks', sql: webhooksSchema + webhooksCursorStart },
  { version: 3, name: 'order shipments', sql: orderShipmentsSchema },
  { version: 4, name: 'payouts', sql: payoutsSchema },
  { version: 5, name: 'subscriptions', sql: subscriptionsSchema },
  { version: 6, name: 'webhook endpoint products', sql: webhookEndpointProductsSchema },
  { version: 7, name: 'dashboard logs', sql: dashboardLogsSchema },
];
