import type { Db } from '../database.js';

/** A row of `payout_beneficiaries`. */
export interface BeneficiaryRow {
  beneficiary_id: string;
  beneficiary_name: string;
  bank_account_number: string | null;
  bank_ifsc: string | null;
  vpa: string | null;
  /** JSON: the beneficiary_contact_details sent, or NULL. */
  contact: string | null;
  status: string;
  added_on: number;
}

/** Prepared statements for `payout_beneficiaries`. */
export class BeneficiariesTable {
  readonly #insert;
  readonly #byId;
  readonly #byAccount;
  readonly #remove;
  readonly #recent;

  constructor(db: Db) {
    this.#insert = db.prepare<BeneficiaryRow>(
      `INSERT INTO payout_beneficiaries (beneficiary_id, beneficiary_name, bank_account_number, bank_ifsc, vpa, contact, status, added_on)
       VALUES (@beneficiary_id, @beneficiary_name, @bank_account_number, @bank_ifsc, @vpa, @contact, @status, @added_on)`,
    );
    this.#byId = db.prepare<[string], BeneficiaryRow>(
      'SELECT * FROM payout_beneficiaries WHERE beneficiary_id = ?',
    );
    this.#byAccount = db.prepare<[string], BeneficiaryRow>(
      'SELECT * FROM payout_beneficiaries WHERE bank_account_number = ? ORDER BY added_on',
    );
    this.#remove = db.prepare<[string]>('DELETE FROM payout_beneficiaries WHERE beneficiary_id = ?');
    this.#recent = db.prepare<[number], BeneficiaryRow>(
      'SELECT * FROM payout_beneficiaries ORDER BY added_on DESC, rowid DESC LIMIT ?',
    );
  }

  insert(row: BeneficiaryRow): void {
    this.#insert.run(row);
  }

  byId(beneficiaryId: string): BeneficiaryRow | undefined {
    return this.#byId.get(beneficiaryId);
  }

  /** Every beneficiary with this account number, whatever its IFSC. */
  byAccount(bankAccountNumber: string): BeneficiaryRow[] {
    return this.#byAccount.all(bankAccountNumber);
  }

  remove(beneficiaryId: string): void {
    this.#remove.run(beneficiaryId);
  }

  recent(limit: number): BeneficiaryRow[] {
    return this.#recent.all(limit);
  }
}
