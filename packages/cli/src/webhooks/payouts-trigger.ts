/**
 * `cashfree webhooks trigger TRANSFER_…` against the local sandbox: a real beneficiary and transfer
 * (or batch) through the Payouts API, to the Cashfree test account whose documented outcome is the
 * event, then the sandbox clock moved a minute at a time until the transfer gets there. The
 * sandbox sends its own Payouts webhook, signed with the Payouts secret as Cashfree signs them.
 */
import type { AttemptView, DeliveryView } from '@cashfree-kit/sandbox';
import { isConflictError } from 'cashfree-kit';
import type { CashfreePayouts, Transfer } from 'cashfree-kit/payouts';
import type { WebhookVersion } from 'cashfree-kit/webhooks';
import { CliError, EXIT } from '../output/exit-codes.js';
import type { SandboxAdmin } from '../sandbox/admin-client.js';
import { WebhookAdmin } from './admin.js';

/**
 * Cashfree's Payouts test data ("Data to Test Integration"): an account whose transfers succeed,
 * one that fails (invalid account) and one that succeeds and is then reversed.
 *
 * @see https://cashfree.com/docs/payouts/payouts/integrations/data-to-test
 */
const ACCOUNTS = {
  success: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
  invalidAccount: { bank_account_number: '026291800001190', bank_ifsc: 'YESB0000262' },
  reversed: { bank_account_number: '7766671735000', bank_ifsc: 'SBIN0000004' },
} as const;

type Account = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];

/** How each event is made: where the money goes, whether it exceeds the balance, and when the transfer is there. */
const PLANS: Record<
  string,
  { account: Account; overBalance?: boolean; batch?: boolean; done(transfer: Transfer): boolean }
> = {
  TRANSFER_SUCCESS: { account: ACCOUNTS.success, done: (t) => t.status === 'SUCCESS' },
  TRANSFER_ACKNOWLEDGED: { account: ACCOUNTS.success, done: (t) => t.status_code === 'COMPLETED' },
  TRANSFER_FAILED: { account: ACCOUNTS.invalidAccount, done: (t) => t.status === 'FAILED' },
  TRANSFER_REVERSED: { account: ACCOUNTS.reversed, done: (t) => t.status === 'REVERSED' },
  // More than the Payouts balance: rejected (INSUFFICIENT_BALANCE) when it would go to the bank.
  TRANSFER_REJECTED: { account: ACCOUNTS.success, overBalance: true, done: (t) => t.status === 'REJECTED' },
  BULK_TRANSFER_REJECTED: {
    account: ACCOUNTS.success,
    overBalance: true,
    batch: true,
    done: (t) => t.status === 'REJECTED',
  },
};

/** The Payouts event types `trigger` makes on the local sandbox. */
export const PAYOUTS_TRIGGER_TYPES: readonly string[] = Object.keys(PLANS);

/** One sandbox minute per step; 90 cover the slowest event (a reversal an hour after SUCCESS). */
const CLOCK_STEP_MS = 60_000;
const MAX_CLOCK_STEPS = 90;

/** What was made for the event. */
export interface PayoutsObjects {
  beneficiary_id: string;
  transfer_id: string;
  batch_transfer_id?: string;
  clock_advanced_minutes: number;
}

/** The sandbox's delivery of the event to `--to`, and its first attempt. */
export interface PayoutsDelivery {
  objects: PayoutsObjects;
  delivery: DeliveryView;
  attempt: AttemptView;
}

/** Saves the test account as a beneficiary, or finds the one already saved for it. */
async function beneficiaryFor(payouts: CashfreePayouts, account: Account, id: string): Promise<string> {
  try {
    return (
      await payouts.beneficiaries.create({
        beneficiary_id: id,
        beneficiary_name: 'Webhook Trigger Test',
        beneficiary_instrument_details: account,
      })
    ).beneficiary_id;
  } catch (error) {
    if (!(isConflictError(error) && error.code === 'beneficiary_already_exists')) throw error;
    return (await payouts.beneficiaries.get(account)).beneficiary_id;
  }
}

