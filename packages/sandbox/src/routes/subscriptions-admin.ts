import { SUBSCRIPTION_PAYMENT_METHODS } from 'cashfree-kit';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { subscriptionEntity } from '../entities/subscription.js';
import { jsonBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { badRequest } from '../http/errors.js';
import { authoriseNow } from '../services/subscriptions/authorise.js';
import { authPaymentOf } from '../services/subscriptions/subscriptions.js';

const authoriseBody = z
  .object({
    payment_method: z.enum(SUBSCRIPTION_PAYMENT_METHODS).optional(),
    reference: z.string().min(1).optional(),
    outcome: z.enum(['SUCCESS', 'FAILED']).optional(),
    wait_for_bank: z.boolean().optional(),
  })
  .strict();

/**
 * The subscriptions part of the admin API, under `/_sandbox/subscriptions` (no API keys):
 *
 * | route | does |
 * |---|---|
 * | `POST /{subscription_id}/authorize` | `{payment_method?, reference?, outcome?, wait_for_bank?}`: the customer authorises the mandate now (no browser); answers the subscription |
 *
 * `reference` is the VPA, card number or bank account the mandate is on; its test data decide the
 * authorisation and every later debit (see test-instruments/mandates.ts) unless `outcome` forces
 * the authorisation's answer.
 */
export function subscriptionAdminRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/:subscription_id/authorize', async (c) => {
    const parsed = authoriseBody.safeParse((await jsonBody(c)) ?? {});
    if (!parsed.success) {
      throw badRequest('sandbox_request_invalid', `[cashfree-sandbox] ${z.prettifyError(parsed.error)}`);
    }
    const b = parsed.data;
    const sub = ctx.transact(() =>
      authoriseNow(ctx, c.req.param('subscription_id'), {
        method: b.payment_method,
        reference: b.reference,
        outcome: b.outcome,
        waitForBank: b.wait_for_bank,
      }),
    );
    ctx.scheduler.refresh();
    return c.json(subscriptionEntity(sub, authPaymentOf(ctx, sub)));
  });
  return r;
}
