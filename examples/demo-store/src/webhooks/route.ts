/**
 * `POST /webhooks/cashfree`: cashfree-kit's Express adapter reads the raw bytes, verifies the
 * signature (HMAC-SHA256 of timestamp + body with the secret key) and the replay window, and the
 * verified event goes into the inbox, which answers 200 as soon as it is stored. A refused
 * delivery answers 400 and is listed on the events page.
 */
import { isWebhookVerificationError } from 'cashfree-kit/webhooks';
import { cashfreeWebhook } from 'cashfree-kit/webhooks/express';
import type { WebhookInbox } from 'cashfree-kit/webhooks/inbox';
import type { Router } from 'express';
import type { RejectionsTable } from '../db/rejections.js';

export const WEBHOOK_PATH = '/webhooks/cashfree';

/** Mounts the webhook route. No body parser may run before it: the signature covers the raw bytes. */
export function mountWebhookRoute(
  router: Router,
  secret: string,
  inbox: WebhookInbox,
  rejections: RejectionsTable,
): void {
  router.post(
    WEBHOOK_PATH,
    cashfreeWebhook({
      secret,
      onEvent: (event) => inbox.receive(event),
      onError: (error) => {
        if (isWebhookVerificationError(error)) rejections.insert(error.reason, error.message, Date.now());
        else console.error('[demo-store] webhook handling failed; Cashfree will retry:', error);
      },
    }),
  );
}
