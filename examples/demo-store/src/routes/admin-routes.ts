/**
 * The shop owner's side: orders with their refunds, and payment links with their QR codes.
 * Refund and link statuses shown as the shop's record move only through verified webhooks (see
 * webhooks/); an order's also moves when its return page confirms the payment with Cashfree.
 */
import { type CreateLinkRequest, formatInrFromPaise, rupeesToPaise } from 'cashfree-kit';
import express, { type Request, type Router } from 'express';
import QRCode from 'qrcode';
import { refundablePaise } from '../db/refunds.js';
import { newId } from '../ids.js';
import type { Shop } from '../shop.js';
import { adminLinkPage } from '../views/admin-link-page.js';
import { adminOrderPage } from '../views/admin-order-page.js';
import { adminPage } from '../views/admin-page.js';
import { errorPage } from '../views/error-page.js';
import { trusted } from '../views/html.js';
import { describeFailure, sendPage } from './respond.js';
import { stepsFor } from './steps.js';

const form = express.urlencoded({ extended: false, limit: '10kb' });

function field(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** Rupees typed into a form, as paise; `undefined` when it is not an amount. */
function paiseFrom(text: string): number | undefined {
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return undefined;
  const paise = rupeesToPaise(text);
  return paise > 0 ? paise : undefined;
}

export function mountAdminRoutes(router: Router, shop: Shop): void {
  const renderIndex = (error?: string) =>
    adminPage({
      info: shop.info,
      orders: shop.orders
        .recent()
        .map((order) => ({ ...order, refunds: shop.refunds.totals(order.order_id) })),
      links: shop.links.recent(),
      calls: shop.calls.recent(10),
      error,
    });

  const renderOrder = async (orderId: string, error?: string) => {
    const order = shop.orders.get(orderId);
    if (!order) return undefined;
    return adminOrderPage({
      info: shop.info,
      order,
      refunds: shop.refunds.forOrder(orderId),
      totals: shop.refunds.totals(orderId),
      ...(await stepsFor(shop, orderId, order)),
      error,
    });
  };

  const notFound = (what: string) => errorPage(shop.info, 'Not found', `This shop has no ${what}.`);

  router.get('/admin', (_req, res) => sendPage(res, shop, renderIndex()));

  router.get('/admin/orders/:orderId', async (req, res) => {
    const page = await renderOrder(req.params['orderId'] ?? '');
    if (page) sendPage(res, shop, page);
    else sendPage(res, shop, notFound(`order “${req.params['orderId']}”`), 404);
  });

  router.post('/admin/orders/:orderId/refunds', form, async (req, res) => {
    const orderId = req.params['orderId'] ?? '';
    const order = shop.orders.get(orderId);
    if (!order) {
      sendPage(res, shop, notFound(`order “${orderId}”`), 404);
      return;
    }
    const totals = shop.refunds.totals(orderId);
    const refundable = refundablePaise(order.amount_paise, totals);
    const amount = field(req, 'full') ? refundable : paiseFrom(field(req, 'amount'));
    const speed = field(req, 'speed') === 'STANDARD' ? 'STANDARD' : 'INSTANT';
    const refuse = async (message: string, status = 400) => {
      const page = await renderOrder(orderId, message);
      if (page) sendPage(res, shop, page, status);
    };
    if (order.status !== 'PAID') {
      await refuse(`Only a paid order can be refunded; the shop's record of ${orderId} is ${order.status}.`);
      return;
    }
    if (amount === undefined) {
      await refuse(
        `Enter the refund amount in rupees, such as 100 or 99.50 (up to the ${formatInrFromPaise(refundable)} left to refund).`,
      );
      return;
    }
    if (amount > refundable || refundable === 0) {
      const spent = [
        totals.refunded > 0 ? `${formatInrFromPaise(totals.refunded)} refunded` : '',
        totals.pending > 0 ? `${formatInrFromPaise(totals.pending)} pending` : '',
      ].filter(Boolean);
      const why = spent.length ? ` (${spent.join(', ')})` : '';
      await refuse(
        refundable === 0
          ? `Nothing is left to refund on this ${formatInrFromPaise(order.amount_paise)} order${why}.`
          : `Cannot refund ${formatInrFromPaise(amount)}: only ${formatInrFromPaise(refundable)} of this ${formatInrFromPaise(order.amount_paise)} order is left to refund${why}.`,
      );
      return;
    }
    const refundId = newId('refund');
    try {
      const refund = await shop.cashfree.createRefund(
        { subject: orderId, subjectKind: 'order', source: 'admin' },
        orderId,
        {
          refund_id: refundId,
          refund_amount: amount / 100,
          refund_note:
            amount === order.amount_paise
              ? 'Full refund from the shop admin'
              : 'Part refund from the shop admin',
          refund_speed: speed,
        },
      );
      const now = Date.now();
      shop.refunds.insert({
        refund_id: refund.refund_id,
        order_id: orderId,
        amount_paise: amount,
        speed,
        status: refund.refund_status,
        created_at: now,
        updated_at: now,
      });
      res.redirect(303, `/admin/orders/${encodeURIComponent(orderId)}`);
    } catch (error) {
      const failure = describeFailure(error);
      await refuse(failure.message, failure.status);
    }
  });

  router.post('/admin/links', form, async (req, res) => {
    const amount = paiseFrom(field(req, 'amount'));
    if (amount === undefined) {
      sendPage(res, shop, renderIndex('Enter the link amount in rupees, e.g. 1497 or 1497.50.'), 400);
      return;
    }
    const linkId = newId('link');
    const email = field(req, 'customer_email');
    const body: CreateLinkRequest = {
      link_id: linkId,
      link_amount: amount / 100,
      link_currency: 'INR',
      link_purpose: field(req, 'purpose'),
      customer_details: {
        customer_name: field(req, 'customer_name'),
        customer_phone: field(req, 'customer_phone'),
        ...(email ? { customer_email: email } : {}),
      },
      // The shop shares the link itself (copy, QR); no SMS or email from Cashfree in a demo.
      link_notify: { send_sms: false, send_email: false },
      ...(shop.urls.notifyUrl ? { link_meta: { notify_url: shop.urls.notifyUrl } } : {}),
    };
    try {
      const link = await shop.cashfree.createLink(
        { subject: linkId, subjectKind: 'link', source: 'admin' },
        body,
      );
      const now = Date.now();
      shop.links.insert({
        link_id: link.link_id,
        link_url: link.link_url,
        purpose: body.link_purpose,
        amount_paise: amount,
        amount_paid_paise: 0,
        customer_name: body.customer_details.customer_name ?? '',
        customer_phone: body.customer_details.customer_phone,
        status: String(link.link_status),
        created_at: now,
        updated_at: now,
      });
      res.redirect(303, `/admin/links/${encodeURIComponent(link.link_id)}`);
    } catch (error) {
      const failure = describeFailure(error);
      sendPage(res, shop, renderIndex(failure.message), failure.status);
    }
  });

  router.get('/admin/links/:linkId', async (req, res) => {
    const linkId = req.params['linkId'] ?? '';
    const shopLink = shop.links.get(linkId);
    if (!shopLink) {
      sendPage(res, shop, notFound(`payment link “${linkId}”`), 404);
      return;
    }
    const context = { subject: linkId, subjectKind: 'link', source: 'admin' } as const;
    try {
      const [link, orders] = await Promise.all([
        shop.cashfree.getLink(context, linkId),
        shop.cashfree.linkOrders(context, linkId),
      ]);
      const qr = await QRCode.toString(link.link_url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      const page = adminLinkPage({
        info: shop.info,
        shop: shop.links.get(linkId) ?? shopLink,
        link,
        orders,
        // qrcode draws the SVG from the URL alone; nothing from the request reaches it unescaped.
        qrSvg: trusted(qr),
        ...(await stepsFor(shop, linkId)),
      });
      sendPage(res, shop, page);
    } catch (error) {
      sendPage(
        res,
        shop,
        errorPage(shop.info, 'Could not load the link', describeFailure(error).message),
        502,
      );
    }
  });
}
