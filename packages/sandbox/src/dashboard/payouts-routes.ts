import { type Context, Hono } from 'hono';
import type { Html } from '../checkout/html.js';
import type { SandboxContext } from '../context.js';
import { transferEntity } from '../entities/payouts.js';
import type { AppEnv } from '../http/env.js';
import { PAYOUT_SIGNATURE_WINDOW_S, payoutKeyPair } from '../http/payouts-signature.js';
import { payoutBalance } from '../services/payouts/balance.js';
import { batchStatus, type TransferStatus } from '../state/transfer-machine.js';
import type { BatchRow } from '../store/payouts/batches.js';
import type { TransferRow } from '../store/payouts/transfers.js';
import { type DashboardHeader, notFoundPage } from './pages.js';
import {
  batchPage,
  beneficiaryPage,
  payoutsPage,
  payoutsSummaryCard,
  transferPage,
} from './payouts-pages.js';
import type { BatchSummary } from './payouts-tables.js';

const RECENT = 50;

/** The batch_transfer_id of each transfer's batch, looked up once per page. */
function batchNames(ctx: SandboxContext): (row: TransferRow) => string | undefined {
  const names = new Map<number, string | undefined>();
  return (row) => {
    const id = row.cf_batch_transfer_id;
    if (id === null) return undefined;
    if (!names.has(id)) names.set(id, ctx.store.payouts.batches.byId(id)?.batch_transfer_id);
    return names.get(id);
  };
}

function summarise(ctx: SandboxContext, row: BatchRow): { summary: BatchSummary; transfers: TransferRow[] } {
  const transfers = ctx.store.payouts.transfers.byBatch(row.cf_batch_transfer_id);
  return {
    summary: {
      row,
      status: batchStatus(transfers.map((t) => t.status as TransferStatus)),
      transfers: transfers.length,
      amount: transfers.reduce((sum, t) => sum + t.amount, 0),
    },
    transfers,
  };
}

/** Transfers to a saved beneficiary, newest first (the store keeps the beneficiary as JSON). */
function transfersTo(ctx: SandboxContext, beneficiaryId: string): TransferRow[] {
  return ctx.store.db
    .prepare<[string, number], TransferRow>(
      `SELECT * FROM payout_transfers WHERE json_extract(beneficiary, '$.beneficiary_id') = ?
       ORDER BY cf_transfer_id DESC LIMIT ?`,
    )
    .all(beneficiaryId, 200);
}

/** The home page's Payouts card. */
export function payoutsSummary(ctx: SandboxContext): Html {
  const count = (table: string) =>
    ctx.store.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n ?? 0;
  return payoutsSummaryCard(payoutBalance(ctx), {
    transfers: count('payout_transfers'),
    beneficiaries: count('payout_beneficiaries'),
  });
}

/**
 * The dashboard's Payouts pages (HTML), beside the JSON admin API under `/_sandbox/payouts/…`
 * whose paths they leave alone:
 *
 * | route | page |
 * |---|---|
 * | `GET /_sandbox/payouts` | balance, 2FA public key, recent transfers, batches, beneficiaries |
 * | `GET /_sandbox/payouts/transfers/{transfer_id}` | a transfer (approve/reject while APPROVAL_PENDING) |
 * | `GET /_sandbox/payouts/beneficiaries/{beneficiary_id}` | a beneficiary and its transfers |
 * | `GET /_sandbox/payouts/batches/{batch_transfer_id}` | a batch and its transfers |
 */
export function payoutsDashboardRoutes(
  ctx: SandboxContext,
  header: () => DashboardHeader,
  send: (c: Context<AppEnv>, page: Html, status?: 200 | 404) => Response,
): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const { beneficiaries, transfers, batches } = ctx.store.payouts;

  const overview = (c: Context<AppEnv>) =>
    send(
      c,
      payoutsPage(header(), {
        settings: {
          balance: payoutBalance(ctx),
          apiBase: `${ctx.config.publicUrl}/payout`,
          clientId: ctx.config.payouts.clientId,
          approvalThreshold: ctx.config.payouts.approvalThreshold,
          publicKey: ctx.config.payouts.twoFactor ? payoutKeyPair(ctx).publicKey : undefined,
          windowSeconds: PAYOUT_SIGNATURE_WINDOW_S,
        },
        beneficiaries: beneficiaries.recent(RECENT),
        transfers: transfers.recent(RECENT),
        batchOf: batchNames(ctx),
        batches: batches.recent(RECENT).map((row) => summarise(ctx, row).summary),
      }),
    );
  r.get('/_sandbox/payouts', overview);
  r.get('/_sandbox/payouts/', overview);

  r.get('/_sandbox/payouts/transfers/:transfer_id', (c) => {
    const id = c.req.param('transfer_id');
    const transfer = transfers.byTransferId(id);
    if (!transfer) return send(c, notFoundPage(header(), `No transfer ${id}.`), 404);
    return send(
      c,
      transferPage(header(), {
        transfer,
        entity: transferEntity(transfer),
        batch: batchNames(ctx)(transfer),
      }),
    );
  });

  r.get('/_sandbox/payouts/beneficiaries/:beneficiary_id', (c) => {
    const id = c.req.param('beneficiary_id');
    const beneficiary = beneficiaries.byId(id);
    if (!beneficiary) return send(c, notFoundPage(header(), `No beneficiary ${id}.`), 404);
    return send(
      c,
      beneficiaryPage(header(), { beneficiary, transfers: transfersTo(ctx, id), batchOf: batchNames(ctx) }),
    );
  });

  r.get('/_sandbox/payouts/batches/:batch_transfer_id', (c) => {
    const id = c.req.param('batch_transfer_id');
    const batch = batches.byBatchId(id);
    if (!batch) return send(c, notFoundPage(header(), `No batch transfer ${id}.`), 404);
    const { summary, transfers: items } = summarise(ctx, batch);
    return send(c, batchPage(header(), { batch: summary, transfers: items }));
  });

  return r;
}

/** The Payouts page of whatever has the id `q` (transfer, cf_transfer_id, beneficiary, batch). */
export function findPayout(ctx: SandboxContext, q: string): string | undefined {
  const { beneficiaries, transfers, batches } = ctx.store.payouts;
  const page = (kind: string, id: string) => `/_sandbox/payouts/${kind}/${encodeURIComponent(id)}`;
  const numeric = /^\d{1,16}$/.test(q) ? Number(q) : undefined;
  const transfer = transfers.byTransferId(q) ?? (numeric === undefined ? undefined : transfers.byId(numeric));
  if (transfer) return page('transfers', transfer.transfer_id);
  if (beneficiaries.byId(q)) return page('beneficiaries', q);
  const batch = batches.byBatchId(q) ?? (numeric === undefined ? undefined : batches.byId(numeric));
  return batch ? page('batches', batch.batch_transfer_id) : undefined;
}
