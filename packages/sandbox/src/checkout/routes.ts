import { type Context, Hono } from 'hono';
import type { SandboxContext } from '../context.js';
import { orderDetails } from '../entities/order.js';
import type { AppEnv } from '../http/env.js';
import { badRequest, SandboxHttpError } from '../http/errors.js';
import { assertMethodAllowed, orderForSession } from '../routes/order-pay.js';
import { createLinkOrder } from '../services/links.js';
import { authenticatePayment, type Resolution, resolvePayment, startPayment } from '../services/payments.js';
import type { OrderRow } from '../store/orders.js';
import type { PaymentRow } from '../store/payments.js';
import { errorDetails, PAYMENT_ERRORS } from '../test-instruments/errors.js';
import type { CheckoutMethod } from '../test-instruments/payment-methods.js';
import { toPaise } from '../util/money.js';
import { CASHFREE_JS } from './cashfree-js.js';
import { type Flow, readFlow, withFlow } from './flow.js';
import type { Html } from './html.js';
import { linkPage } from './link-page.js';
import { mandateRoutes } from './mandate-routes.js';
import { type FieldProblem, readPayForm } from './pay-form.js';
import { actionsFor, paymentStepPage, type StepAction } from './payment-pages.js';
import { MODAL_MESSAGE_SOURCE, modalResultPage, resultPage } from './result-pages.js';
import { answerSessionLookup } from './session-lookup.js';
import { checkoutPage, noticePage } from './session-page.js';

type Ctx = Context<AppEnv>;

function send(c: Ctx, page: Html, status: 200 | 400 | 404 | 410 = 200): Response {
  c.header('cache-control', 'no-store');
  return c.html(page.text, status);
}

