import { OPERATIONS } from 'cashfree-kit';
import { eligibilityEntity } from '../entities/eligibility.js';
import { jsonBody } from '../http/body.js';
import { type OperationRoute, route } from '../http/mount.js';
import { json } from '../http/respond.js';
import { paymentMethodEligibility } from '../services/eligibility.js';
import { parseEligibilityPaymentMethods } from '../validation/eligibility.js';

/** Eligibility: which payment methods an amount or an order can be paid with. */
export const ELIGIBILITY_ROUTES: readonly OperationRoute[] = [
  route(OPERATIONS.eligibility.paymentMethods, (ctx) => async (c) => {
    const query = parseEligibilityPaymentMethods(await jsonBody(c));
    return json(c, paymentMethodEligibility(ctx, query).map(eligibilityEntity));
  }),
];
