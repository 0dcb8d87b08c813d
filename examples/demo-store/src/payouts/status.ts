import type { StoreConfig, StoreUrls } from '../config.js';
import type { PayoutsStatus } from '../views/payouts-page.js';
import { PAYOUTS_WEBHOOK_PATH } from '../webhooks/payouts-route.js';

const ASK = 'until then, “Ask Cashfree now” on a transfer reads its status.';

/** What "Pay a supplier" says about its account and its webhook URL. */
export function payoutsStatus(config: StoreConfig, urls: StoreUrls): PayoutsStatus {
  const settings = config.payouts;
  if (!settings.configured) return { configured: false, why: settings.why };
  const webhookUrl = `${urls.baseUrl}${PAYOUTS_WEBHOOK_PATH}`;
  const keys =
    settings.keys === 'sandbox app id'
      ? ' The local sandbox takes the store’s app id and secret key for Payouts too.'
      : '';
  let webhookNote: string;
  if (config.webhooks === 'off') {
    webhookNote = `DEMO_STORE_WEBHOOKS=off, so none arrive; ${ASK}`;
  } else if (urls.notifyUrl === undefined) {
    webhookNote = `Cashfree cannot reach this address; set DEMO_STORE_PUBLIC_URL to a public https URL and add it on the dashboard; ${ASK}`;
  } else if (config.target === 'local-sandbox') {
    webhookNote =
      'the store registers it with the local sandbox before its first payout (on Cashfree you add it on the dashboard: Payouts → Developers → Webhooks, version V2).';
  } else {
    webhookNote =
      'add it on the Cashfree dashboard: Payouts → Developers → Webhooks → Add Webhook URL, version V2.';
  }
  return { configured: true, apiBase: settings.apiBase, webhookUrl, webhookNote: webhookNote + keys };
}