/** A form's text fields. */
async function formFields(c: Ctx): Promise<(name: string) => string | undefined> {
  const body = await c.req.parseBody();
  return (name) => {
    const value = body[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };
}

/** Order Pay's `payment_method` for what the customer entered in one checkout tab. */
function paymentMethodFromForm(
  method: string | undefined,
  get: (name: string) => string | undefined,
): unknown {
  switch (method) {
    case 'card': {
      const expiry = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(get('card_expiry') ?? '');
      return {
        card: {
          channel: 'link',
          card_number: (get('card_number') ?? '').replace(/[\s-]/g, ''),
          card_expiry_mm: expiry ? expiry[1]!.padStart(2, '0') : (get('card_expiry') ?? ''),
          card_expiry_yy: expiry ? expiry[2]!.slice(-2) : '',
          card_cvv: get('card_cvv') ?? '',
          ...(get('card_holder_name') ? { card_holder_name: get('card_holder_name') } : {}),
        },
      };
    }
    case 'upi':
      return { upi: { channel: 'collect', upi_id: get('upi_id') ?? '', upi_redirect_url: true } };
    case 'netbanking':
      return { netbanking: { channel: 'link', netbanking_bank_code: Number(get('netbanking_bank_code')) } };
    case 'app':
      return { app: { channel: 'link', provider: get('provider') ?? '', phone: get('phone') ?? '' } };
    default:
      throw badRequest('payment_method_invalid', `payment_method : choose card, UPI, netbanking or wallet`);
  }
}

/** Fills Cashfree's `{order_id}` placeholder of a return URL. */
export function fillReturnUrl(url: string, orderId: string): string {
  const id = encodeURIComponent(orderId);
  return url.replaceAll('{order_id}', id).replaceAll('%7Border_id%7D', id);
}

/**
 * The hosted pages a customer sees (see hosted-urls.ts for the URLs the API hands out):
 *
 * | route | page |
 * |---|---|
 * | `GET /js/v3/cashfree.js` | the cashfree.js stand-in |
 * | `GET /checkout/sessions/{payment_session_id}` | JSON the stand-in checks a session with (CORS) |
 * | `GET /checkout/pay?session=…[&mode=modal][&return_url=…]` | the checkout of a session |
 * | `POST /checkout/pay` | starts a payment (Order Pay's service) and goes to its page |
 * | `POST /checkout/cancel` | drops the session's pending payments (USER_DROPPED) and returns |
 * | `GET /checkout/payments/{cf_payment_id}` | the card OTP page, bank simulator, wallet or UPI wait page |
 * | `POST /checkout/payments/{cf_payment_id}` | that page's action (OTP, success, failure, pending, cancel) |
 * | `GET /checkout/payments/{cf_payment_id}/done` | back to `return_url` with `{order_id}` filled (or the result) |
 * | `GET /links/{link_code}` | the payment link page; `POST /links/{link_code}/pay` opens a link order |
 *
 * Payments are made by the same services as the API (`parsePayOrder`, `startPayment`,
 * `authenticatePayment`, `resolvePayment`), so the pages follow the same rules and emit the same
 * events.
 */
export function checkoutRoutes(ctx: SandboxContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const merchant = () => ctx.config.merchantName ?? `the merchant ${ctx.config.appId}`;

  // Pages never show stale state: transitions that became due run first, as for the API.
  r.use('*', async (_c, next) => {
    if (ctx.scheduler.hasDue()) ctx.scheduler.runDue();
    await next();
  });
  r.route('/', mandateRoutes(ctx));

  const sessionOrder = (sessionId: string): OrderRow | undefined => {
    try {
      return orderForSession(ctx, sessionId);
    } catch (error) {
      if (error instanceof SandboxHttpError) return undefined;
      throw error;
    }
  };

  const returnTarget = (order: OrderRow, flow: Flow): string | undefined => {
    const url = flow.returnUrl ?? orderDetails(order).order_meta?.['return_url'];
    if (typeof url === 'string' && url !== '') return fillReturnUrl(url, order.order_id);
    if (order.cf_link_id !== null) {
      const link = ctx.store.links.byId(order.cf_link_id);
      if (link) return `/links/${link.link_code}`;
    }
    return undefined;
  };

  /** Where the checkout ends: the merchant's return URL, the modal's message, or a result page. */
  const finish = (c: Ctx, order: OrderRow, payment: PaymentRow | undefined, flow: Flow): Response => {
    if (flow.mode === 'modal') {
      const dropped = payment === undefined || payment.status === 'USER_DROPPED';
      return send(
        c,
        modalResultPage({
          source: MODAL_MESSAGE_SOURCE,
          type: dropped ? 'dropped' : 'completed',
          order_id: order.order_id,
          payment_status: payment?.status ?? null,
          payment_message: payment?.message ?? null,
        }),
      );
    }
    const target = returnTarget(order, flow);
    if (target) return c.redirect(target, 303);
    return send(c, resultPage(order, payment, merchant()));
  };

  const showSession = (
    c: Ctx,
    sessionId: string,
    flow: Flow,
    error?: string,
    selected?: CheckoutMethod,
    typed?: { values: Record<string, string>; problems: FieldProblem[] },
  ): Response => {
    const order = sessionId ? sessionOrder(sessionId) : undefined;
    if (!order) {
      return send(
        c,
        noticePage({
          title: 'Payment session not found',
          message:
            'This payment session does not exist on this sandbox. Create an order with POST /pg/orders and open the checkout with its payment_session_id.',
        }),
        404,
      );
    }
    if (order.status === 'PAID') {
      return send(
        c,
        noticePage({
          title: 'This order is already paid',
          message: 'Nothing more to pay for this order.',
          order,
          merchant: merchant(),
          back: returnTarget(order, flow),
        }),
      );
    }
    if (order.status !== 'ACTIVE') {
      const expired = order.status === 'EXPIRED';
      return send(
        c,
        noticePage({
          title: expired ? 'This payment session has expired' : 'This order was cancelled',
          message: expired
            ? 'The order reached its order_expiry_time and takes no more payments. Ask the merchant to create a new order.'
            : `The merchant terminated this order (${order.status}); it takes no more payments.`,
          order,
          merchant: merchant(),
          back: returnTarget(order, flow),
        }),
        410,
      );
    }
    return send(
      c,
      checkoutPage({ order, sessionId, merchant: merchant(), flow, error, selected, ...typed }),
      error || typed ? 400 : 200,
    );
  };

  const findPaymentRow = (id: string) =>
    /^\d{1,16}$/.test(id) ? ctx.store.payments.byId(Number(id)) : undefined;

  const paymentNotFound = (c: Ctx, id: string) =>
    send(
      c,
      noticePage({
        title: 'Payment not found',
        message: `There is no payment ${id} on this sandbox. Payment pages are opened from Order Pay's data.url or the checkout.`,
      }),
      404,
    );

  r.get('/js/v3/cashfree.js', (c) => {
    c.header('content-type', 'application/javascript; charset=utf-8');
    c.header('access-control-allow-origin', '*');
    c.header('cache-control', 'no-cache');
    return c.body(CASHFREE_JS);
  });

  r.get('/checkout/sessions/:session', (c) => {
    const sessionId = c.req.param('session');
    return answerSessionLookup(c, 'payment_session_id', sessionId, sessionOrder, (order) => ({
      order_id: order.order_id,
      order_status: order.status,
      order_amount: order.amount / 100,
      order_currency: order.currency,
      checkout_url: `/checkout/pay?session=${encodeURIComponent(sessionId)}`,
    }));
  });

  r.get('/checkout/pay', (c) => {
    const flow = readFlow((name) => c.req.query(name));
    return showSession(c, c.req.query('session') ?? c.req.query('payment_session_id') ?? '', flow);
  });

  r.post('/checkout/pay', async (c) => {
    const get = await formFields(c);
    const flow = readFlow(get);
    const sessionId = get('session') ?? '';
    const method = get('method') as CheckoutMethod | undefined;
    let cfPaymentId: string;
    try {
      const paymentMethod = paymentMethodFromForm(method, get);
      const form = readPayForm(sessionId, method as CheckoutMethod, get, paymentMethod, ctx.clock.now());
      if (!form.ok) return showSession(c, sessionId, flow, undefined, method, form);
      const request = form.request;
      cfPaymentId = ctx.transact(() => {
        const order = orderForSession(ctx, sessionId);
        assertMethodAllowed(order, request.pay);
        return String(startPayment(ctx, order, request.pay)['cf_payment_id']);
      });
    } catch (error) {
      if (!(error instanceof SandboxHttpError)) throw error;
      const message =
        error.code === 'payment_method_unsupported'
          ? 'This payment method is not available for this order. Choose another.'
          : error.message;
      return showSession(c, sessionId, flow, message, method);
    }
    return c.redirect(withFlow(`/checkout/payments/${cfPaymentId}`, flow), 303);
  });

  r.post('/checkout/cancel', async (c) => {
    const get = await formFields(c);
    const flow = readFlow(get);
    const order = sessionOrder(get('session') ?? '');
    if (!order) return showSession(c, '', flow);
    const payments = ctx.transact(() => {
      for (const payment of ctx.store.payments.byOrder(order.cf_order_id)) {
        if (payment.status === 'PENDING') resolvePayment(ctx, payment, { target: 'USER_DROPPED' });
      }
      return ctx.store.payments.byOrder(order.cf_order_id);
    });
    const dropped = payments.filter((p) => p.status === 'USER_DROPPED').at(-1);
    return finish(c, ctx.store.orders.byCfId(order.cf_order_id) ?? order, dropped, flow);
  });

  r.get('/checkout/payments/:id', (c) => {
    const flow = readFlow((name) => c.req.query(name));
    const payment = findPaymentRow(c.req.param('id'));
    const order = payment && ctx.store.orders.byCfId(payment.cf_order_id);
    if (!payment || !order) return paymentNotFound(c, c.req.param('id'));
    if (payment.status !== 'PENDING') {
      return c.redirect(withFlow(`/checkout/payments/${payment.cf_payment_id}/done`, flow), 303);
    }
    return send(c, paymentStepPage({ order, payment, merchant: merchant(), flow }));
  });

  r.post('/checkout/payments/:id', async (c) => {
    const get = await formFields(c);
    const flow = readFlow(get);
    const payment = findPaymentRow(c.req.param('id'));
    const order = payment && ctx.store.orders.byCfId(payment.cf_order_id);
    if (!payment || !order) return paymentNotFound(c, c.req.param('id'));
    const done = () => c.redirect(withFlow(`/checkout/payments/${payment.cf_payment_id}/done`, flow), 303);
    if (payment.status !== 'PENDING') return done();
    const action = get('action') as StepAction | undefined;
    const again = (message: { error?: string; info?: string }) =>
      send(
        c,
        paymentStepPage({ order, payment, merchant: merchant(), flow, ...message }),
        message.error ? 400 : 200,
      );
    if (!action || !actionsFor(payment).includes(action)) {
      return again({ error: `This page cannot ${action ?? 'do that'}; use one of its buttons.` });
    }
    if (action === 'pending') return done();
    if (action === 'otp' || action === 'resend') {
      const result = ctx.transact(() =>
        authenticatePayment(ctx, payment, action === 'otp' ? 'SUBMIT_OTP' : 'RESEND_OTP', get('otp') ?? ''),
      );
      if (ctx.store.payments.byId(payment.cf_payment_id)?.status !== 'PENDING') return done();
      const message = String(result['payment_message']);
      return again(result['authenticate_status'] === 'SUCCESS' ? { info: message } : { error: message });
    }
    const failure = PAYMENT_ERRORS.bankDeclined;
    const resolution: Resolution =
      action === 'success'
        ? { target: 'SUCCESS' }
        : action === 'failed'
          ? { target: 'FAILED', error: errorDetails(failure), message: failure.message }
          : { target: 'USER_DROPPED' };
    ctx.transact(() => resolvePayment(ctx, payment, resolution));
    return done();
  });

  r.get('/checkout/payments/:id/done', (c) => {
    const flow = readFlow((name) => c.req.query(name));
    const payment = findPaymentRow(c.req.param('id'));
    const order = payment && ctx.store.orders.byCfId(payment.cf_order_id);
    if (!payment || !order) return paymentNotFound(c, c.req.param('id'));
    return finish(c, order, payment, flow);
  });

  r.get('/links/:code', (c) => {
    const link = ctx.store.links.byCode(c.req.param('code'));
    if (!link) {
      return send(
        c,
        noticePage({
          title: 'Payment link not found',
          message: 'This payment link does not exist on this sandbox.',
        }),
        404,
      );
    }
    return send(c, linkPage(link, merchant()));
  });

  r.post('/links/:code/pay', async (c) => {
    const get = await formFields(c);
    const link = ctx.store.links.byCode(c.req.param('code'));
    if (!link) return c.redirect(`/links/${encodeURIComponent(c.req.param('code'))}`, 303);
    const text = get('amount');
    let order: OrderRow;
    try {
      const amount = text === undefined || text === '' ? undefined : toPaise(Number(text));
      if (text !== undefined && text !== '' && (amount === undefined || amount <= 0)) {
        throw badRequest('amount_invalid', `amount : Invalid amount entered. Value received: ${text}`);
      }
      order = ctx.transact(() => createLinkOrder(ctx, link, amount));
    } catch (error) {
      if (error instanceof SandboxHttpError) return send(c, linkPage(link, merchant(), error.message), 400);
      throw error;
    }
    return c.redirect(`/checkout/pay?session=${encodeURIComponent(order.payment_session_id)}`, 303);
  });

  return r;
}
