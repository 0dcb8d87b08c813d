import { setTimeout as sleep } from 'node:timers/promises';
import { PAYOUT_OPERATIONS } from 'cashfree-kit';
import type { Context } from 'hono';
import { beneficiaryEntity, transferEntity } from '../entities/payouts.js';
import { jsonBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { type OperationRoute, route } from '../http/mount.js';
import { json } from '../http/respond.js';
import { batchCreatedEntity, batchEntity, createBatch, findBatch } from '../services/payouts/batches.js';
import { createBeneficiary, findBeneficiary, removeBeneficiary } from '../services/payouts/beneficiaries.js';
import { createTransfer, findTransfer } from '../services/payouts/transfers.js';
import { validatePayout } from '../services/payouts/validate-payout.js';
import { parseCreateBatch } from '../validation/payouts/batch.js';
import {
  checkBeneficiaryId,
  parseBeneficiaryLookup,
  parseCreateBeneficiary,
} from '../validation/payouts/beneficiary.js';
import { parseTransfer } from '../validation/payouts/transfer.js';
import { parseValidatePayout } from '../validation/payouts/validate-payout.js';

const { beneficiaries, transfers, batchTransfers } = PAYOUT_OPERATIONS;

/** The query parameters of a request, by name. */
function query(c: Context<AppEnv>): Record<string, string | undefined> {
  return c.req.query();
}

/**
 * Cashfree Payouts v2 under `/payout`, one route per row of the SDK's `PAYOUT_OPERATIONS`. There
 * is no idempotency header: a reused `transfer_id` or `batch_transfer_id` is refused with 409 and
 * changes nothing. Each change commits before its answer (`ctx.commit`).
 */
export const PAYOUT_ROUTES: readonly OperationRoute[] = [
  route(beneficiaries.create, (ctx) => async (c) => {
    const input = parseCreateBeneficiary(await jsonBody(c));
    const row = await ctx.commit(() => createBeneficiary(ctx, input));
    return json(c, beneficiaryEntity(row), beneficiaries.create.successStatus);
  }),
  route(
    beneficiaries.get,
    (ctx) => (c) => json(c, beneficiaryEntity(findBeneficiary(ctx, parseBeneficiaryLookup(query(c))))),
  ),
  route(beneficiaries.remove, (ctx) => async (c) => {
    const id = checkBeneficiaryId('beneficiary_id', c.req.query('beneficiary_id'));
    const row = await ctx.commit(() => removeBeneficiary(ctx, id));
    return json(c, beneficiaryEntity(row));
  }),
  route(transfers.create, (ctx) => async (c) => {
    const input = parseTransfer(await jsonBody(c), '', { tokenAllowed: true });
    const row = await ctx.commit(() => createTransfer(ctx, input));
    // The documented timeout test account answers late (Cashfree: 25 s), after the transfer exists,
    // so a client's timeout can be tested against a transfer that was made.
    if (row.outcome === 'slow_success') await sleep(ctx.config.payouts.slowResponseMs);
    return json(c, transferEntity(row));
  }),
  route(transfers.get, (ctx) => (c) => json(c, transferEntity(findTransfer(ctx, query(c))))),
  route(transfers.validate, (ctx) => async (c) => {
    const input = parseValidatePayout(await jsonBody(c));
    return json(c, await ctx.commit(() => validatePayout(ctx, input)));
  }),
  route(batchTransfers.create, (ctx) => async (c) => {
    const input = parseCreateBatch(await jsonBody(c));
    const row = await ctx.commit(() => createBatch(ctx, input));
    return json(c, batchCreatedEntity(row));
  }),
  route(batchTransfers.get, (ctx) => (c) => json(c, batchEntity(ctx, findBatch(ctx, query(c))))),
];
