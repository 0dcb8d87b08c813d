/**
 * Everything a route needs, built once when the store starts: settings, the shop's tables, the
 * Cashfree client and the webhook inbox.
 */
import type { WebhookInbox } from 'cashfree-kit/webhooks/inbox';
import type { ShopCashfree } from './cashfree/shop-cashfree.js';
import type { StoreConfig, StoreUrls } from './config.js';
import type { ApiCallsTable } from './db/api-calls.js';
import type { LinksTable } from './db/links.js';
import type { OrdersTable } from './db/orders.js';
import type { RefundsTable } from './db/refunds.js';
import type { RejectionsTable } from './db/rejections.js';
import type { ShopInfo } from './views/layout.js';

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
  calls: ApiCallsTable;
  rejections: RejectionsTable;
}
