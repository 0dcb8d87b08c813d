import { ApiRequestsTable } from './api-requests.js';
import { ClockAdvancesTable } from './clock-advances.js';
import { DashboardLists } from './dashboard-lists.js';
import { type Db, IdSequence, type OpenDatabaseOptions, openDatabase } from './database.js';
import { EventsTable } from './events.js';
import { IdempotencyTable } from './idempotency.js';
import { JobsTable } from './jobs.js';
import { LinksTable } from './links.js';
import { MetaTable } from './meta.js';
import { OrderShipmentsTable } from './order-shipments.js';
import { OrdersTable } from './orders.js';
import { PaymentsTable } from './payments.js';
import { PAYOUT_TABLES, PayoutsStore } from './payouts/index.js';
import { RefundsTable } from './refunds.js';
import { SettlementsTable } from './settlements.js';
import { SimulationsTable } from './simulations.js';
import { SUBSCRIPTION_TABLES, SubscriptionsStore } from './subscriptions/index.js';

/** Tables wiped by the admin reset (everything but the schema version and registered webhook endpoints). */
const DATA_TABLES = [
  'orders',
  'order_shipments',
  'payments',
  'refunds',
  'links',
  'settlements',
  'settlement_items',
  'simulations',
  'idempotency_keys',
  'jobs',
  'events',
  'webhook_deliveries',
  'webhook_attempts',
  ...PAYOUT_TABLES,
  ...SUBSCRIPTION_TABLES,
  'api_requests',
  'clock_advances',
  'meta',
] as const;

/**
 * The sandbox's SQLite state: one prepared-statement class per table and an id sequence per
 * Cashfree id. Everything is synchronous (node:sqlite or better-sqlite3), so a transaction never interleaves
 * with another request.
 */
export class Store {
  readonly db: Db;
  readonly meta: MetaTable;
  readonly orders: OrdersTable;
  readonly orderShipments: OrderShipmentsTable;
  readonly payments: PaymentsTable;
  readonly refunds: RefundsTable;
  readonly links: LinksTable;
  readonly settlements: SettlementsTable;
  readonly simulations: SimulationsTable;
  readonly idempotency: IdempotencyTable;
  readonly jobs: JobsTable;
  readonly events: EventsTable;
  readonly payouts: PayoutsStore;
  readonly subscriptions: SubscriptionsStore;
  /** The API request log and the clock advances, for the dashboard. */
  readonly requests: ApiRequestsTable;
  readonly clockAdvances: ClockAdvancesTable;
  /** The dashboard's filtered, paged lists. */
  readonly lists: DashboardLists;
  readonly ids: {
    order: IdSequence;
    payment: IdSequence;
    refund: IdSequence;
    link: IdSequence;
    settlement: IdSequence;
    transfer: IdSequence;
    batchTransfer: IdSequence;
  };

  constructor(file: string, options: OpenDatabaseOptions = {}) {
    const db = openDatabase(file, options);
    this.db = db;
    this.#run = db.transaction((fn: () => unknown) => fn());
    this.meta = new MetaTable(db);
    this.orders = new OrdersTable(db);
    this.orderShipments = new OrderShipmentsTable(db);
    this.payments = new PaymentsTable(db);
    this.refunds = new RefundsTable(db);
    this.links = new LinksTable(db);
    this.settlements = new SettlementsTable(db);
    this.simulations = new SimulationsTable(db);
    this.idempotency = new IdempotencyTable(db);
    this.jobs = new JobsTable(db);
    this.events = new EventsTable(db);
    this.payouts = new PayoutsStore(db, this.meta);
    this.subscriptions = new SubscriptionsStore(db);
    this.requests = new ApiRequestsTable(db);
    this.clockAdvances = new ClockAdvancesTable(db);
    this.lists = new DashboardLists(db, this.requests);
    // Bases mimic the magnitude of Cashfree's ids in its examples.
    this.ids = {
      order: new IdSequence(db, 'orders', 'cf_order_id', 2_149_460_000),
      payment: new IdSequence(db, 'payments', 'cf_payment_id', 5_114_910_796_000),
      refund: new IdSequence(db, 'refunds', 'cf_refund_id', 1_553_338_000),
      link: new IdSequence(db, 'links', 'cf_link_id', 1_996_567_000),
      settlement: new IdSequence(db, 'settlements', 'cf_settlement_id', 6_121_238_000),
      transfer: new IdSequence(db, 'payout_transfers', 'cf_transfer_id', 1_890_000),
      batchTransfer: new IdSequence(db, 'payout_batches', 'cf_batch_transfer_id', 220_000),
    };
  }

  /** Runs `fn` in a transaction (a savepoint when nested). */
  transaction<T>(fn: () => T): T {
    return this.#run(fn) as T;
  }

  // One transaction function for every call: creating it per call costs more than the inserts.
  readonly #run: (fn: () => unknown) => unknown;

  /** Deletes every row. Id sequences keep counting, so an id is never handed out twice by one process. */
  wipe(): void {
    // Requests queued before the reset belong to the data being wiped.
    this.requests.flush();
    this.transaction(() => {
      for (const table of DATA_TABLES) this.db.exec(`DELETE FROM ${table}`);
    });
  }

  /** Row counts per table, for the admin state view. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const table of DATA_TABLES) {
      if (table === 'meta') continue;
      out[table] = (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    return out;
  }

  close(): void {
    if (!this.db.open) return;
    this.requests.flush();
    this.db.close();
  }
}
