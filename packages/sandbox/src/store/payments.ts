import type { PAYMENT_STATUSES } from 'cashfree-kit';
import type { Db } from './database.js';

/** A `payment_status` the sandbox gives a payment: one of the SDK's `PAYMENT_STATUSES`. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The payment methods the sandbox emulates through Order Pay. */
export type PaymentMethodName = 'card' | 'upi' | 'netbanking' | 'app';

/** A row of `payments`. */
export interface PaymentRow {
  cf_payment_id: number;
  cf_order_id: number;
  status: PaymentStatus;
  amount: number;
  method: PaymentMethodName;
  channel: string;
  payment_group: string;
  /** JSON: the PaymentEntity `payment_method` object, e.g. `{"upi":{"channel":"collect",…}}`. */
  instrument: string;
  /** JSON of the test-data decision ({@link PaymentScenario}). */
  scenario: string;
  message: string;
  /** JSON `error_details`, only for failed payments. */
  error: string | null;
  bank_reference: string | null;
  auth_id: string | null;
  otp_attempts: number;
  created_at: number;
  completed_at: number | null;
}

/** Cashfree's `error_details` of a failed payment. */
export interface ErrorDetails {
  error_code: string;
  error_description: string;
  error_reason: string;
  error_source: string;
  error_code_raw: string | null;
  error_description_raw: string | null;
  error_subcode_raw: string | null;
}

/** What the test data decided for a payment when it was created. */
export interface PaymentScenario {
  /** The outcome the customer's instrument leads to, once it resolves. */
  outcome: 'SUCCESS' | 'FAILED' | 'USER_DROPPED';
  error?: ErrorDetails;
  message?: string;
  /** The card OTP step: the payment waits for `/orders/pay/authenticate` or the bank page. */
  otp?: boolean;
}

/** Prepared statements for `payments`. */
export class PaymentsTable {
  readonly #insert;
  readonly #byId;
  readonly #byOrder;
  readonly #update;
  readonly #countOtp;
  readonly #recent;

  constructor(db: Db) {
    this.#insert = db.prepare<PaymentRow>(
      `INSERT INTO payments (cf_payment_id, cf_order_id, status, amount, method, channel, payment_group, instrument, scenario, message, error, bank_reference, auth_id, otp_attempts, created_at, completed_at)
       VALUES (@cf_payment_id, @cf_order_id, @status, @amount, @method, @channel, @payment_group, @instrument, @scenario, @message, @error, @bank_reference, @auth_id, @otp_attempts, @created_at, @completed_at)`,
    );
    this.#byId = db.prepare<[number], PaymentRow>('SELECT * FROM payments WHERE cf_payment_id = ?');
    this.#byOrder = db.prepare<[number], PaymentRow>(
      'SELECT * FROM payments WHERE cf_order_id = ? ORDER BY cf_payment_id',
    );
    this.#update = db.prepare<
      Pick<
        PaymentRow,
        'cf_payment_id' | 'status' | 'message' | 'error' | 'bank_reference' | 'auth_id' | 'completed_at'
      >
    >(
      `UPDATE payments SET status = @status, message = @message, error = @error, bank_reference = @bank_reference,
       auth_id = @auth_id, completed_at = @completed_at WHERE cf_payment_id = @cf_payment_id`,
    );
    this.#countOtp = db.prepare<[number]>(
      'UPDATE payments SET otp_attempts = otp_attempts + 1 WHERE cf_payment_id = ?',
    );
    this.#recent = db.prepare<[number], PaymentRow>(
      'SELECT * FROM payments ORDER BY cf_payment_id DESC LIMIT ?',
    );
  }

  insert(row: PaymentRow): void {
    this.#insert.run(row);
  }

  byId(cfPaymentId: number): PaymentRow | undefined {
    return this.#byId.get(cfPaymentId);
  }

  byOrder(cfOrderId: number): PaymentRow[] {
    return this.#byOrder.all(cfOrderId);
  }

  /** Writes a status change and the fields that come with it. */
  update(row: PaymentRow): void {
    this.#update.run({
      cf_payment_id: row.cf_payment_id,
      status: row.status,
      message: row.message,
      error: row.error,
      bank_reference: row.bank_reference,
      auth_id: row.auth_id,
      completed_at: row.completed_at,
    });
  }

  countOtpAttempt(cfPaymentId: number): void {
    this.#countOtp.run(cfPaymentId);
  }

  recent(limit: number): PaymentRow[] {
    return this.#recent.all(limit);
  }
}
