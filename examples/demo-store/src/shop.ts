/**
 * Everything a route needs, built once when the store starts: settings, the shop's tables, the
 * Cashfree client, the webhook inbox and the secret-filtered console.
 */
import type { WebhookInbox } from 'cashfree-kit/webhooks/inbox';
import type { ShopCashfree } from './cashfree/shop-cashfree.js';
import type { StoreConfig, StoreUrls } from './config.js';
import type { ApiCallsTable } from './db/api-calls.js';
import type { LinksTable } from './db/links.js';
import type { OrdersTable } from './db/orders.js';
import type { PayoutsTable } from './db/payouts.js';
import type { RefundsTable } from './db/refunds.js';
import type { RejectionsTable } from './db/rejections.js';
import type { WebhookLog } from './db/webhook-log.js';
import type { Log } from './log.js';
import type { ShopInfo } from './views/layout.js';
import type { ReceiveWebhook } from './webhooks/receive.js';

export interface Shop {
  config: StoreConfig;
  /** Filled in once the server listens (the port may be picked by the system). */
  urls: StoreUrls;
  info: ShopInfo;
  cashfree: ShopCashfree;
  inbox: WebhookInbox;
  orders: OrdersTable;
  refunds: RefundsTable;
  links: LinksTable;
  /** The supplier, the payouts sent to it and the Payouts webhooks received. */
  payouts: PayoutsTable;
  calls: ApiCallsTable;
  rejections: RejectionsTable;
  /** Which order or link each webhook is about, and what the store answered. */
  webhookLog: WebhookLog;
  /** Where the route puts a verified event: the inbox, then the index. */
  receiveWebhook: ReceiveWebhook;
  /** The store's console, secret-filtered. */
  log: Log;
  /** Replaces every spelling of the secret key; the last step before anything leaves the store. */
  withoutSecret: (text: string) => string;
}
