/**
 * `POST /webhooks/cashfree`: cashfree-kit's Express adapter reads the raw bytes, verifies the
 * signature (HMAC-SHA256 of timestamp + body with the secret key) and the replay window, and the
 * verified event goes into the inbox, which answers 200 as soon as it is stored. A refused
 * delivery answers 400 and is listed on the events page. The status each verified delivery was
 * answered with is recorded, so the "what happened" panels show what Cashfree really got.
 */
import { isWebhookVerificationError } from 'cashfree-kit/webhooks';
import { cashfreeWebhook } from 'cashfree-kit/webhooks/express';
import type { Router } from 'express';
import type { RejectionsTable } from '../db/rejections.js';
import type { WebhookLog } from '../db/webhook-log.js';
import type { Log } from '../log.js';
import type { ReceiveWebhook } from './receive.js';

export const WEBHOOK_PATH = '/webhooks/cashfree';

export interface WebhookRouteOptions {
  secret: string;
  receive: ReceiveWebhook;
  webhookLog: WebhookLog;
  rejections: RejectionsTable;
  log: Log;
}

/** Mounts the webhook route. No body parser may run before it: the signature covers the raw bytes. */
export function mountWebhookRoute(router: Router, options: WebhookRouteOptions): void {
  const { secret, receive, webhookLog, rejections, log } = options;
  router.post(WEBHOOK_PATH, (req, res, next) => {
    let key: string | undefined;
    // The adapter answers (200, or 500 if storing failed); record what was actually sent.
    res.once('finish', () => {
      if (key !== undefined) webhookLog.answered(key, res.statusCode, Date.now());
    });
    const handle = cashfreeWebhook({
      secret,
      onEvent: async (event) => {
        key = (await receive(event)).key;
      },
      onError: (error) => {
        if (isWebhookVerificationError(error)) rejections.insert(error.reason, error.message, Date.now());
        else log.error('[demo-store] webhook handling failed; Cashfree will retry:', error);
      },
    });
    handle(req, res).catch(next);
  });
}
