/**
 * The customer's side: the product page, the server-side order creation behind "Pay", and the
 * return page, which asks Cashfree for the order instead of trusting the browser.
 */
import { type CreateOrderRequest, isNotFoundError, paiseToRupeesNumber } from 'cashfree-kit';
import express, { type Router } from 'express';
import { normaliseIndianMobile } from '../customer/phone.js';
import { failureIntro, shopperFailure } from '../customer/shopper-wording.js';
import { newId } from '../ids.js';
import { PRODUCT } from '../product.js';
import type { Shop } from '../shop.js';
import { errorPage } from '../views/error-page.js';
import { orderPage } from '../views/order-page.js';
import { productPage } from '../views/product-page.js';
import { whatHappened } from '../views/what-happened.js';
import { describeFailure, sendJson, sendPage } from './respond.js';
import { stepsFor } from './steps.js';

const TARGETS = new Set(['_self', '_modal']);

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function mountShopRoutes(router: Router, shop: Shop): void {
  router.get('/', (_req, res) => {
    sendPage(res, shop, productPage(shop.info, shop.config.checkoutScriptUrl));
  });

  // The checkout form posts here only when its script did not run (JavaScript off): checkout is
  // opened by cashfree.js in the browser, so say that; the details posted are not kept.
  router.post('/', (_req, res) => {
    const notice = `Paying needs JavaScript: the page opens Cashfree checkout with cashfree.js (${shop.config.checkoutScriptUrl}). Turn JavaScript on and reload this page. No order was created.`;
    sendPage(res, shop, productPage(shop.info, shop.config.checkoutScriptUrl, notice), 400);
  });

  // "Pay": the order is created here, on the server, with the secret key; the browser only ever
  // gets the payment_session_id.
  router.post('/api/orders', express.json({ limit: '10kb' }), async (req, res) => {
    const input = (req.body ?? {}) as Record<string, unknown>;
    const target = TARGETS.has(text(input['redirect_target'])) ? text(input['redirect_target']) : '_self';
    // `+91 98765 43210` and the other ways people type a mobile become the 10 digits Cashfree takes.
    const phone = normaliseIndianMobile(text(input['customer_phone']));
    const email = text(input['customer_email']);
    const orderId = newId('order');
    const body: CreateOrderRequest = {
      order_id: orderId,
      order_amount: paiseToRupeesNumber(PRODUCT.pricePaise),
      order_currency: 'INR',
      customer_details: {
        customer_id: `cust_${phone.replace(/\D/g, '') || 'guest'}`,
        customer_name: text(input['customer_name']),
        customer_phone: phone,
        ...(email ? { customer_email: email } : {}),
      },
      order_meta: {
        return_url: shop.urls.returnUrl,
        ...(shop.urls.notifyUrl ? { notify_url: shop.urls.notifyUrl } : {}),
      },
      order_note: PRODUCT.note,
    };
    const panel = async (
      intro = 'The server created the order; the browser now opens Cashfree checkout with its payment_session_id.',
    ) => {
      const { steps, omitted } = await stepsFor(shop, orderId, shop.orders.get(orderId));
      return whatHappened(steps, intro, omitted).markup;
    };
    try {
      const order = await shop.cashfree.createOrder(
        { subject: orderId, subjectKind: 'order', source: 'shop' },
        body,
      );
      shop.orders.insert({
        order_id: order.order_id,
        cf_order_id: order.cf_order_id,
        amount_paise: PRODUCT.pricePaise,
        customer_name: body.customer_details.customer_name ?? '',
        customer_email: email,
        customer_phone: phone,
        payment_session_id: order.payment_session_id,
        checkout_target: target,
        status: String(order.order_status),
        created_at: Date.now(),
        paid_at: null,
        paid_via: null,
      });
      sendJson(res, shop, {
        order_id: order.order_id,
        payment_session_id: order.payment_session_id,
        return_path: `/return?order_id=${encodeURIComponent(order.order_id)}`,
        panel: await panel(),
      });
    } catch (error) {
      // The shopper reads what to correct; the developer's detail (the SDK's or Cashfree's
      // message) is in the panel's step for this call.
      const failure = describeFailure(error);
      const shopper = shopperFailure(error, body);
      if (!shopper) throw error;
      sendJson(res, shop, { error: shopper, panel: await panel(failureIntro(error)) }, failure.status);
    }
  });

  // return_url: Cashfree sends the browser here with ?order_id=. The status shown, and recorded,
  // comes from GET /orders/{order_id} on the server, never from the redirect itself: any other
  // query parameter (order_status=PAID, …) is ignored.
  router.get('/return', async (req, res) => {
    const orderId = text(req.query['order_id']);
    const order = shop.orders.get(orderId);
    if (!order) {
      sendPage(res, shop, errorPage(shop.info, 'No such order', `This shop has no order “${orderId}”.`), 404);
      return;
    }
    const context = { subject: orderId, subjectKind: 'order', source: 'return page' } as const;
    try {
      const [cashfreeOrder, payments] = await Promise.all([
        shop.cashfree.getOrder(context, orderId),
        shop.cashfree.listPayments(context, orderId),
      ]);
      // Cashfree's answer to the server (never the query string) also moves the shop's record:
      // without webhooks (no public notify_url) it is the only way the shop learns of the payment.
      // advance() only moves forward, so this and the webhook mark an order paid once.
      shop.orders.advance(orderId, String(cashfreeOrder.order_status), Date.now(), 'return page');
      const page = orderPage({
        info: shop.info,
        scriptUrl: shop.config.checkoutScriptUrl,
        shop: shop.orders.get(orderId) ?? order,
        order: cashfreeOrder,
        payments,
        ...(await stepsFor(shop, orderId, order)),
      });
      sendPage(res, shop, page);
    } catch (error) {
      const message = isNotFoundError(error)
        ? `Cashfree does not know order ${orderId} (was the sandbox reset?).`
        : describeFailure(error).message;
      sendPage(res, shop, errorPage(shop.info, 'Could not check the order', message), 502);
    }
  });

  router.get('/health', (_req, res) => {
    sendJson(res, shop, { status: 'ok', target: shop.config.target, api_base: shop.config.apiBase });
  });
}
