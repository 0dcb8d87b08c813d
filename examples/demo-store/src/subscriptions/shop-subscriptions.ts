/**
 * "Tea of the month" through cashfree-kit: the plan created once under the shop's own id, a
 * subscription per customer (its mandate authorised on Cashfree's mandate page, which returns to
 * the store), and the owner's pause, resume, cancel, "Charge now" and refunds of a charge. Every
 * status the shop records comes from
 * Cashfree: its answer to these calls here, or a verified webhook (apply-subscription-event.ts).
 */
import { randomBytes } from 'node:crypto';
import {
  Cashfree,
  type CreateSubscriptionRequest,
  isApiError,
  isNotFoundError,
  type PlanEntity,
  paiseToRupeesNumber,
  rupeesToPaise,
  type SubscriptionEntity,
  type SubscriptionPaymentEntity,
  type SubscriptionPaymentMethod,
  type SubscriptionRefundEntity,
} from 'cashfree-kit';
import {
  REQUESTED_PLACEHOLDER,
  type ShopCharge,
  type ShopSubscription,
  type ShopSubscriptionRefund,
  type SubscriptionsTable,
} from '../db/subscriptions.js';
import { earliestChargeTime } from './charge-date.js';
import type { LocalSandbox } from './local-sandbox.js';
import { istTime, readTime, TEA_PLAN, teaPlanRequest } from './tea-plan.js';

/** What the customer typed on the Subscribe form. */
export interface Subscriber {
  name: string;
  email: string;
  phone: string;
}

export interface ShopSubscriptionsOptions {
  /** Where the mandate page sends the customer back to, for one subscription. */
  returnUrl: (subscriptionId: string) => string;
  /** The local sandbox's admin API, when the store runs on one. */
  sandbox?: LocalSandbox | undefined;
  /** A problem that does not stop the call (the webhook URL not registered). */
  warn?: (message: string) => void;
  now?: () => number;
}

/** The earliest a resumed subscription is charged: a day ahead, so UPI's pre-debit notice fits. */
const RESUME_LEAD_MS = 24 * 60 * 60_000;

/** A subscription id such as `sub_m3k2x9_7f3a`: its creation time in base 36, then random hex. */
export function newSubscriptionId(): string {
  return newId('sub');
}

/** `charge_m3k2x9_7f3a`, `refund_…`: the shop's own ids, which make Cashfree's calls idempotent. */
function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
}

/** The mandate a charge runs on, named so cashfree-kit checks its lead time before the wire. */
function chargeMethod(method: string | null): SubscriptionPaymentMethod | undefined {
  if (method === 'upi') return { upi: {} };
  if (method === 'card') return { card: {} };
  return undefined;
}

/** Whether Cashfree's plan is the shop's tea plan (a different one under the id is a mistake). */
function samePlan(plan: PlanEntity): boolean {
  const wanted = teaPlanRequest();
  return (
    plan.plan_type === wanted.plan_type &&
    plan.plan_recurring_amount === wanted.plan_recurring_amount &&
    plan.plan_interval_type === wanted.plan_interval_type &&
    (plan.plan_intervals ?? 1) === wanted.plan_intervals
  );
}

export class ShopSubscriptions {
  readonly #client: Cashfree;
  #plan: Promise<PlanEntity> | undefined;

  constructor(
    env: Record<string, string | undefined>,
    private readonly table: SubscriptionsTable,
    private readonly options: ShopSubscriptionsOptions,
  ) {
    this.#client = Cashfree.fromEnv(env);
  }

