import { OPERATIONS } from 'cashfree-kit';
import {
  createSubscriptionPaymentResponse,
  planEntity,
  subscriptionEntity,
  subscriptionPaymentEntity,
  subscriptionRefundEntity,
} from '../entities/subscription.js';
import { jsonBody } from '../http/body.js';
import { commitJson } from '../http/idempotency.js';
import { type OperationRoute, route } from '../http/mount.js';
import { json } from '../http/respond.js';
import { subscriptionEligibility } from '../services/subscriptions/eligibility.js';
import {
  createSubscriptionPayment,
  findSubscriptionPayment,
  manageSubscriptionPaymentNow,
} from '../services/subscriptions/payments.js';
import { createSubscriptionRefund, findSubscriptionRefund } from '../services/subscriptions/refunds.js';
import {
  authPaymentOf,
  createPlan,
  createSubscription,
  findPlan,
  findSubscription,
  manageSubscriptionNow,
} from '../services/subscriptions/subscriptions.js';
import {
  parseCreatePlan,
  parseCreateSubscription,
  parseCreateSubscriptionPayment,
  parseCreateSubscriptionRefund,
  parseManageSubscription,
  parseManageSubscriptionPayment,
  parseSubscriptionEligibility,
} from '../validation/subscriptions.js';

const plans = OPERATIONS.plans;
const subscriptions = OPERATIONS.subscriptions;
const payments = OPERATIONS.subscriptionPayments;
const refunds = OPERATIONS.subscriptionRefunds;

/**
 * Subscriptions: plans, subscriptions, their payments (AUTH and CHARGE) and refunds. The static
 * paths (`/subscriptions/pay`, `/subscriptions/eligibility/payment_methods`) come first, before the
 * `/subscriptions/{subscription_id}` patterns.
 */
export const SUBSCRIPTION_ROUTES: readonly OperationRoute[] = [
  route(payments.create, (ctx) => async (c) => {
    const input = parseCreateSubscriptionPayment(await jsonBody(c));
    return commitJson(c, ctx, () => {
      const { sub, payment } = createSubscriptionPayment(ctx, input);
      // A UPI collect or a NACH/card mandate is approved outside this call: there is nothing to open.
      const data =
        input.type === 'AUTH' ? { url: null, payload: null, content_type: null, method: null } : null;
      return { body: createSubscriptionPaymentResponse(sub, payment, data) };
    });
  }),
  route(subscriptions.eligibility, (ctx) => async (c) => {
    const query = parseSubscriptionEligibility(await jsonBody(c));
    return json(c, { type: subscriptionEligibility(ctx, query.subscriptionId, query.methods) });
  }),
  route(plans.create, (ctx) => async (c) => {
    const plan = parseCreatePlan(await jsonBody(c));
    return commitJson(c, ctx, () => ({ body: planEntity(createPlan(ctx, plan)) }));
  }),
  route(plans.get, (ctx) => (c) => json(c, planEntity(findPlan(ctx, c.req.param('plan_id'))))),
  route(subscriptions.create, (ctx) => async (c) => {
    const input = parseCreateSubscription(await jsonBody(c));
    return commitJson(c, ctx, () => ({
      body: subscriptionEntity(createSubscription(ctx, input), undefined),
    }));
  }),
  route(subscriptions.get, (ctx) => (c) => {
    const sub = findSubscription(ctx, c.req.param('subscription_id'));
    return json(c, subscriptionEntity(sub, authPaymentOf(ctx, sub)));
  }),
  route(subscriptions.manage, (ctx) => async (c) => {
    const id = c.req.param('subscription_id');
    const request = parseManageSubscription(await jsonBody(c), id);
    return commitJson(c, ctx, () => {
      const sub = manageSubscriptionNow(ctx, findSubscription(ctx, id), request);
      return { body: subscriptionEntity(sub, authPaymentOf(ctx, sub)) };
    });
  }),
  route(payments.list, (ctx) => (c) => {
    const sub = findSubscription(ctx, c.req.param('subscription_id'));
    const auth = authPaymentOf(ctx, sub);
    const rows = ctx.store.subscriptions.payments.bySubscription(sub.cf_subscription_id);
    return json(
      c,
      rows.map((p) => subscriptionPaymentEntity(sub, p, auth)),
    );
  }),
  route(payments.get, (ctx) => (c) => {
    const sub = findSubscription(ctx, c.req.param('subscription_id'));
    const payment = findSubscriptionPayment(ctx, sub, c.req.param('payment_id'));
    return json(c, subscriptionPaymentEntity(sub, payment, authPaymentOf(ctx, sub)));
  }),
  route(payments.manage, (ctx) => async (c) => {
    const request = parseManageSubscriptionPayment(await jsonBody(c));
    return commitJson(c, ctx, () => {
      const sub = findSubscription(ctx, c.req.param('subscription_id'));
      const payment = findSubscriptionPayment(ctx, sub, c.req.param('payment_id'));
      const managed = manageSubscriptionPaymentNow(ctx, sub, payment, request);
      return { body: subscriptionPaymentEntity(sub, managed, authPaymentOf(ctx, sub)) };
    });
  }),
  route(refunds.create, (ctx) => async (c) => {
    const input = parseCreateSubscriptionRefund(await jsonBody(c));
    return commitJson(c, ctx, () => {
      const sub = findSubscription(ctx, c.req.param('subscription_id'));
      const { refund, payment } = createSubscriptionRefund(ctx, sub, input);
      return { body: subscriptionRefundEntity(refund, payment) };
    });
  }),
  route(refunds.get, (ctx) => (c) => {
    const sub = findSubscription(ctx, c.req.param('subscription_id'));
    const { refund, payment } = findSubscriptionRefund(ctx, sub, c.req.param('refund_id'));
    return json(c, subscriptionRefundEntity(refund, payment));
  }),
];
