import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { beneficiaryEntity, transferEntity } from '../entities/payouts.js';
import { jsonBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { badRequest } from '../http/errors.js';
import { PAYOUT_SIGNATURE_WINDOW_S, payoutKeyPair } from '../http/payouts-signature.js';
import { adjustPayoutBalance, payoutBalance } from '../services/payouts/balance.js';
import { batchEntity } from '../services/payouts/batches.js';
import { approveTransfer, findTransfer, rejectTransfer } from '../services/payouts/transfers.js';
import { toPaise, toRupees } from '../util/money.js';

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw badRequest('sandbox_request_invalid', `[cashfree-sandbox] ${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * The Payouts part of the admin API, under `/_sandbox/payouts` (no API keys):
 *
 * | route | does |
 * |---|---|
 * | `GET /balance` | `{ balance }` in rupees |
 * | `POST /balance/topup` | `{amount}` (rupees): adds to the balance, as a bank transfer into the Payouts account would |
 * | `POST /transfers/{transfer_id}/approve` | an APPROVAL_PENDING transfer goes to the bank (or is REJECTED for the balance) |
 * | `POST /transfers/{transfer_id}/reject` | an APPROVAL_PENDING transfer is REJECTED (`MANUALLY_REJECTED`) |
 * | `GET /state?limit=` | the balance and the latest beneficiaries, transfers and batches |
 * | `GET /two-factor` | `{enabled, public_key, window_seconds}`: whether `/payout` needs `x-cf-signature`, and the PEM to sign with (`null` when off) |
 */
export function payoutAdminRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const balanceView = () => ({ balance: toRupees(payoutBalance(ctx)) });

  r.get('/balance', (c) => c.json(balanceView()));

  r.post('/balance/topup', async (c) => {
    const b = parse(z.object({ amount: z.number().positive() }).strict(), await jsonBody(c));
    const paise = toPaise(b.amount);
    if (paise === undefined)
      throw badRequest(
        'sandbox_request_invalid',
        '[cashfree-sandbox] amount : rupees with at most two decimals',
      );
    ctx.transact(() => adjustPayoutBalance(ctx, paise));
    return c.json(balanceView());
  });

  r.post('/transfers/:transfer_id/approve', (c) => {
    const row = ctx.transact(() =>
      approveTransfer(ctx, findTransfer(ctx, { transfer_id: c.req.param('transfer_id') })),
    );
    return c.json(transferEntity(row));
  });

  r.post('/transfers/:transfer_id/reject', (c) => {
    const row = ctx.transact(() =>
      rejectTransfer(ctx, findTransfer(ctx, { transfer_id: c.req.param('transfer_id') })),
    );
    return c.json(transferEntity(row));
  });

  r.get('/two-factor', (c) => {
    const enabled = ctx.config.payouts.twoFactor;
    return c.json({
      enabled,
      // Only the public half ever leaves the sandbox; it is what the SDK's publicKey option takes.
      public_key: enabled ? payoutKeyPair(ctx).publicKey : null,
      window_seconds: PAYOUT_SIGNATURE_WINDOW_S,
    });
  });

  r.get('/state', (c) => {
    const limit = parse(z.coerce.number().int().min(1).max(1000), c.req.query('limit') ?? 50);
    const { beneficiaries, transfers, batches } = ctx.store.payouts;
    return c.json({
      ...balanceView(),
      beneficiaries: beneficiaries.recent(limit).map((row) => beneficiaryEntity(row)),
      transfers: transfers.recent(limit).map(transferEntity),
      batches: batches.recent(limit).map((row) => batchEntity(ctx, row)),
    });
  });

  return r;
}
