import { type Context, Hono } from 'hono';
import type { SandboxContext } from '../context.js';
import { subscriptionDetails, subscriptionPlan } from '../entities/subscription.js';
import type { AppEnv } from '../http/env.js';
import { SandboxHttpError } from '../http/errors.js';
import { authoriseNow } from '../services/subscriptions/authorise.js';
import { finishAuthorisation, requestAuthorisation } from '../services/subscriptions/payments.js';
import { authPaymentOf, instrumentOf } from '../services/subscriptions/subscriptions.js';
import { MAX_OTP_ATTEMPTS, TEST_CARD_OTP } from '../state/payment-machine.js';
import type { SubscriptionPaymentRow } from '../store/subscriptions/payments.js';
import type { SubscriptionRow } from '../store/subscriptions/subscriptions.js';
import { randomAlphanumeric } from '../util/ids.js';
import { type Flow, readFlow, withFlow } from './flow.js';
import type { Html } from './html.js';
import { parseMandateForm } from './mandate-form.js';
import {
  HOSTED_MANDATE_METHODS,
  type HostedMandateMethod,
  type MandateFormValues,
  mandateModalPage,
  mandateNoticePage,
  mandatePage,
  mandateResultPage,
  mandateReturnPage,
  mandateStepPage,
  STEP_ACTIONS,
} from './mandate-page.js';
import { mandateReturnFields } from './mandate-return.js';
import { MODAL_MESSAGE_SOURCE } from './result-pages.js';
import { answerSessionLookup } from './session-lookup.js';

type Ctx = Context<AppEnv>;

function send(c: Ctx, page: Html, status: 200 | 400 | 404 | 410 = 200): Response {
  c.header('cache-control', 'no-store');
  return c.html(page.text, status);
}

