import type { RequestOptions } from '../core/options.js';
import { path } from '../internal/path.js';
import { ApiResource } from './resource.js';

/**
 * Sandbox simulations: decide the outcome of a payment you created, without a bank.
 *
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/simulation/simulate-payment
 */
export class Simulations extends ApiResource {
  /**
   * `POST /simulate`: set the outcome of a payment (`entity_id` = its `cf_payment_id`).
   *
   * @example
   * await cashfree.simulations.create({
   *   entity: 'PAYMENTS', entity_id: payment.cf_payment_id,
   *   entity_simulation: { payment_status: 'FAILED', payment_error_code: 'ISSUER_NOT_AVAILABLE' },
   * });
   */
  async create(body: SimulateRequest, options?: RequestOptions): Promise<SimulationEntity> {
    return this.transport.post('/simulate', { body }, options);
  }

  /** `GET /simulate/{simulation_id}`. */
  async get(simulationId: string, options?: RequestOptions): Promise<SimulationEntity> {
    return this.transport.get(path`/simulate/${simulationId}`, {}, options);
  }
}

/** Body of `POST /simulate` (`SimulateRequest`). */
export interface SimulateRequest {
  entity: 'PAYMENTS' | 'SUBS_PAYMENTS';
  /** The `cf_payment_id` for PAYMENTS; the merchant transaction id for SUBS_PAYMENTS. */
  entity_id: string;
  entity_simulation: {
    payment_status: 'SUCCESS' | 'FAILED' | 'PENDING' | 'USER_DROPPED';
    /** e.g. `ISSUER_NOT_AVAILABLE` for a failure. */
    payment_error_code?: string;
  };
}

/** A simulation (`SimulationResponse`). */
export interface SimulationEntity {
  simulation_id: string;
  entity?: string;
  entity_id?: string;
  entity_simulation?: { payment_status: string; payment_error_code?: string | null };
}
