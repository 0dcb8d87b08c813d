/**
 * What the Subscriptions page says about where subscription webhooks go. A subscription has no
 * `notify_url`: Cashfree sends its events to the webhook URL added on the dashboard, so that is
 * the one step the owner does by hand (the local sandbox's endpoint the store registers itself).
 */
import type { StoreConfig, StoreUrls } from '../config.js';

const ASK = '“Ask Cashfree now” on a subscription reads its status and charges.';

export function subscriptionWebhooks(
  config: StoreConfig,
  urls: StoreUrls,
): { url: string | undefined; note: string } {
  if (config.webhooks === 'off') {
    return { url: undefined, note: `DEMO_STORE_WEBHOOKS=off, so no subscription webhook arrives; ${ASK}` };
  }
  if (urls.notifyUrl === undefined) {
    return {
      url: undefined,
      note: `Cashfree cannot reach this store, so no subscription webhook arrives: set DEMO_STORE_PUBLIC_URL to a public https URL and add <that URL>/webhooks/cashfree on the Cashfree dashboard (Developers → Webhooks). Until then ${ASK}`,
    };
  }
  if (config.target === 'local-sandbox') {
    return {
      url: urls.notifyUrl,
      note: 'the store registers it with the local sandbox (PG events) before its first subscription; on Cashfree you add it on the dashboard (Developers → Webhooks).',
    };
  }
  return {
    url: urls.notifyUrl,
    note: 'add it on the Cashfree dashboard (Developers → Webhooks) with the subscription events: unlike an order, a subscription has no notify_url.',
  };
}
