import type { RequestOptions } from '../core/options.js';
import { PLAN_OPERATIONS as operations } from '../operations/subscriptions.js';
import { ApiResource } from './resource.js';
import type { CreatePlanRequest, PlanEntity } from './subscriptions-types.js';

/**
 * Subscription plans: what a subscription charges. `PERIODIC` plans charge a fixed amount every
 * interval by themselves; `ON_DEMAND` plans let you raise each charge, up to `plan_max_amount`.
 *
 * @example
 * await cashfree.plans.create({
 *   plan_id: 'tea_monthly', plan_name: 'Tea of the month', plan_type: 'PERIODIC',
 *   plan_recurring_amount: 499, plan_max_amount: 499, plan_intervals: 1, plan_interval_type: 'MONTH',
 * });
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/subscription/endpoints
 */
export class Plans extends ApiResource {
  /**
   * `POST /plans`. Validated first: the id, name and type; a maximum in rupees; for a `PERIODIC`
   * plan its recurring amount (at most the maximum) and interval type.
   *
   * @example
   * await cashfree.plans.create({ plan_id: 'top_ups', plan_name: 'Top-ups', plan_type: 'ON_DEMAND', plan_max_amount: 2000 });
   */
  create(body: CreatePlanRequest, options?: RequestOptions): Promise<PlanEntity> {
    return this.send(operations.create, {}, { body }, options);
  }

  /**
   * `GET /plans/{plan_id}`.
   *
   * @example
   * const { plan_type, plan_max_amount } = await cashfree.plans.get('tea_monthly');
   */
  get(planId: string, options?: RequestOptions): Promise<PlanEntity> {
    return this.send(operations.get, { plan_id: planId }, {}, options);
  }
}
