import type { SimulationEntity } from 'cashfree-kit';
import type { SandboxContext } from '../context.js';
import type { Wire } from '../entities/wire.js';
import { badRequest, notFound } from '../http/errors.js';
import { nextPaymentStatus, type PaymentTarget } from '../state/payment-machine.js';
import type { SimulationRow } from '../store/simulations.js';
import { errorDetails, errorForCode } from '../test-instruments/errors.js';
import { randomAlphanumeric } from '../util/ids.js';
import { PAYMENT_RESOLVE, resolvePayment } from './payments.js';
import { simulateSubscriptionPayment } from './subscriptions/simulate.js';

/** A validated `POST /simulate` request. */
export interface SimulationRequest {
  entity: 'PAYMENTS' | 'SUBS_PAYMENTS';
  entityId: string;
  paymentStatus: PaymentTarget;
  paymentErrorCode: string | undefined;
}

/** `SimulationResponse` for a stored simulation. */
export function simulationEntity(row: SimulationRow): Wire<SimulationEntity> {
  return {
    simulation_id: row.simulation_id,
    entity: row.entity,
    entity_id: row.entity_id,
    entity_simulation: { payment_status: row.payment_status, payment_error_code: row.payment_error_code },
  };
}

/**
 * `POST /simulate`: moves a PENDING payment to SUCCESS, FAILED (with `payment_error_code`),
 * USER_DROPPED, or keeps it PENDING (which also stops a test VPA's automatic resolution).
 * Call inside `ctx.transact`.
 */
export function simulatePayment(ctx: SandboxContext, req: SimulationRequest): SimulationRow {
  if (req.entity === 'SUBS_PAYMENTS') {
    simulateSubscriptionPayment(
      ctx,
      req.entityId,
      req.paymentStatus as 'SUCCESS' | 'FAILED' | 'PENDING',
      req.paymentErrorCode,
    );
    return recordSimulation(ctx, req);
  }
  const payment = /^\d{1,16}$/.test(req.entityId) ? ctx.store.payments.byId(Number(req.entityId)) : undefined;
  if (!payment) {
    throw notFound(
      'entity_id_invalid',
      `entity_id : no payment with this cf_payment_id. Value received: ${req.entityId}`,
    );
  }
  const t = nextPaymentStatus(payment.status, req.paymentStatus);
  if (!t.ok) {
    throw badRequest(
      'entity_id_invalid',
      `entity_id : payment is already ${payment.status}; only a PENDING payment can be simulated. Value received: ${req.entityId}`,
    );
  }
  if (req.paymentStatus === 'PENDING') {
    ctx.scheduler.cancel(PAYMENT_RESOLVE, payment.cf_payment_id);
  } else {
    const template = req.paymentStatus === 'FAILED' ? errorForCode(req.paymentErrorCode) : undefined;
    resolvePayment(ctx, payment, {
      target: req.paymentStatus,
      error: template ? errorDetails(template) : undefined,
      message: template?.message,
    });
  }
  return recordSimulation(ctx, req);
}

function recordSimulation(ctx: SandboxContext, req: SimulationRequest): SimulationRow {
  const row: SimulationRow = {
    simulation_id: `sim_${randomAlphanumeric(32)}`,
    entity: req.entity,
    entity_id: req.entityId,
    payment_status: req.paymentStatus,
    payment_error_code: req.paymentErrorCode ?? null,
    created_at: ctx.clock.now(),
  };
  ctx.store.simulations.insert(row);
  return row;
}

/** `GET /simulate/{id}`. */
export function findSimulation(ctx: SandboxContext, simulationId: string): SimulationRow {
  const row = ctx.store.simulations.byId(simulationId);
  if (!row) {
    throw notFound(
      'simulation_id_invalid',
      `simulation_id : no simulation with this id. Value received: ${simulationId}`,
    );
  }
  return row;
}