  get #now(): () => number {
    return this.options.now ?? Date.now;
  }

  /** Whether the store runs on the local sandbox (and can move its clock). */
  get onLocalSandbox(): boolean {
    return this.options.sandbox !== undefined;
  }

  /**
   * The tea plan at Cashfree: read it, and create it the first time. Once per process; a failure
   * is not remembered, so the next subscriber tries again.
   */
  ensurePlan(): Promise<PlanEntity> {
    this.#plan ??= this.#findOrCreatePlan().catch((error: unknown) => {
      this.#plan = undefined;
      throw error;
    });
    return this.#plan;
  }

  async #findOrCreatePlan(): Promise<PlanEntity> {
    let plan: PlanEntity;
    try {
      plan = await this.#client.plans.get(TEA_PLAN.plan_id);
    } catch (error) {
      if (!isNotFoundError(error)) throw error;
      try {
        return await this.#client.plans.create(teaPlanRequest());
      } catch (createError) {
        // Another store process created it between the read and now: read that one.
        if (!isApiError(createError) || createError.code !== 'plan_already_exists') throw createError;
        plan = await this.#client.plans.get(TEA_PLAN.plan_id);
      }
    }
    if (!samePlan(plan)) {
      throw new Error(
        `Cashfree has a plan ${TEA_PLAN.plan_id} that is not the shop's (₹${plan.plan_recurring_amount} every ${plan.plan_intervals} ${plan.plan_interval_type}). ` +
          'Give TEA_PLAN in src/subscriptions/tea-plan.ts a new plan_id: customers authorised the old plan, so it cannot change.',
      );
    }
    return plan;
  }

  /** Creates the customer's subscription (INITIALIZED, with the session for the mandate page) and records it. */
  async subscribe(subscriber: Subscriber): Promise<ShopSubscription> {
    if (this.options.sandbox) {
      await this.options.sandbox.ensureWebhookEndpoint().catch((error: unknown) => {
        this.options.warn?.(error instanceof Error ? error.message : String(error));
      });
    }
    await this.ensurePlan();
    const subscriptionId = newSubscriptionId();
    const body: CreateSubscriptionRequest = {
      subscription_id: subscriptionId,
      customer_details: {
        customer_name: subscriber.name,
        customer_email: subscriber.email,
        customer_phone: subscriber.phone,
      },
      plan_details: { plan_id: TEA_PLAN.plan_id },
      // ₹1 to prove the mandate, given back once it is authorised.
      authorization_details: {
        authorization_amount: 1,
        authorization_amount_refund: true,
        payment_methods: [...TEA_PLAN.paymentMethods],
      },
      subscription_meta: { return_url: this.options.returnUrl(subscriptionId) },
      subscription_note: TEA_PLAN.note,
    };
    const created = await this.#client.subscriptions.create(body);
    const at = this.#now();
    const record: ShopSubscription = {
      subscription_id: created.subscription_id,
      cf_subscription_id: created.cf_subscription_id ?? null,
      plan_id: TEA_PLAN.plan_id,
      amount_paise: TEA_PLAN.amountPaise,
      customer_name: subscriber.name,
      customer_email: subscriber.email,
      customer_phone: subscriber.phone,
      session_id: created.subscription_session_id ?? '',
      status: created.subscription_status,
      status_via: 'Cashfree',
      mandate_method: null,
      next_charge_at: null,
      created_at: at,
      updated_at: at,
    };
    this.table.insert(record);
    return record;
  }

  /** Asks Cashfree for the subscription (and, with `charges`, its payments) and records the answer. */
  async refresh(subscriptionId: string, options: { charges?: boolean } = {}): Promise<SubscriptionEntity> {
    const [subscription, payments] = await Promise.all([
      this.#client.subscriptions.get(subscriptionId),
      options.charges ? this.#client.subscriptions.payments.list(subscriptionId) : Promise.resolve([]),
    ]);
    this.#record(subscription);
    for (const payment of payments) {
      if (payment.payment_type !== 'CHARGE') continue;
      this.table.recordCharge(chargeOf(subscriptionId, payment, 'Cashfree', this.#now()));
    }
    if (options.charges) {
      // Refunds have no list call: ask for each one still waiting for its outcome.
      const waiting = this.table.refunds(subscriptionId).filter((r) => r.status === 'INITIATED');
      const answers = await Promise.all(
        waiting.map((r) => this.#client.subscriptions.refunds.get(subscriptionId, r.refund_id)),
      );
      for (const [i, answer] of answers.entries()) {
        const payment_id = waiting[i]?.payment_id;
        this.table.recordRefund(refundOf(subscriptionId, { payment_id, ...answer }, 'Cashfree', this.#now()));
      }
    }
    return subscription;
  }

  /** `PAUSE`: no charge until it is resumed. */
  async pause(subscriptionId: string): Promise<SubscriptionEntity> {
    const answer = await this.#client.subscriptions.manage(subscriptionId, { action: 'PAUSE' });
    this.#record(answer);
    return answer;
  }

  /**
   * `ACTIVATE`: charges resume at the next charge the subscription had, if it is still more than a
   * day ahead, else a day from now (on the local sandbox, the sandbox's now).
   */
  async resume(subscriptionId: string): Promise<SubscriptionEntity> {
    const now = this.options.sandbox ? await this.options.sandbox.now() : this.#now();
    const planned = this.table.get(subscriptionId)?.next_charge_at ?? null;
    const next = planned !== null && planned > now + RESUME_LEAD_MS ? planned : now + RESUME_LEAD_MS;
    const answer = await this.#client.subscriptions.manage(subscriptionId, {
      action: 'ACTIVATE',
      action_details: { next_scheduled_time: istTime(next) },
    });
    this.#record(answer, next);
    return answer;
  }

  /**
   * "Charge now": a `CHARGE` of `amountPaise` on the subscription's mandate, outside the plan's
   * monthly cycle, at the earliest Cashfree takes it (the next day in India for UPI and cards, by
   * Cashfree's clock: on the local sandbox, the sandbox's). Recorded first as requested, so its
   * webhooks never move the plan's next charge; a refused charge is forgotten.
   */
  async chargeNow(subscriptionId: string, amountPaise: number): Promise<ShopCharge> {
    const record = this.table.get(subscriptionId);
    if (!record) throw new Error(`the shop has no subscription ${subscriptionId}`);
    const now = this.options.sandbox ? await this.options.sandbox.now() : this.#now();
    const scheduledAt = earliestChargeTime(now, record.mandate_method);
    const paymentId = newId('charge');
    const requested: ShopCharge = {
      subscription_id: subscriptionId,
      payment_id: paymentId,
      cf_payment_id: null,
      amount_paise: amountPaise,
      status: REQUESTED_PLACEHOLDER,
      retry_attempts: 0,
      failure_reason: null,
      scheduled_at: scheduledAt,
      via: 'Charge now',
      updated_at: this.#now(),
    };
    this.table.requestCharge(requested);
    const method = chargeMethod(record.mandate_method);
    let answer: Awaited<ReturnType<Cashfree['subscriptions']['payments']['create']>>;
    try {
      answer = await this.#client.subscriptions.payments.create({
        subscription_id: subscriptionId,
        payment_id: paymentId,
        payment_type: 'CHARGE',
        payment_amount: paiseToRupeesNumber(amountPaise),
        payment_schedule_date: istTime(scheduledAt),
        payment_remarks: `${TEA_PLAN.name}: charged on demand`,
        ...(method ? { payment_method: method } : {}),
      });
    } catch (error) {
      this.table.dropRequestedCharge(subscriptionId, paymentId);
      throw error;
    }
    const charge = chargeOf(
      subscriptionId,
      {
        ...answer,
        payment_amount: answer.payment_amount ?? paiseToRupeesNumber(amountPaise),
        payment_schedule_date: istTime(scheduledAt),
      },
      'Cashfree',
      this.#now(),
    );
    this.table.recordCharge(charge);
    return this.table.charge(subscriptionId, paymentId) ?? charge;
  }

  /**
   * Refunds `amountPaise` of a SUCCESS charge (all that is left of it when not given); Cashfree
   * answers INITIATED and `SUBSCRIPTION_REFUND_STATUS` reports the outcome.
   */
  async refund(
    subscriptionId: string,
    paymentId: string,
    amountPaise?: number,
  ): Promise<ShopSubscriptionRefund> {
    const amount = amountPaise ?? this.table.refundablePaise(subscriptionId, paymentId);
    const answer = await this.#client.subscriptions.refunds.create(subscriptionId, {
      refund_id: newId('refund'),
      refund_amount: paiseToRupeesNumber(amount),
      payment_id: paymentId,
      refund_note: `${TEA_PLAN.name}: refund of ${paymentId}`,
    });
    const refund = refundOf(subscriptionId, { payment_id: paymentId, ...answer }, 'Cashfree', this.#now());
    this.table.recordRefund(refund);
    return refund;
  }

  /** On the local sandbox: its clock to an hour past a charge's date, so the charge is debited. */
  async moveClockPast(at: number): Promise<number> {
    if (!this.options.sandbox) throw new Error('only the local sandbox has a clock to move');
    return this.options.sandbox.advancePast(at);
  }

  /** `CANCEL`: final; no more charges. */
  async cancel(subscriptionId: string): Promise<SubscriptionEntity> {
    const answer = await this.#client.subscriptions.manage(subscriptionId, { action: 'CANCEL' });
    this.#record(answer);
    return answer;
  }

  #record(subscription: SubscriptionEntity, nextChargeAt?: number): void {
    const current = this.table.get(subscription.subscription_id);
    const mandate = subscription.authorization_details ?? subscription.authorisation_details;
    // Cashfree's subscription has its first charge's time, not the next one's: it is the next
    // charge only until that first charge is due.
    const first = readTime(subscription.subscription_first_charge_time);
    const next = nextChargeAt ?? (current?.next_charge_at == null ? first : undefined);
    this.table.report(subscription.subscription_id, {
      status: subscription.subscription_status,
      via: 'Cashfree',
      at: this.#now(),
      cfSubscriptionId: subscription.cf_subscription_id,
      mandateMethod: mandate?.payment_method ?? undefined,
      nextChargeAt: next,
    });
  }
}

