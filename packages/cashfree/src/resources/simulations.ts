import type { RequestOptions } from '../core/options.js';
import { SIMULATION_OPERATIONS as endpoints } from '../operations/simulations.js';
import type { SIMULATED_PAYMENT_STATUSES } from '../operations/statuses.js';
import { ApiResource } from './resource.js';

/**
 * Sandbox simulations: decide the outcome of a payment you created, without a bank.
 *
 * @example
 * const [payment] = await cashfree.payments.list('order_001');
 * if (payment) {
 *   await cashfree.simulations.create({
 *     entity: 'PAYMENTS', entity_id: payment.cf_payment_id, entity_simulation: { payment_status: 'SUCCESS' },
 *   });
 * }
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
  create(body: SimulateRequest, options?: RequestOptions): Promise<SimulationEntity> {
    return this.send(endpoints.create, {}, { body }, options);
  }

  /**
   * `GET /simulate/{simulation_id}`: a simulation you made.
   *
   * @example
   * const { entity_simulation } = await cashfree.simulations.get('sim_001');
   */
  get(simulationId: string, options?: RequestOptions): Promise<SimulationEntity> {
    return this.send(endpoints.get, { simulation_id: simulationId }, {}, options);
  }
}

/**
 * Body of `POST /simulate` (`SimulateRequest`).
 *
 * @example
 * const simulate: SimulateRequest = {
 *   entity: 'PAYMENTS', entity_id: '5114910796410',
 *   entity_simulation: { payment_status: 'FAILED', payment_error_code: 'INSUFFICIENT_FUNDS' },
 * };
 */
export interface SimulateRequest {
  entity: 'PAYMENTS' | 'SUBS_PAYMENTS';
  /** The `cf_payment_id` for PAYMENTS; the merchant transaction id for SUBS_PAYMENTS. */
  entity_id: string;
  entity_simulation: {
    payment_status: (typeof SIMULATED_PAYMENT_STATUSES)[number];
    /** e.g. `ISSUER_NOT_AVAILABLE` for a failure. */
    payment_error_code?: string;
  };
}

/**
 * A simulation (`SimulationResponse`).
 *
 * @example
 * const simulation: SimulationEntity = await cashfree.simulations.get('sim_001');
 * console.log(simulation.entity_simulation?.payment_status);
 */
export interface SimulationEntity {
  simulation_id: string;
  entity?: string;
  entity_id?: string;
  entity_simulation?: { payment_status: string; payment_error_code?: string | null };
}
