import { ENDPOINTS } from 'cashfree-kit';
import { Hono } from 'hono';
import type { SandboxContext } from '../context.js';
import { jsonBody } from '../http/body.js';
import { honoPath } from '../http/endpoint-path.js';
import type { AppEnv } from '../http/env.js';
import { commitJson } from '../http/idempotency.js';
import { json } from '../http/respond.js';
import { findSimulation, simulatePayment, simulationEntity } from '../services/simulations.js';
import { parseSimulate } from '../validation/simulate.js';

/** `/simulate`: move a pending payment to the outcome a test needs. */
export function simulateRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  const { create, get } = ENDPOINTS.simulations;

  r.on(create.method, honoPath(create), async (c) => {
    const req = parseSimulate(await jsonBody(c));
    return commitJson(c, ctx, () => ({ body: simulationEntity(simulatePayment(ctx, req)) }));
  });

  r.on(get.method, honoPath(get), (c) =>
    json(c, simulationEntity(findSimulation(ctx, c.req.param('simulation_id')))),
  );

  return r;
}
