/**
 * `cashfree webhooks trigger SUBSCRIPTION_…` against the local sandbox: a real on-demand plan and
 * a subscription on it, its mandate authorised as the customer would (the sandbox's admin call),
 * then a charge, the sandbox clock moved an hour at a time until the bank has answered, a cancel
 * or a refund, whatever the event is about. The sandbox sends its own webhook, signed with its
 * secret, so a handler that fetches the subscription or payment it names finds it.
 */
import type { AttemptView, DeliveryView } from '@cashfree-kit/sandbox';
import type { Cashfree, SubscriptionPaymentStatus } from 'cashfree-kit';
import { SUBSCRIPTION_WEBHOOK_EVENT_TYPES, type WebhookVersion } from 'cashfree-kit/webhooks';
import { tomorrowInIndia } from '../commands/subscriptions-flags.js';
import { CliError, EXIT } from '../output/exit-codes.js';
import type { SandboxAdmin } from '../sandbox/admin-client.js';
import { sandboxNow } from '../sandbox/detect.js';
import { WebhookAdmin } from './admin.js';

/**
 * The sandbox's UPI test VPA whose mandate is approved and whose every debit fails for
 * insufficient funds (its test-instruments/mandates.ts); any other VPA's debits succeed.
 */
const DEBIT_FAILING_VPA = 'testinsufficientfunds@gocash';

/** What happens to the subscription for each event: the mandate, and what is done after it. */
interface Recipe {
  /** The VPA the mandate is on (default: the sandbox's, whose debits succeed). */
  vpa?: string;
  /** After authorising: raise a charge, and then… */
  charge?: 'announce' | { until: SubscriptionPaymentStatus } | 'cancel';
  /** …refund the successful charge and wait until it is processed. */
  refund?: boolean;
}

const [STATUS_CHANGED, STATUS_CHANGE_2023] = SUBSCRIPTION_WEBHOOK_EVENT_TYPES.subscriptionStatus;

const RECIPES: Record<string, Recipe> = {
  // Authorising is the event: BANK_APPROVAL_PENDING, then ACTIVE, for a UPI mandate.
  [STATUS_CHANGED]: {},
  [STATUS_CHANGE_2023]: {},
  SUBSCRIPTION_AUTH_STATUS: {},
  // UPI Autopay's pre-debit notification goes out when the charge is raised.
  SUBSCRIPTION_PAYMENT_NOTIFICATION_INITIATED: { charge: 'announce' },
  SUBSCRIPTION_PAYMENT_SUCCESS: { charge: { until: 'SUCCESS' } },
  // Debited on its date, retried hourly (UPI), then FAILED.
  SUBSCRIPTION_PAYMENT_FAILED: { vpa: DEBIT_FAILING_VPA, charge: { until: 'FAILED' } },
  SUBSCRIPTION_PAYMENT_CANCELLED: { charge: 'cancel' },
  SUBSCRIPTION_REFUND_STATUS: { charge: { until: 'SUCCESS' }, refund: true },
};

/** The subscription event types `trigger` makes on the local sandbox (both spellings of the status change). */
export const SUBSCRIPTION_TRIGGER_TYPES: readonly string[] = Object.values(SUBSCRIPTION_WEBHOOK_EVENT_TYPES)
  .flat()
  .filter((type) => type in RECIPES);

/** One sandbox hour per step; four days cover a charge a day ahead, its UPI retries and a refund. */
const CLOCK_STEP_MS = 60 * 60_000;
const MAX_CLOCK_STEPS = 96;

/** What was made for the event. */
export interface SubscriptionObjects {
  plan_id: string;
  subscription_id: string;
  payment_id?: string;
  refund_id?: string;
  clock_advanced_hours: number;
}

/** The sandbox's delivery of the event to `--to`, and its first attempt. */
export interface SubscriptionDelivery {
  objects: SubscriptionObjects;
  delivery: DeliveryView;
  attempt: AttemptView;
}

/** The subscription and payment a delivery is about, read from its body. */
function aboutWhat(delivery: DeliveryView): { subscription?: unknown; payment?: unknown } {
  const data = (JSON.parse(delivery.request.body) as { data?: Record<string, unknown> }).data ?? {};
  const details = data['subscription_details'] as Record<string, unknown> | undefined;
  return {
    subscription: data['subscription_id'] ?? details?.['subscription_id'],
    payment: data['payment_id'],
  };
}

