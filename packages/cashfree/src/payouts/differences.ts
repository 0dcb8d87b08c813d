/**
 * How a payment Cashfree already has under an id differs from the one being sent: the amount and
 * whom it pays. A field Cashfree's answer leaves out is not judged, so an existing payment is
 * called different only on evidence.
 */
import type { BatchTransfer, CreateBatchTransferRequest, CreateTransferRequest, Transfer } from './types.js';

const paise = (rupees: number) => Math.round(rupees * 100);

/** `transfer_amount 100 ≠ 250`, `beneficiary_id a ≠ b`…; empty when the transfer is this request's. */
export function transferDifferences(
  request: Omit<CreateTransferRequest, 'transfer_token'>,
  existing: Transfer,
  prefix = '',
): string[] {
  const differences: string[] = [];
  const differ = (field: string, sent: unknown, found: unknown) => {
    if (sent !== undefined && found !== undefined && found !== null && sent !== found) {
      differences.push(`${prefix}${field} ${String(sent)} ≠ ${String(found)}`);
    }
  };
  if (
    typeof existing.transfer_amount === 'number' &&
    paise(existing.transfer_amount) !== paise(request.transfer_amount)
  ) {
    differences.push(`${prefix}transfer_amount ${request.transfer_amount} ≠ ${existing.transfer_amount}`);
  }
  const sent = request.beneficiary_details;
  const found = existing.beneficiary_details;
  differ('beneficiary_id', sent?.beneficiary_id, found?.beneficiary_id);
  const sentInstrument = sent?.beneficiary_instrument_details;
  const foundInstrument = found?.beneficiary_instrument_details;
  differ('bank_account_number', sentInstrument?.bank_account_number, foundInstrument?.bank_account_number);
  differ('bank_ifsc', sentInstrument?.bank_ifsc, foundInstrument?.bank_ifsc ?? foundInstrument?.ifsc);
  differ('vpa', sentInstrument?.vpa, foundInstrument?.vpa);
  return differences;
}

/** How an existing batch differs: its transfer ids, and each transfer as above. */
export function batchDifferences(request: CreateBatchTransferRequest, existing: BatchTransfer): string[] {
  // A batch Cashfree has only just received carries no transfers yet: nothing to judge.
  if (!existing.transfers || existing.transfers.length === 0) return [];
  const byId = new Map(existing.transfers.map((transfer) => [transfer.transfer_id, transfer]));
  if (byId.size !== request.transfers.length) {
    return [`transfers: ${request.transfers.length} sent ≠ ${byId.size} in the existing batch`];
  }
  return request.transfers.flatMap((item, index) => {
    const transfer = byId.get(item.transfer_id);
    if (!transfer)
      return [`transfers[${index}].transfer_id ${item.transfer_id} is not in the existing batch`];
    return transferDifferences(item, transfer, `transfers[${index}].`);
  });
}
