/**
 * `cashfree payouts beneficiaries|transfers|batch …`: Cashfree Payouts v2 with the Payouts keys
 * (`CASHFREE_PAYOUTS_CLIENT_ID` / `_SECRET`; a local sandbox also takes CASHFREE_APP_ID and
 * CASHFREE_SECRET_KEY). Each command calls one row of the SDK's `PAYOUT_OPERATIONS`.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerPayoutsBatchCommands } from './payouts-batch.js';
import { registerPayoutsBeneficiariesCommands } from './payouts-beneficiaries.js';
import { registerPayoutsTransfersCommands } from './payouts-transfers.js';

export function registerPayoutsCommands(program: Command, context: CliContext): void {
  const payouts = program
    .command('payouts')
    .description(
      'Cashfree Payouts: beneficiaries, transfers and batch transfers (keys: CASHFREE_PAYOUTS_CLIENT_ID, CASHFREE_PAYOUTS_CLIENT_SECRET)',
    );
  registerPayoutsBeneficiariesCommands(payouts, context);
  registerPayoutsTransfersCommands(payouts, context);
  registerPayoutsBatchCommands(payouts, context);
}