/** The latest delivery of the event about these objects that the sandbox has attempted. */
async function deliveredAttempt(
  webhooks: WebhookAdmin,
  endpointId: string,
  types: readonly string[],
  ids: { subscription: string; payment?: string | undefined },
): Promise<DeliveryView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const page = await webhooks.deliveries({ endpointId, limit: 1000 });
    const delivery = page.data.findLast((d) => {
      if (!types.includes(d.event_type)) return false;
      const about = aboutWhat(d);
      return (
        about.subscription === ids.subscription &&
        (ids.payment === undefined || about.payment === ids.payment)
      );
    });
    if (delivery && delivery.attempts.length > 0) return delivery;
    if (Date.now() > deadline) {
      throw new CliError(
        `The sandbox has not delivered ${types[0]} for ${ids.payment ?? ids.subscription} after 60 s; see its dashboard (/_sandbox/).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Moves the sandbox clock an hour at a time until `done` holds; the hours moved. */
async function advanceUntil(
  admin: SandboxAdmin,
  what: string,
  done: () => Promise<boolean>,
): Promise<number> {
  let hours = 0;
  while (!(await done())) {
    if (hours >= MAX_CLOCK_STEPS) {
      throw new CliError(`${what} did not happen in ${MAX_CLOCK_STEPS} sandbox hours.`, EXIT.failure);
    }
    await admin.call('POST', '/clock/advance', { ms: CLOCK_STEP_MS });
    hours += 1;
  }
  return hours;
}

/**
 * Makes `type` happen for real on the local sandbox and returns the sandbox's delivery of it to
 * `to`. `to` is registered as an endpoint before the mandate is authorised, so it also hears the
 * subscription's earlier events (its authorisation before a charge), as it would from Cashfree.
 */
export async function triggerSubscriptionOnLocalSandbox(
  client: Cashfree,
  admin: SandboxAdmin,
  request: { type: string; to: string; version: WebhookVersion; amount: number },
): Promise<SubscriptionDelivery> {
  const recipe = RECIPES[request.type];
  if (!recipe) throw new CliError(`No subscription trigger for ${request.type}.`);
  const run = `${Date.now().toString(36)}_${Math.floor(Math.random() * 1e4)}`;
  const planId = `trigger_plan_${run}`;
  const subscriptionId = `trigger_${request.type.toLowerCase()}_${run}`;
  await client.plans.create({
    plan_id: planId,
    plan_name: 'cashfree webhooks trigger',
    plan_type: 'ON_DEMAND',
    plan_max_amount: request.amount,
  });
  await client.subscriptions.create({
    subscription_id: subscriptionId,
    customer_details: {
      customer_name: 'Webhook Trigger Test',
      customer_email: 'webhooks.trigger@example.com',
      customer_phone: '9999999999',
    },
    plan_details: { plan_id: planId },
    authorization_details: { payment_methods: ['upi'] },
    subscription_note: `cashfree webhooks trigger ${request.type}`,
  });

  const webhooks = new WebhookAdmin(admin.origin);
  const endpoint = await webhooks.createEndpoint(request.to, request.version);
  try {
    await admin.call('POST', `/subscriptions/${encodeURIComponent(subscriptionId)}/authorize`, {
      payment_method: 'upi',
      ...(recipe.vpa ? { reference: recipe.vpa } : {}),
    });
    const objects: SubscriptionObjects = {
      plan_id: planId,
      subscription_id: subscriptionId,
      clock_advanced_hours: 0,
    };
    const { charge } = recipe;
    if (charge !== undefined) {
      const paymentId = `trigger_charge_${run}`;
      objects.payment_id = paymentId;
      await client.subscriptions.payments.create({
        subscription_id: subscriptionId,
        payment_id: paymentId,
        payment_type: 'CHARGE',
        payment_amount: request.amount,
        payment_schedule_date: tomorrowInIndia(await sandboxNow(admin)),
        payment_remarks: 'cashfree webhooks trigger',
      });
      const status = async () =>
        (await client.subscriptions.payments.get(subscriptionId, paymentId)).payment_status;
      if (charge === 'cancel') {
        await client.subscriptions.payments.manage(subscriptionId, paymentId, { action: 'CANCEL' });
      } else if (charge !== 'announce') {
        objects.clock_advanced_hours += await advanceUntil(
          admin,
          `Charge ${paymentId} reaching ${charge.until}`,
          async () => (await status()) === charge.until,
        );
      }
    }
    if (recipe.refund && objects.payment_id !== undefined) {
      const refundId = `trigger_refund_${run}`;
      objects.refund_id = refundId;
      await client.subscriptions.refunds.create(subscriptionId, {
        refund_id: refundId,
        refund_amount: request.amount,
        payment_id: objects.payment_id,
        refund_note: 'cashfree webhooks trigger',
      });
      objects.clock_advanced_hours += await advanceUntil(
        admin,
        `Refund ${refundId} being processed`,
        async () =>
          (await client.subscriptions.refunds.get(subscriptionId, refundId)).refund_status !== 'INITIATED',
      );
    }
    const types =
      request.type === STATUS_CHANGE_2023 || request.type === STATUS_CHANGED
        ? [STATUS_CHANGED, STATUS_CHANGE_2023]
        : [request.type];
    // The status change and the authorisation are about the subscription; the rest about the charge.
    const payment = recipe.charge === undefined ? undefined : objects.payment_id;
    const delivery = await deliveredAttempt(webhooks, endpoint.id, types, {
      subscription: subscriptionId,
      payment,
    });
    return { objects, delivery, attempt: delivery.attempts[0] as AttemptView };
  } finally {
    await webhooks.deleteEndpoint(endpoint.id).catch(() => {});
  }
}
