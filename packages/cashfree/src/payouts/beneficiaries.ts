import { ConflictError } from '../core/errors.js';
import type { RequestOptions } from '../core/options.js';
import { BENEFICIARY_OPERATIONS as operations } from '../operations/payouts.js';
import { PAYOUT_QUERY_CHECKS } from '../operations/payouts-checks.js';
import { checkLookup, PayoutsResource } from './resource.js';
import type { Beneficiary, BeneficiaryLookup, CreateBeneficiaryRequest } from './types.js';

/**
 * Saved beneficiaries: whom transfers pay by `beneficiary_id`.
 *
 * @example
 * await payouts.beneficiaries.create({
 *   beneficiary_id: 'tea_estate_01',
 *   beneficiary_name: 'Darjeeling Tea Estate',
 *   beneficiary_instrument_details: { bank_account_number: '026291800001191', bank_ifsc: 'YESB0000262' },
 * });
 */
export class Beneficiaries extends PayoutsResource {
  /**
   * `POST /beneficiary`. Checked first: id, name, account, IFSC, VPA, contact details. Cashfree
   * refuses a second beneficiary with the same `beneficiary_id` (409), so a retry after a lost
   * answer cannot make two; when the 409 names one with this request's name and instrument, it is
   * returned (the earlier attempt made it), otherwise the `ConflictError` is thrown.
   *
   * @example
   * const { beneficiary_status } = await payouts.beneficiaries.create({ beneficiary_id: 'tea_estate_01', beneficiary_name: 'Darjeeling Tea Estate' });
   */
  async create(body: CreateBeneficiaryRequest, options?: RequestOptions): Promise<Beneficiary> {
    try {
      return await this.call<Beneficiary>(operations.create, { body }, options);
    } catch (error) {
      if (!(error instanceof ConflictError) || error.code !== 'beneficiary_id_already_exists') throw error;
      const existing = await this.find<Beneficiary>(
        operations.get,
        { beneficiary_id: body.beneficiary_id },
        'beneficiary_not_found',
        { signal: options?.signal, timeoutMs: options?.timeoutMs },
      );
      if (existing && sameBeneficiary(body, existing)) return existing;
      throw error;
    }
  }

  /**
   * `GET /beneficiary`: by `beneficiary_id`, or by `bank_account_number` and `bank_ifsc` together.
   *
   * @example
   * const beneficiary = await payouts.beneficiaries.get({ beneficiary_id: 'tea_estate_01' });
   */
  async get(lookup: BeneficiaryLookup, options?: RequestOptions): Promise<Beneficiary> {
    const query = checkLookup(
      'lookup',
      lookup,
      [['beneficiary_id'], ['bank_account_number', 'bank_ifsc']],
      PAYOUT_QUERY_CHECKS,
    );
    return this.call<Beneficiary>(operations.get, { query }, options);
  }

  /**
   * `DELETE /beneficiary?beneficiary_id=`: answers the beneficiary with `beneficiary_status: 'DELETED'`.
   *
   * @example
   * const { beneficiary_status } = await payouts.beneficiaries.remove('tea_estate_01'); // 'DELETED'
   */
  async remove(beneficiaryId: string, options?: RequestOptions): Promise<Beneficiary> {
    const query = checkLookup(
      'beneficiary',
      { beneficiary_id: beneficiaryId },
      [['beneficiary_id']],
      PAYOUT_QUERY_CHECKS,
    );
    return this.call<Beneficiary>(operations.remove, { query }, options);
  }
}

function sameBeneficiary(request: CreateBeneficiaryRequest, existing: Beneficiary): boolean {
  const sent = request.beneficiary_instrument_details ?? {};
  const found = existing.beneficiary_instrument_details ?? {};
  const same = (a: unknown, b: unknown) => a === undefined || b === undefined || a === b;
  return (
    same(request.beneficiary_name, existing.beneficiary_name) &&
    same(sent.bank_account_number, found.bank_account_number) &&
    same(sent.bank_ifsc, found.bank_ifsc) &&
    same(sent.vpa, found.vpa)
  );
}
