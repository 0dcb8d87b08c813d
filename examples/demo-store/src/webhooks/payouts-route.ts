/**
 * `POST /webhooks/cashfree-payouts`: Cashfree Payouts' webhooks, on a route of their own (Payouts
 * webhook URLs are set on the Payouts dashboard, apart from the PG `notify_url`). cashfree-kit's
 * Express adapter with `product: 'payouts'` verifies each delivery with the Payouts client secret;
 * the verified event is recorded (a repeated delivery is counted, not listed twice) and moves the
 * shop's transfer or batch forward, in the same request: it is two SQLite writes and needs no call
 * to Cashfree, so there is nothing to queue.
 */
import { isWebhookVerificationError } from 'cashfree-kit/webhooks';
import { cashfreeWebhook } from 'cashfree-kit/webhooks/express';
import type { Router } from 'express';
import type { PayoutsTable } from '../db/payouts.js';
import type { RejectionsTable } from '../db/rejections.js';
import type { Log } from '../log.js';
import { recordPayoutsEvent } from './payouts-event.js';

export const PAYOUTS_WEBHOOK_PATH = '/webhooks/cashfree-payouts';

export interface PayoutsWebhookRouteOptions {
  /** The Payouts client secret. */
  secret: string;
  payouts: PayoutsTable;
  rejections: RejectionsTable;
  log: Log;
  now?: () => number;
}

/** Mounts the Payouts webhook route, before any body parser: the signature covers the raw bytes. */
export function mountPayoutsWebhookRoute(router: Router, options: PayoutsWebhookRouteOptions): void {
  const { payouts, rejections, log, now = Date.now } = options;
  router.post(
    PAYOUTS_WEBHOOK_PATH,
    cashfreeWebhook({
      product: 'payouts',
      secret: options.secret,
      onEvent: (event) => recordPayoutsEvent(payouts, event, now()),
      onError: (error) => {
        if (!isWebhookVerificationError(error)) {
          log.error('[demo-store] Payouts webhook handling failed; Cashfree will retry:', error);
        } else if (error.reason !== 'wrong_product') {
          rejections.insert(error.reason, `Payouts webhook: ${error.message}`, now());
        }
        // wrong_product: a PG event, signed and genuine, at the Payouts URL. Cashfree keeps the two
        // products' webhook URLs apart; the local sandbox sends every event to every registered
        // endpoint, so each order's events also come here. The 400 says it is not Payouts'; the
        // PG route has the same event through its notify_url, so it is not listed as refused.
      },
    }),
  );
}
