import type { SandboxContext } from '../../context.js';
import { conflict, notFound } from '../../http/errors.js';
import type { BeneficiaryRow } from '../../store/payouts/beneficiaries.js';
import type { BeneficiaryLookup, NewBeneficiary } from '../../validation/payouts/beneficiary.js';

/**
 * `POST /beneficiary`: saves a VERIFIED beneficiary (the sandbox verifies nothing, as a sandbox
 * account's beneficiaries are usable at once). An id, or an account and IFSC, already saved is
 * Cashfree's 409. Call inside a transaction.
 */
export function createBeneficiary(ctx: SandboxContext, input: NewBeneficiary): BeneficiaryRow {
  const table = ctx.store.payouts.beneficiaries;
  if (table.byId(input.beneficiary_id)) {
    throw conflict(
      'beneficiary_id_already_exists',
      'Beneficiary already exists with the given beneficiary_id',
    );
  }
  if (
    input.bank_account_number !== null &&
    table.byAccount(input.bank_account_number).some((b) => b.bank_ifsc === input.bank_ifsc)
  ) {
    throw conflict(
      'beneficiary_already_exists',
      'Beneficiary already exists with the given beneficiary_bank_account_number and beneficiary_ifsc',
    );
  }
  const row: BeneficiaryRow = {
    beneficiary_id: input.beneficiary_id,
    beneficiary_name: input.beneficiary_name,
    bank_account_number: input.bank_account_number,
    bank_ifsc: input.bank_ifsc,
    vpa: input.vpa,
    contact: input.contact === null ? null : JSON.stringify(input.contact),
    status: 'VERIFIED',
    added_on: ctx.clock.now(),
  };
  table.insert(row);
  return row;
}

/** The saved beneficiary `GET /beneficiary` names, or one of Cashfree's three 404 messages. */
export function findBeneficiary(ctx: SandboxContext, lookup: BeneficiaryLookup): BeneficiaryRow {
  const table = ctx.store.payouts.beneficiaries;
  if (lookup.by === 'id') {
    const row = table.byId(lookup.beneficiary_id);
    if (!row) throw notFound('beneficiary_not_found', 'Beneficiary does not exist');
    return row;
  }
  const withAccount = table.byAccount(lookup.bank_account_number);
  const row = withAccount.find((b) => b.bank_ifsc === lookup.bank_ifsc);
  if (row) return row;
  throw notFound(
    'beneficiary_not_found',
    withAccount.length > 0
      ? 'Beneficiary exists with the given bank_account_number but a different bank_ifsc'
      : 'Beneficiary with the given bank_account_number and bank_ifsc does not exist',
  );
}

/**
 * `DELETE /beneficiary`: removes the beneficiary and answers it as DELETED. Afterwards a lookup is
 * 404 and the id may be saved again (Cashfree documents neither: a choice). Transfers already made
 * to it keep their details. Call inside a transaction.
 */
export function removeBeneficiary(ctx: SandboxContext, beneficiaryId: string): BeneficiaryRow {
  const row = findBeneficiary(ctx, { by: 'id', beneficiary_id: beneficiaryId });
  ctx.store.payouts.beneficiaries.remove(beneficiaryId);
  return { ...row, status: 'DELETED' };
}
