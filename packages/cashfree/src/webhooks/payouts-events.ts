/**
 * Typed Cashfree Payouts webhook events (V2 envelope `{data, event_time, type}`): a union
 * discriminated on `type`, so `switch (event.type)` narrows `event.data` to a Transfer or
 * a rejected batch. Field names are Cashfree's own. Payouts types Cashfree adds later (its V1 list
 * has `CREDIT_CONFIRMATION`, `LOW_BALANCE_ALERT`, … whose V2 payloads are undocumented) arrive as
 * {@link UnknownWebhookEvent}, never as an error.
 *
 * @see https://www.cashfree.com/docs/api-reference/payouts/v2/webhooks/webhooks-v2
 */

import type { BatchTransferStatus, Transfer } from '../payouts/types.js';
import type { UnknownWebhookEvent, WebhookEnvelope } from './events.js';

/**
 * The Payouts V2 webhook types this package types. Cashfree sends `TRANSFER_SUCCESS` once the
 * transfer is sent (`status_code` `SENT_TO_BENEFICIARY`) and `TRANSFER_ACKNOWLEDGED` once the
 * beneficiary's bank confirms the credit (`COMPLETED`), per its V2 sample payloads.
 *
 * @example
 * const event = await constructPayoutsWebhookEvent(rawBody, headers, secret);
 * const typed = (PAYOUTS_WEBHOOK_EVENT_TYPES as readonly string[]).includes(event.type);
 */
export const PAYOUTS_WEBHOOK_EVENT_TYPES = [
  'TRANSFER_SUCCESS',
  'TRANSFER_ACKNOWLEDGED',
  'TRANSFER_FAILED',
  'TRANSFER_REVERSED',
  'TRANSFER_REJECTED',
  'BULK_TRANSFER_REJECTED',
] as const;

/**
 * One of {@link PAYOUTS_WEBHOOK_EVENT_TYPES}.
 *
 * @example
 * const handled: PayoutsWebhookEventType[] = ['TRANSFER_SUCCESS', 'TRANSFER_FAILED'];
 */
export type PayoutsWebhookEventType = (typeof PAYOUTS_WEBHOOK_EVENT_TYPES)[number];

/**
 * The Payouts event types whose `data` is a `Transfer` (from `cashfree-kit/payouts`): all but
 * `BULK_TRANSFER_REJECTED`.
 *
 * @example
 * const type: TransferWebhookEventType = 'TRANSFER_REVERSED';
 */
export type TransferWebhookEventType = Exclude<PayoutsWebhookEventType, 'BULK_TRANSFER_REJECTED'>;

/**
 * `data` of `BULK_TRANSFER_REJECTED`: the batch, with `status` `REJECTED`.
 *
 * @example
 * const event = await constructPayoutsWebhookEvent(rawBody, headers, secret);
 * if (event.type === 'BULK_TRANSFER_REJECTED') {
 *   const batch: BatchTransferRejectedData = event.data;
 *   console.log('batch rejected:', batch.batch_transfer_id);
 * }
 */
export interface BatchTransferRejectedData {
  batch_transfer_id: string;
  /** Cashfree's id, a numeric string. */
  cf_batch_transfer_id: string;
  status: BatchTransferStatus;
}

/**
 * A transfer event: one member per type, each with the `Transfer` (from `cashfree-kit/payouts`)
 * as `data`.
 *
 * @example
 * function onTransfer(event: TransferWebhookEvent): void {
 *   console.log(event.type, event.data.transfer_id, event.data.status, event.data.status_code);
 * }
 */
export type TransferWebhookEvent = {
  [T in TransferWebhookEventType]: WebhookEnvelope<T, Transfer>;
}[TransferWebhookEventType];

/**
 * Every transfer of a batch was rejected.
 *
 * @example
 * function onBatchRejected(event: BulkTransferRejectedWebhookEvent): void {
 *   console.warn('nothing of batch', event.data.batch_transfer_id, 'was paid');
 * }
 */
export type BulkTransferRejectedWebhookEvent = WebhookEnvelope<
  'BULK_TRANSFER_REJECTED',
  BatchTransferRejectedData
>;

/**
 * Every verified Payouts webhook: narrow with `switch (event.type)`.
 *
 * @example
 * const event: PayoutsWebhookEvent = await constructPayoutsWebhookEvent(rawBody, headers, secret);
 * switch (event.type) {
 *   case 'TRANSFER_SUCCESS':
 *     console.log('sent', event.data.transfer_id, event.data.transfer_utr);
 *     break;
 *   case 'BULK_TRANSFER_REJECTED':
 *     console.log('batch rejected', event.data.batch_transfer_id);
 *     break;
 * }
 */
export type PayoutsWebhookEvent =
  | TransferWebhookEvent
  | BulkTransferRejectedWebhookEvent
  | UnknownWebhookEvent;

/**
 * The Payouts event type for one `type` value, e.g. `PayoutsWebhookEventOf<'TRANSFER_FAILED'>`.
 *
 * @example
 * const onFailed = (event: PayoutsWebhookEventOf<'TRANSFER_FAILED'>) => console.log(event.data.status_description);
 */
export type PayoutsWebhookEventOf<T extends PayoutsWebhookEvent['type']> = Extract<
  PayoutsWebhookEvent,
  { type: T }
>;

const payoutsTypes: ReadonlySet<string> = new Set(PAYOUTS_WEBHOOK_EVENT_TYPES);

/**
 * True when cashfree-kit has a typed Payouts payload for this `type`.
 *
 * @example
 * isPayoutsWebhookEventType('TRANSFER_SUCCESS'); // true
 * isPayoutsWebhookEventType('PAYMENT_SUCCESS_WEBHOOK'); // false
 */
export function isPayoutsWebhookEventType(type: string): type is PayoutsWebhookEventType {
  return payoutsTypes.has(type);
}
