/**
 * Human views of Payouts resources: the fields a person checks first (`--json` prints everything).
 * Each view takes the SDK's Payouts type, so a field the SDK renames fails to compile here.
 */
import type {
  BatchTransfer,
  Beneficiary,
  BeneficiaryInstrumentDetails,
  Transfer,
} from 'cashfree-kit/payouts';
import { formatKeyValues, formatRupees, formatTable } from '../output/format.js';

function joined(...parts: unknown[]): string | undefined {
  const present = parts.filter((part) => part !== undefined && part !== null && part !== '');
  return present.length > 0 ? present.map(String).join(' · ') : undefined;
}

/** Where money goes: `026291800001191 · YESB0000262`, or the VPA. */
function instrument(details: (BeneficiaryInstrumentDetails & { ifsc?: string | undefined }) | undefined) {
  return joined(details?.bank_account_number, details?.bank_ifsc ?? details?.ifsc, details?.vpa);
}

/** A beneficiary (`Beneficiary`). */
export function beneficiaryView(beneficiary: Beneficiary): string {
  const contact = beneficiary.beneficiary_contact_details;
  return formatKeyValues([
    ['beneficiary_id', beneficiary.beneficiary_id],
    ['beneficiary_name', beneficiary.beneficiary_name],
    ['beneficiary_status', beneficiary.beneficiary_status],
    ['pays to', instrument(beneficiary.beneficiary_instrument_details)],
    ['contact', joined(contact?.beneficiary_email, contact?.beneficiary_phone)],
    ['added_on', beneficiary.added_on],
  ]);
}

/** Status and its code: `SUCCESS (COMPLETED)`. */
function statusOf(transfer: Transfer): string {
  return transfer.status_code && transfer.status_code !== transfer.status
    ? `${transfer.status} (${transfer.status_code})`
    : transfer.status;
}

/** A transfer (`Transfer`). */
export function transferView(transfer: Transfer): string {
  const beneficiary = transfer.beneficiary_details;
  return formatKeyValues([
    ['transfer_id', transfer.transfer_id],
    ['cf_transfer_id', transfer.cf_transfer_id],
    ['status', statusOf(transfer)],
    ['status_description', transfer.status_description],
    ['transfer_amount', formatRupees(transfer.transfer_amount)],
    [
      'service charge + tax',
      joined(formatRupees(transfer.transfer_service_charge), formatRupees(transfer.transfer_service_tax)),
    ],
    ['transfer_mode', transfer.transfer_mode],
    [
      'beneficiary',
      joined(beneficiary?.beneficiary_id, instrument(beneficiary?.beneficiary_instrument_details)),
    ],
    ['transfer_utr', transfer.transfer_utr],
    ['added_on', transfer.added_on],
    ['updated_on', transfer.updated_on],
  ]);
}

/** A batch (`BatchTransfer`) and, once Cashfree lists them, its transfers. */
export function batchView(batch: BatchTransfer): string {
  const head = formatKeyValues([
    ['batch_transfer_id', batch.batch_transfer_id],
    ['cf_batch_transfer_id', batch.cf_batch_transfer_id],
    ['status', batch.status],
    ['transfers', batch.transfers?.length],
  ]);
  const transfers = batch.transfers ?? [];
  if (transfers.length === 0) return head;
  const table = formatTable(
    ['TRANSFER_ID', 'STATUS', 'AMOUNT', 'BENEFICIARY', 'UTR'],
    transfers.map((transfer) => [
      transfer.transfer_id,
      statusOf(transfer),
      formatRupees(transfer.transfer_amount),
      transfer.beneficiary_details?.beneficiary_id ??
        instrument(transfer.beneficiary_details?.beneficiary_instrument_details),
      transfer.transfer_utr,
    ]),
  );
  return `${head}\n\n${table}`;
}
