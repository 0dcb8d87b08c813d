import { OPERATIONS } from 'cashfree-kit';
import { jsonBody } from '../http/body.js';
import { commitJson } from '../http/idempotency.js';
import { type OperationRoute, route } from '../http/mount.js';
import { json } from '../http/respond.js';
import { findSimulation, simulatePayment, simulationEntity } from '../services/simulations.js';
import { parseSimulate } from '../validation/simulate.js';

/** `/simulate`: move a pending payment to the outcome a test needs. */
export const SIMULATION_ROUTES: readonly OperationRoute[] = [
  route(OPERATIONS.simulations.create, (ctx) => async (c) => {
    const req = parseSimulate(await jsonBody(c));
    return commitJson(c, ctx, () => ({ body: simulationEntity(simulatePayment(ctx, req)) }));
  }),
  route(
    OPERATIONS.simulations.get,
    (ctx) => (c) => json(c, simulationEntity(findSimulation(ctx, c.req.param('simulation_id')))),
  ),
];
