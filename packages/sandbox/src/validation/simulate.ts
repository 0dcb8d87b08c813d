import { badRequest } from '../http/errors.js';
import type { SimulationRequest } from '../services/simulations.js';
import type { PaymentTarget } from '../state/payment-machine.js';
import { bodyReader } from './fields.js';

/** Validates `POST /simulate` (SimulateRequest). */
export function parseSimulate(body: unknown): SimulationRequest {
  const r = bodyReader(body);
  const entity = r.string('entity', { required: true, oneOf: ['PAYMENTS', 'SUBS_PAYMENTS'] })!;
  if (entity !== 'PAYMENTS') {
    throw badRequest(
      'entity_unsupported',
      `entity : ${entity} is not emulated by the cashfree-kit sandbox; use PAYMENTS`,
    );
  }
  const rawId = r.raw('entity_id');
  const entityId = typeof rawId === 'number' ? String(rawId) : r.string('entity_id', { required: true })!;
  const sim = r.object('entity_simulation', { required: true })!;
  const paymentStatus = sim.string('payment_status', {
    required: true,
    oneOf: ['SUCCESS', 'FAILED', 'PENDING', 'USER_DROPPED'],
  }) as PaymentTarget;
  const paymentErrorCode = sim.string('payment_error_code');
  return { entity: 'PAYMENTS', entityId, paymentStatus, paymentErrorCode };
}
