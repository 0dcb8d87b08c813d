/**
 * What the shop does with a verified Payouts webhook: record it, then move the transfer (or the
 * batch, for BULK_TRANSFER_REJECTED) forward. Webhooks arrive late and out of order; the tables
 * only move a record forward, so TRANSFER_SUCCESS after TRANSFER_ACKNOWLEDGED changes nothing.
 */
import type { PayoutsWebhookEvent } from 'cashfree-kit/webhooks';
import type { PayoutsTable } from '../db/payouts.js';

/** Records `event` at `at`; answers whether the shop's records moved. */
export function recordPayoutsEvent(payouts: PayoutsTable, event: PayoutsWebhookEvent, at: number): boolean {
  switch (event.type) {
    case 'TRANSFER_SUCCESS':
    case 'TRANSFER_ACKNOWLEDGED':
    case 'TRANSFER_FAILED':
    case 'TRANSFER_REVERSED':
    case 'TRANSFER_REJECTED': {
      const transfer = event.data;
      payouts.recordEvent({
        type: event.type,
        subject: transfer.transfer_id,
        status: transfer.status,
        status_code: transfer.status_code ?? null,
        event_time: event.event_time,
        received_at: at,
      });
      return payouts.advanceTransfer(transfer, at);
    }
    case 'BULK_TRANSFER_REJECTED': {
      const batch = event.data;
      payouts.recordEvent({
        type: event.type,
        subject: batch.batch_transfer_id,
        status: batch.status,
        status_code: null,
        event_time: event.event_time,
        received_at: at,
      });
      if (!payouts.batch(batch.batch_transfer_id)) return false;
      payouts.setBatchStatus(batch.batch_transfer_id, batch.status, at);
      return true;
    }
    default:
      // A Payouts type cashfree-kit does not type yet (a balance alert…): kept, changes nothing.
      payouts.recordEvent({
        type: event.receivedType,
        subject: '',
        status: null,
        status_code: null,
        event_time: null,
        received_at: at,
      });
      return false;
  }
}
