import type { Operation } from './operation.js';
import { SIMULATED_PAYMENT_STATUSES } from './statuses.js';

const simulatedStatuses = { field: 'entity_simulation.payment_status', values: SIMULATED_PAYMENT_STATUSES };

/**
 * The `/simulate` endpoints, one per `cashfree.simulations` method (sandbox environments only).
 *
 * @example
 * const { path } = SIMULATION_OPERATIONS.get; // '/simulate/{simulation_id}'
 */
export const SIMULATION_OPERATIONS = {
  create: {
    operationId: 'PGSimulatePayment',
    product: 'pg',
    method: 'POST',
    path: '/simulate',
    summary: 'Sets the outcome of a pending payment, without a bank (sandbox only).',
    request: { entity: 'SimulateRequest', checks: [] },
    query: undefined,
    response: 'SimulationEntity',
    statuses: simulatedStatuses,
    errors: [
      'entity_id_invalid',
      'entity_unsupported',
      'entity_simulation_payment_error_code_failed',
      'payment_already_processed',
      'order_inactive',
      'order_already_paid',
      'link_not_active',
      'amount_invalid',
      'request_body_invalid',
    ],
    effect: 'write',
    auth: 'api-keys',
    rateLimit: { bucket: 'other', perMinute: 60, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/simulation/simulate-payment',
  },
  get: {
    operationId: 'PGFetchSimulation',
    product: 'pg',
    method: 'GET',
    path: '/simulate/{simulation_id}',
    summary: 'Fetches a simulation by its simulation_id.',
    request: undefined,
    query: undefined,
    response: 'SimulationEntity',
    statuses: simulatedStatuses,
    errors: ['simulation_id_invalid', 'simulation_id_missing'],
    effect: 'read',
    auth: 'api-keys',
    rateLimit: { bucket: 'other', perMinute: 60, per: 'app_id' },
    docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/simulation/fetch-simulation',
  },
} as const satisfies Record<string, Operation>;