/** A charge as the shop records it, from a payment in Cashfree's answer or a webhook. */
export function chargeOf(
  subscriptionId: string,
  payment: Pick<
    SubscriptionPaymentEntity,
    | 'payment_id'
    | 'cf_payment_id'
    | 'payment_amount'
    | 'payment_status'
    | 'retry_attempts'
    | 'failure_details'
    | 'payment_schedule_date'
  >,
  via: string,
  at: number,
): ShopCharge {
  return {
    subscription_id: subscriptionId,
    payment_id: payment.payment_id,
    cf_payment_id: payment.cf_payment_id || null,
    amount_paise: rupeesToPaise(payment.payment_amount ?? 0),
    status: payment.payment_status,
    retry_attempts: payment.retry_attempts ?? 0,
    failure_reason: payment.failure_details?.failure_reason || null,
    scheduled_at: readTime(payment.payment_schedule_date) ?? null,
    via,
    updated_at: at,
  };
}

/** A refund as the shop records it, from Cashfree's answer or a `SUBSCRIPTION_REFUND_STATUS` webhook. */
export function refundOf(
  subscriptionId: string,
  refund: Pick<SubscriptionRefundEntity, 'refund_id' | 'cf_refund_id' | 'refund_amount' | 'refund_status'> & {
    payment_id?: string | undefined;
  },
  via: string,
  at: number,
): ShopSubscriptionRefund {
  return {
    subscription_id: subscriptionId,
    refund_id: refund.refund_id,
    payment_id: refund.payment_id ?? '',
    cf_refund_id: refund.cf_refund_id || null,
    amount_paise: rupeesToPaise(refund.refund_amount ?? 0),
    status: refund.refund_status,
    via,
    created_at: at,
    updated_at: at,
  };
}