/** Whether a delivery carries the event about this transfer (or batch). */
function isAbout(delivery: DeliveryView, type: string, ids: { transfer: string; batch?: string }): boolean {
  if (delivery.event_type !== type) return false;
  const data = (JSON.parse(delivery.request.body) as { data?: Record<string, unknown> }).data ?? {};
  return ids.batch !== undefined
    ? data['batch_transfer_id'] === ids.batch
    : data['transfer_id'] === ids.transfer;
}

/** Waits for the sandbox to deliver the event to the endpoint and attempt it once. */
async function deliveredAttempt(
  webhooks: WebhookAdmin,
  endpointId: string,
  type: string,
  ids: { transfer: string; batch?: string },
): Promise<DeliveryView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const page = await webhooks.deliveries({ endpointId, limit: 1000 });
    const delivery = page.data.find((d) => isAbout(d, type, ids));
    if (delivery && delivery.attempts.length > 0) return delivery;
    if (Date.now() > deadline) {
      throw new CliError(
        `The sandbox has not delivered ${type} for ${ids.batch ?? ids.transfer} after 60 s; see its dashboard (/_sandbox/).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Makes `type` happen for real on the local sandbox and returns the sandbox's delivery of it to
 * `to`. `to` is registered as an endpoint while the clock moves, so it also hears the transfer's
 * earlier events (a TRANSFER_SUCCESS before TRANSFER_REVERSED), as it would from Cashfree.
 */
export async function triggerPayoutsOnLocalSandbox(
  payouts: CashfreePayouts,
  admin: SandboxAdmin,
  request: { type: string; to: string; version: WebhookVersion; amount: number },
): Promise<PayoutsDelivery> {
  const plan = PLANS[request.type];
  if (!plan) throw new CliError(`No Payouts trigger for ${request.type}.`);
  const run = Date.now().toString(36);
  const beneficiaryId = await beneficiaryFor(payouts, plan.account, `trigger_${run}`);
  const amount = plan.overBalance
    ? (await admin.call<{ balance: number }>('GET', '/payouts/balance')).balance + request.amount
    : request.amount;
  const transferId = `trigger_${request.type.toLowerCase()}_${run}`;
  const transfer = {
    transfer_id: transferId,
    transfer_amount: amount,
    beneficiary_details: { beneficiary_id: beneficiaryId },
    transfer_remarks: 'cashfree webhooks trigger',
  };
  const batchId = plan.batch ? `trigger_batch_${run}` : undefined;

  const webhooks = new WebhookAdmin(admin.origin);
  const endpoint = await webhooks.createEndpoint(request.to, request.version);
  try {
    if (batchId) await payouts.batchTransfers.create({ batch_transfer_id: batchId, transfers: [transfer] });
    else await payouts.transfers.create(transfer);
    let minutes = 0;
    while (!plan.done(await payouts.transfers.get({ transfer_id: transferId }))) {
      if (minutes >= MAX_CLOCK_STEPS) {
        throw new CliError(
          `Transfer ${transferId} did not reach ${request.type} in ${MAX_CLOCK_STEPS} sandbox minutes.`,
          EXIT.failure,
        );
      }
      await admin.call('POST', '/clock/advance', { ms: CLOCK_STEP_MS });
      minutes += 1;
    }
    const ids = batchId === undefined ? { transfer: transferId } : { transfer: transferId, batch: batchId };
    const delivery = await deliveredAttempt(webhooks, endpoint.id, request.type, ids);
    return {
      objects: {
        beneficiary_id: beneficiaryId,
        transfer_id: transferId,
        ...(batchId ? { batch_transfer_id: batchId } : {}),
        clock_advanced_minutes: minutes,
      },
      delivery,
      attempt: delivery.attempts[0] as AttemptView,
    };
  } finally {
    await webhooks.deleteEndpoint(endpoint.id).catch(() => {});
  }
}
