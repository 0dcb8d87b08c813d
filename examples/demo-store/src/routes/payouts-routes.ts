/**
 * "Pay a supplier" (`/admin/payouts`): the tea estate saved as a Payouts beneficiary, paid an
 * amount typed in rupees, and batches from CSV. Transfer statuses move by the Payouts webhooks
 * (webhooks/payouts-route.ts); "Ask Cashfree now" reads the transfer or batch instead.
 */
import { isApiError, rupeesToPaise } from 'cashfree-kit';
import { isPayoutOutcomeUnknownError } from 'cashfree-kit/payouts';
import express, { type Request, type Router } from 'express';
import type { PayoutsTable } from '../db/payouts.js';
import { newId } from '../ids.js';
import { EXAMPLE_CSV, readBatchCsv } from '../payouts/batch-csv.js';
import type { EnsureEndpoint } from '../payouts/sandbox-endpoint.js';
import type { ShopPayouts } from '../payouts/shop-payouts.js';
import { SUPPLIER } from '../payouts/supplier.js';
import type { Shop } from '../shop.js';
import { errorPage } from '../views/error-page.js';
import { payoutBatchPage, payoutTransferPage } from '../views/payout-detail-pages.js';
import {
  batchHref,
  type PayoutsPageInput,
  type PayoutsStatus,
  payoutHref,
  payoutsPage,
} from '../views/payouts-page.js';
import { describeFailure, sendPage } from './respond.js';

/** What the routes need beyond the shop: the client (absent when Payouts is not configured). */
export interface PayoutsRouteOptions {
  payouts: ShopPayouts | undefined;
  table: PayoutsTable;
  status: () => PayoutsStatus;
  /** Registers the webhook URL where the store must do it itself (the local sandbox). */
  ensureEndpoint: EnsureEndpoint | undefined;
}

// A 1,000-row CSV is about 50 kB.
const form = express.urlencoded({ extended: false, limit: '200kb' });

