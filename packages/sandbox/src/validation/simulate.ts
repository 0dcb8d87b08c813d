import type { SimulationRequest } from '../services/simulations.js';
import type { PaymentTarget } from '../state/payment-machine.js';
import { bodyReader } from './fields.js';

/** Validates `POST /simulate` (SimulateRequest). */
export function parseSimulate(body: unknown): SimulationRequest {
  const r = bodyReader(body);
  const entity = r.string('entity', { required: true, oneOf: ['PAYMENTS', 'SUBS_PAYMENTS'] }) as
    | 'PAYMENTS'
    | 'SUBS_PAYMENTS';
  const rawId = r.raw('entity_id');
  const entityId = typeof rawId === 'number' ? String(rawId) : r.string('entity_id', { required: true })!;
  const sim = r.object('entity_simulation', { required: true })!;
  // A subscription payment is never USER_DROPPED: its customer is not at a checkout.
  const paymentStatus = sim.string('payment_status', {
    required: true,
    oneOf:
      entity === 'PAYMENTS'
        ? ['SUCCESS', 'FAILED', 'PENDING', 'USER_DROPPED']
        : ['SUCCESS', 'FAILED', 'PENDING'],
  }) as PaymentTarget;
  const paymentErrorCode = sim.string('payment_error_code');
  return { entity, entityId, paymentStatus, paymentErrorCode };
}
