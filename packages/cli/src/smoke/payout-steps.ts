/**
 * The payout part of `cashfree smoke`: save a beneficiary (Cashfree's documented success test
 * account), pay it ₹1.00, see the transfer reach SUCCESS, and remove the beneficiary again (one
 * saved before the run is paid and kept). On a
 * local sandbox the wait advances the sandbox clock instead of waiting out the bank's minutes.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { FINAL_TRANSFER_STATUSES, isConflictError } from 'cashfree-kit';
import { formatRupees } from '../output/format.js';
import { type PayoutSmoke, SmokeCheckError, type SmokeState, type SmokeStep } from './steps.js';

/** Cashfree's "Data to Test Integration": the account and IFSC whose transfers succeed. */
const SUCCESS_ACCOUNT = { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' };
const PAYOUT_AMOUNT = 1;
/** One sandbox minute per look; ten looks cover a sandbox's RECEIVED → PENDING → SUCCESS with room. */
const CLOCK_STEP_MS = 60_000;
const MAX_CLOCK_STEPS = 10;

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new SmokeCheckError(message);
}

function payouts(state: SmokeState): PayoutSmoke {
  expect(state.payouts, 'no Payouts client: the step should have been skipped');
  return state.payouts;
}

const newBeneficiaryId = (state: SmokeState) => `smoke_${state.runId}`;
function beneficiaryId(state: SmokeState): string {
  expect(state.beneficiaryId, 'the beneficiary is missing: an earlier step did not record it');
  return state.beneficiaryId;
}
const transferId = (state: SmokeState) => `smoke_payout_${state.runId}`;
const skip = (state: SmokeState) => (state.payouts ? undefined : state.payoutsSkipped);

/** The payout steps, run after the payment steps. */
export const PAYOUT_STEPS: readonly SmokeStep[] = [
  {
    name: 'add beneficiary',
    skip,
    async run(state) {
      const { client } = payouts(state);
      const id = newBeneficiaryId(state);
      const where = `${SUCCESS_ACCOUNT.bank_account_number} · ${SUCCESS_ACCOUNT.bank_ifsc}`;
      try {
        const beneficiary = await client.beneficiaries.create({
          beneficiary_id: id,
          beneficiary_name: 'Smoke Test Supplier',
          beneficiary_instrument_details: SUCCESS_ACCOUNT,
        });
        expect(
          beneficiary.beneficiary_id === id,
          `beneficiary_id is ${beneficiary.beneficiary_id}, expected ${id}`,
        );
        state.beneficiaryId = id;
        state.beneficiaryCreated = true;
        return `${id} ${where} ${beneficiary.beneficiary_status ?? ''}`.trimEnd();
      } catch (error) {
        // One beneficiary per account: a test account saved earlier (by you, or a smoke run that
        // stopped half-way) is paid as it is, and left in place.
        if (!(isConflictError(error) && error.code === 'beneficiary_already_exists')) throw error;
        const existing = await client.beneficiaries.get(SUCCESS_ACCOUNT);
        state.beneficiaryId = existing.beneficiary_id;
        state.beneficiaryCreated = false;
        return `${where} is already saved as ${existing.beneficiary_id}; paying that one`;
      }
    },
  },
  {
    name: 'send payout',
    skip,
    async run(state) {
      const id = transferId(state);
      const transfer = await payouts(state).client.transfers.create({
        transfer_id: id,
        transfer_amount: PAYOUT_AMOUNT,
        beneficiary_details: { beneficiary_id: beneficiaryId(state) },
        transfer_remarks: 'cashfree smoke test',
      });
      expect(transfer.transfer_id === id, `transfer_id is ${transfer.transfer_id}, expected ${id}`);
      expect(
        !['FAILED', 'REJECTED', 'REVERSED'].includes(transfer.status),
        `status is ${transfer.status} (${transfer.status_code ?? ''}): ${transfer.status_description ?? ''}`,
      );
      return `${id} ${formatRupees(PAYOUT_AMOUNT)} → ${beneficiaryId(state)} ${transfer.status}`;
    },
  },
  {
    name: 'wait for payout SUCCESS',
    skip,
    async run(state) {
      const { client, advanceClock, successTimeoutMs } = payouts(state);
      const id = transferId(state);
      const deadline = Date.now() + successTimeoutMs;
      let clockSteps = 0;
      for (let polls = 1; ; polls += 1) {
        const transfer = await client.transfers.get({ transfer_id: id });
        const moved = clockSteps > 0 ? `, sandbox clock moved ${clockSteps} min` : '';
        if (transfer.status === 'SUCCESS') {
          return `${id} SUCCESS (${transfer.status_code ?? ''}) after ${polls} poll${polls > 1 ? 's' : ''}${moved}`;
        }
        expect(
          !(FINAL_TRANSFER_STATUSES as readonly string[]).includes(transfer.status),
          `status became ${transfer.status} (${transfer.status_code ?? ''}): ${transfer.status_description ?? ''}`,
        );
        if (advanceClock) {
          expect(
            clockSteps < MAX_CLOCK_STEPS,
            `still ${transfer.status} after ${clockSteps} sandbox minutes`,
          );
          await advanceClock(CLOCK_STEP_MS);
          clockSteps += 1;
        } else {
          expect(Date.now() < deadline, `still ${transfer.status} after ${successTimeoutMs / 1000} s`);
          await sleep(Math.min(500 * polls, 5000));
        }
      }
    },
  },
  {
    name: 'remove beneficiary',
    skip,
    async run(state) {
      const id = beneficiaryId(state);
      if (!state.beneficiaryCreated) return `${id} kept: it was saved before this run`;
      const removed = await payouts(state).client.beneficiaries.remove(id);
      return `${id} ${removed.beneficiary_status ?? 'removed'}`;
    },
  },
];
