import { randomUUID } from 'node:crypto';
import { HOUR_MS } from '../../clock/time.js';
import type { SandboxContext } from '../../context.js';
import { VALIDATED_VPAS, vpaForPhone } from '../../test-instruments/payout-accounts.js';
import { fieldError } from '../../validation/payouts/rules.js';
import type { NewValidation } from '../../validation/payouts/validate-payout.js';

/** How long a `transfer_token` can be spent, on the sandbox clock (Cashfree: one hour). */
export const TRANSFER_TOKEN_TTL_MS = HOUR_MS;

/**
 * `POST /validatePayout`: a documented test VPA (or a documented wallet phone, resolved to
 * `success@upi`) is VALID and gets a single-use `transfer_token` for this `transfer_id`; anything
 * else is INVALID with no token (Cashfree documents only the VALID answer: a choice). Call inside
 * a transaction.
 */
export function validatePayout(ctx: SandboxContext, input: NewValidation) {
  const vpa = input.vpa ?? vpaForPhone(input.phone ?? '');
  const name = vpa === undefined ? undefined : VALIDATED_VPAS.get(vpa);
  if (vpa === undefined || name === undefined) {
    return { transfer_token: null, vpa: input.vpa ?? null, account_status: 'INVALID', name_at_bank: null };
  }
  const token = randomUUID();
  ctx.store.payouts.tokens.insert({
    transfer_token: token,
    transfer_id: input.transfer_id,
    vpa,
    expires_at: ctx.clock.now() + TRANSFER_TOKEN_TTL_MS,
    used_at: null,
  });
  return { transfer_token: token, vpa, account_status: 'VALID', name_at_bank: name };
}

/**
 * Spends a `transfer_token` for `transferId` and returns the VPA it validated; an unknown, spent,
 * expired token, or one issued for another transfer_id, is `transfer_token_invalid`.
 */
export function spendTransferToken(ctx: SandboxContext, token: string, transferId: string): string {
  const row = ctx.store.payouts.tokens.get(token);
  const now = ctx.clock.now();
  const problem =
    row === undefined
      ? 'is not a token POST /validatePayout issued'
      : row.used_at !== null
        ? 'was already spent by a transfer (a token pays once)'
        : row.expires_at <= now
          ? 'has expired (a token is valid for one hour); validate again'
          : row.transfer_id !== transferId
            ? `was issued for transfer_id ${row.transfer_id}; send that transfer_id`
            : undefined;
  if (problem !== undefined) throw fieldError('transfer_token', 'invalid', problem, token);
  ctx.store.payouts.tokens.markUsed(token, now);
  return row!.vpa;
}