async function formFields(c: Ctx): Promise<(name: string) => string | undefined> {
  const body = await c.req.parseBody();
  return (name) => {
    const value = body[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };
}

/** The subscription statuses after a successful authorisation. */
const AUTHORISED = new Set(['BANK_APPROVAL_PENDING', 'ACTIVE', 'ON_HOLD', 'PAUSED', 'CUSTOMER_PAUSED']);

/**
 * The hosted mandate checkout (the subscription counterpart of routes.ts's order checkout):
 *
 * | route | page |
 * |---|---|
 * | `GET /subscriptions/sessions/{subscription_session_id}` | JSON the stand-in checks a session with (CORS) |
 * | `GET /subscriptions/checkout?session=…[&mode=modal]` | the mandate page: plan, merchant, UPI / e-NACH / card forms |
 * | `POST /subscriptions/checkout` | requests the authorisation (an AUTH, PENDING) and goes to its step page |
 * | `POST /subscriptions/checkout/cancel` | the customer leaves without authorising |
 * | `GET /subscriptions/checkout/mandates/{cf_payment_id}` | UPI approval, bank page or card OTP |
 * | `POST /subscriptions/checkout/mandates/{cf_payment_id}` | that page's action (approve, decline, otp) |
 * | `GET /subscriptions/checkout/mandates/{cf_payment_id}/done` | back to the return URL (a form POST), the modal's message, or the result |
 *
 * The AUTH is made by the API's service (`requestAuthorisation`) and resolved by the admin
 * route's (`authoriseNow`), so the statuses, scheduler jobs and webhooks are the same as theirs.
 */
export function mandateRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const merchant = () => `the merchant ${ctx.config.appId}`;
  const subs = ctx.store.subscriptions;

  const bySession = (sessionId: string) => (sessionId ? subs.subscriptions.bySession(sessionId) : undefined);

  const returnUrlOf = (sub: SubscriptionRow): string | undefined => {
    const url = subscriptionDetails(sub).subscription_meta.return_url;
    return url && /^https?:\/\//i.test(url) ? url : undefined;
  };

  const hostedMethods = (sub: SubscriptionRow): HostedMandateMethod[] => {
    const allowed = subscriptionDetails(sub).payment_methods as readonly string[];
    return HOSTED_MANDATE_METHODS.filter((m) => allowed.includes(m));
  };

  const messageOf = (sub: SubscriptionRow, auth: SubscriptionPaymentRow | undefined): string => {
    if (!auth) return 'The customer left without authorising the mandate.';
    if (auth.status === 'FAILED') return auth.failure_reason ?? 'The mandate was not authorised.';
    if (sub.status === 'BANK_APPROVAL_PENDING')
      return 'Mandate authorised; the bank confirms it within a bank day.';
    return 'Mandate authorised.';
  };

  /** Where the checkout ends: the return URL (form POST), the modal's message, or a result page. */
  const finish = (c: Ctx, sub: SubscriptionRow, auth: SubscriptionPaymentRow | undefined, flow: Flow) => {
    const message = messageOf(sub, auth);
    if (flow.mode === 'modal') {
      return send(
        c,
        mandateModalPage({
          source: MODAL_MESSAGE_SOURCE,
          type: auth ? 'completed' : 'dropped',
          subscription_id: sub.subscription_id,
          subscription_status: sub.status,
          payment_status: auth?.status ?? null,
          payment_message: message,
        }),
      );
    }
    const returnUrl = returnUrlOf(sub);
    if (returnUrl) {
      const fields = mandateReturnFields(sub, auth, ctx.config.secretKey, message);
      return send(c, mandateReturnPage({ returnUrl, fields, merchant: merchant() }));
    }
    return send(c, mandateResultPage({ sub, auth, merchant: merchant(), message }));
  };

  const sessionNotFound = (c: Ctx) =>
    send(
      c,
      mandateNoticePage({
        title: 'Subscription session not found',
        message:
          'This subscription session does not exist on this sandbox. Create a subscription with POST /pg/subscriptions and open the checkout with its subscription_session_id.',
      }),
      404,
    );

  const showSession = (
    c: Ctx,
    sessionId: string,
    flow: Flow,
    error?: string,
    values?: MandateFormValues,
  ): Response => {
    const sub = bySession(sessionId);
    if (!sub) return sessionNotFound(c);
    if (AUTHORISED.has(sub.status)) return finish(c, sub, authPaymentOf(ctx, sub), flow);
    if (sub.status !== 'INITIALIZED') {
      return send(
        c,
        mandateNoticePage({
          title: `This subscription is ${sub.status}`,
          message:
            sub.status === 'EXPIRED' || sub.status === 'LINK_EXPIRED'
              ? 'It reached its expiry time without a mandate. Ask the merchant for a new subscription.'
              : 'It takes no more mandates.',
        }),
        410,
      );
    }
    const details = subscriptionDetails(sub);
    return send(
      c,
      mandatePage({
        sub,
        plan: subscriptionPlan(sub),
        merchant: merchant(),
        methods: hostedMethods(sub),
        authAmount: details.authorization_amount,
        flow,
        error,
        values,
      }),
      error ? 400 : 200,
    );
  };

  const pendingAuth = (id: string) => {
    const payment = /^\d{1,16}$/.test(id) ? subs.payments.byId(Number(id)) : undefined;
    const sub = payment && subs.subscriptions.byId(payment.cf_subscription_id);
    return payment?.payment_type === 'AUTH' && sub ? { payment, sub } : undefined;
  };

  const mandateNotFound = (c: Ctx, id: string) =>
    send(
      c,
      mandateNoticePage({
        title: 'Authorisation not found',
        message: `There is no mandate authorisation ${id} on this sandbox. Start from the subscription's checkout.`,
      }),
      404,
    );

  /** The customer left a pending authorisation (another method, or Cancel): it fails now. */
  const failAbandoned = (sub: SubscriptionRow) => {
    const abandoned = authPaymentOf(ctx, sub);
    if (abandoned?.status === 'PENDING') finishAuthorisation(ctx, sub, abandoned, { outcome: 'FAILED' });
  };

  const donePath = (payment: SubscriptionPaymentRow, flow: Flow) =>
    withFlow(`/subscriptions/checkout/mandates/${payment.cf_payment_id}/done`, flow);

  r.get('/subscriptions/sessions/:session', (c) => {
    const sessionId = c.req.param('session');
    return answerSessionLookup(c, 'subscription_session_id', sessionId, bySession, (sub) => ({
      subscription_id: sub.subscription_id,
      subscription_status: sub.status,
      checkout_url: `/subscriptions/checkout?session=${encodeURIComponent(sessionId)}`,
    }));
  });

  r.get('/subscriptions/checkout', (c) =>
    showSession(
      c,
      c.req.query('session') ?? '',
      readFlow((name) => c.req.query(name)),
    ),
  );

  r.post('/subscriptions/checkout', async (c) => {
    const get = await formFields(c);
    const flow = readFlow(get);
    const sessionId = get('session') ?? '';
    const sub = bySession(sessionId);
    if (sub?.status !== 'INITIALIZED') return showSession(c, sessionId, flow);
    const values: MandateFormValues = {
      upi_id: get('upi_id'),
      account_holder: get('account_holder'),
      account_number: get('account_number'),
      ifsc: get('ifsc'),
      account_type: get('account_type'),
      card_number: get('card_number'),
      card_expiry: get('card_expiry'),
      card_holder_name: get('card_holder_name'),
    };
    const parsed = parseMandateForm(get, hostedMethods(sub), ctx.clock.now());
    if (!parsed.ok) return showSession(c, sessionId, flow, parsed.error, values);
    let payment: SubscriptionPaymentRow;
    try {
      payment = ctx.transact(() => {
        // An attempt the customer walked away from (the back button) fails now: left pending, its
        // own resolution job could later authorise the mandate with the instrument of this one.
        failAbandoned(sub);
        return requestAuthorisation(ctx, sub, `auth_${randomAlphanumeric(12)}`, parsed.instrument, null);
      });
    } catch (error) {
      if (error instanceof SandboxHttpError) return showSession(c, sessionId, flow, error.message, values);
      throw error;
    }
    ctx.scheduler.refresh();
    return c.redirect(withFlow(`/subscriptions/checkout/mandates/${payment.cf_payment_id}`, flow), 303);
  });

  r.post('/subscriptions/checkout/cancel', async (c) => {
    const get = await formFields(c);
    const flow = readFlow(get);
    const sub = bySession(get('session') ?? '');
    if (!sub) return sessionNotFound(c);
    if (sub.status === 'INITIALIZED') {
      ctx.transact(() => failAbandoned(sub));
      ctx.scheduler.refresh();
    }
    return finish(c, sub, undefined, flow);
  });

  r.get('/subscriptions/checkout/mandates/:id', (c) => {
    const flow = readFlow((name) => c.req.query(name));
    const found = pendingAuth(c.req.param('id'));
    if (!found) return mandateNotFound(c, c.req.param('id'));
    const instrument = instrumentOf(found.sub);
    if (found.payment.status !== 'PENDING' || !instrument)
      return c.redirect(donePath(found.payment, flow), 303);
    return send(
      c,
      mandateStepPage({
        sub: found.sub,
        plan: subscriptionPlan(found.sub),
        payment: found.payment,
        instrument,
        merchant: merchant(),
        flow,
      }),
    );
  });

  r.post('/subscriptions/checkout/mandates/:id', async (c) => {
    const get = await formFields(c);
    const flow = readFlow(get);
    const found = pendingAuth(c.req.param('id'));
    if (!found) return mandateNotFound(c, c.req.param('id'));
    const { sub, payment } = found;
    const instrument = instrumentOf(sub);
    const done = () => c.redirect(donePath(payment, flow), 303);
    // Already resolved (by its own job, the admin route or another tab): nothing to act on.
    if (payment.status !== 'PENDING' || !instrument || sub.auth_payment_id !== payment.cf_payment_id)
      return done();
    const again = (error: string, attempts?: number) =>
      send(
        c,
        mandateStepPage({
          sub,
          plan: subscriptionPlan(sub),
          payment,
          instrument,
          merchant: merchant(),
          flow,
          error,
          attempts,
        }),
        400,
      );
    const action = get('action') ?? '';
    if (!(STEP_ACTIONS[instrument.method] ?? []).includes(action)) {
      return again(`This page cannot ${action || 'do that'}; use one of its buttons.`);
    }
    let outcome: 'FAILED' | undefined;
    if (action === 'decline') outcome = 'FAILED';
    if (action === 'otp' && get('otp') !== TEST_CARD_OTP) {
      const attempts = Math.max(0, Number(get('attempts')) || 0) + 1;
      if (attempts < MAX_OTP_ATTEMPTS) {
        return again(
          `Wrong OTP (${attempts} of ${MAX_OTP_ATTEMPTS}). The sandbox's OTP is ${TEST_CARD_OTP}.`,
          attempts,
        );
      }
      outcome = 'FAILED';
    }
    ctx.transact(() =>
      authoriseNow(ctx, sub.subscription_id, {
        outcome,
        // e-NACH waits for the bank (a bank day on the sandbox clock); a UPI app or card answers at once.
        waitForBank: instrument.method === 'enach',
      }),
    );
    ctx.scheduler.refresh();
    return done();
  });

  r.get('/subscriptions/checkout/mandates/:id/done', (c) => {
    const flow = readFlow((name) => c.req.query(name));
    const found = pendingAuth(c.req.param('id'));
    if (!found) return mandateNotFound(c, c.req.param('id'));
    return finish(c, found.sub, found.payment, flow);
  });

  return r;
}