function field(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** A Payouts failure in words: the SDK's message, and for an unknown outcome what to do next. */
function describePayoutFailure(error: unknown): { status: number; message: string } {
  if (isPayoutOutcomeUnknownError(error)) {
    return {
      status: 502,
      message: `${error.message} The shop has not recorded it: look it up before paying again (nothing is sent twice under the same id).`,
    };
  }
  if (isApiError(error) && error.code) {
    const { status, message } = describeFailure(error);
    return { status, message: `${message} (${error.code})` };
  }
  return describeFailure(error);
}

export function mountPayoutsRoutes(router: Router, shop: Shop, options: PayoutsRouteOptions): void {
  const { payouts, table } = options;
  const render = (extra: Partial<PayoutsPageInput> = {}) =>
    payoutsPage({
      info: shop.info,
      status: options.status(),
      beneficiary: table.beneficiary(SUPPLIER.beneficiary_id),
      transfers: table.recentTransfers(),
      batches: table.recentBatches(),
      events: table.recentEvents(),
      csv: EXAMPLE_CSV,
      ...extra,
    });

  /** Registers the webhook URL first where needed; a failure is a notice, the payout still goes. */
  const registered = async (): Promise<string | undefined> => {
    try {
      await options.ensureEndpoint?.();
      return undefined;
    } catch (error) {
      shop.log.error('[demo-store]', error instanceof Error ? error.message : error);
      return error instanceof Error ? error.message : String(error);
    }
  };

  router.get('/admin/payouts', (_req, res) => sendPage(res, shop, render()));

  router.post('/admin/payouts/beneficiary', async (_req, res) => {
    if (!payouts) {
      sendPage(res, shop, render(), 409);
      return;
    }
    const notice = await registered();
    try {
      await payouts.addSupplier();
      if (notice) sendPage(res, shop, render({ notice }));
      else res.redirect(303, '/admin/payouts');
    } catch (error) {
      const failure = describePayoutFailure(error);
      sendPage(res, shop, render({ error: failure.message, notice }), failure.status);
    }
  });

  router.post('/admin/payouts/transfers', form, async (req, res) => {
    if (!payouts) {
      sendPage(res, shop, render(), 409);
      return;
    }
    const typed = field(req, 'amount');
    if (!/^\d+(\.\d{1,2})?$/.test(typed) || rupeesToPaise(typed) <= 0) {
      sendPage(res, shop, render({ error: 'Enter the amount in rupees, such as 12500 or 12500.50.' }), 400);
      return;
    }
    if (!table.beneficiary(SUPPLIER.beneficiary_id)) {
      sendPage(res, shop, render({ error: 'Add the estate as a beneficiary before paying it.' }), 400);
      return;
    }
    const notice = await registered();
    try {
      const transfer = await payouts.paySupplier(rupeesToPaise(typed));
      if (notice) sendPage(res, shop, render({ notice }));
      else res.redirect(303, payoutHref(transfer.transfer_id));
    } catch (error) {
      const failure = describePayoutFailure(error);
      sendPage(res, shop, render({ error: failure.message, notice }), failure.status);
    }
  });

  router.post('/admin/payouts/batches', form, async (req, res) => {
    const csv =
      typeof (req.body as Record<string, unknown> | undefined)?.['csv'] === 'string' ? field(req, 'csv') : '';
    if (!payouts) {
      sendPage(res, shop, render({ csv }), 409);
      return;
    }
    const { rows, problems } = readBatchCsv(csv);
    const batchId = newId('batch');
    try {
      // The SDK checks the rows that read well, so one reply names every bad line.
      const found = [...problems, ...(await payouts.check(batchId, rows))].sort((a, b) => a.line - b.line);
      if (found.length > 0) {
        sendPage(res, shop, render({ csv, problems: found }), 400);
        return;
      }
      const notice = await registered();
      await payouts.sendBatch(batchId, rows);
      if (notice) sendPage(res, shop, render({ notice }));
      else res.redirect(303, batchHref(batchId));
    } catch (error) {
      const failure = describePayoutFailure(error);
      sendPage(res, shop, render({ csv, error: failure.message }), failure.status);
    }
  });

  const transferPage = (transferId: string, error?: string) => {
    const transfer = table.transfer(transferId);
    return (
      transfer &&
      payoutTransferPage({ info: shop.info, transfer, events: table.eventsFor(transferId), error })
    );
  };
  const batchPage = (batchId: string, error?: string) => {
    const batch = table.batch(batchId);
    if (!batch) return undefined;
    const transfers = table.batchTransfers(batchId);
    const events = [batchId, ...transfers.map((t) => t.transfer_id)]
      .flatMap((subject) => table.eventsFor(subject))
      .sort((a, b) => a.id - b.id);
    return payoutBatchPage({ info: shop.info, batch, transfers, events, error });
  };
  const notFound = (what: string) => errorPage(shop.info, 'Not found', `This shop has no ${what}.`);

  router.get('/admin/payouts/transfers/:transferId', (req, res) => {
    const id = req.params['transferId'] ?? '';
    const markup = transferPage(id);
    if (markup) sendPage(res, shop, markup);
    else sendPage(res, shop, notFound(`transfer “${id}”`), 404);
  });

  router.post('/admin/payouts/transfers/:transferId/refresh', async (req, res) => {
    const id = req.params['transferId'] ?? '';
    if (!table.transfer(id) || !payouts) {
      sendPage(res, shop, notFound(`transfer “${id}”`), 404);
      return;
    }
    try {
      await payouts.refreshTransfer(id);
      res.redirect(303, payoutHref(id));
    } catch (error) {
      const failure = describePayoutFailure(error);
      sendPage(res, shop, transferPage(id, failure.message) ?? notFound(id), failure.status);
    }
  });

  router.get('/admin/payouts/batches/:batchId', (req, res) => {
    const id = req.params['batchId'] ?? '';
    const markup = batchPage(id);
    if (markup) sendPage(res, shop, markup);
    else sendPage(res, shop, notFound(`batch “${id}”`), 404);
  });

  router.post('/admin/payouts/batches/:batchId/refresh', async (req, res) => {
    const id = req.params['batchId'] ?? '';
    if (!table.batch(id) || !payouts) {
      sendPage(res, shop, notFound(`batch “${id}”`), 404);
      return;
    }
    try {
      await payouts.refreshBatch(id);
      res.redirect(303, batchHref(id));
    } catch (error) {
      const failure = describePayoutFailure(error);
      sendPage(res, shop, batchPage(id, failure.message) ?? notFound(id), failure.status);
    }
  });
}
