// Helper process (the renewal benchmark's limit): a plain insert loop of the rows a year of
// renewals stores, and nothing else, on the SQLite driver the sandbox uses on this Node (node:sqlite
// on 22.13+, else better-sqlite3) through the sandbox's own seam, so the limit and the sandbox bind
// and commit the same way: the sandbox's own schema for those tables (its
// indexes included) in a fresh database file with the sandbox's settings (WAL,
// synchronous=NORMAL), and for each cycle one transaction inserting, per subscription, copies of
// the rows the sandbox stored for one renewal (the charge, its events, their deliveries) with
// their keys made unique. No scheduler, no state machine, no JSON built, no HTTP.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openSqlite } from '../../packages/sandbox/src/store/sqlite/index.ts';
import { serveCommands } from '../lib/processes.js';

type Row = Record<string, unknown>;

interface Templates {
  schema: string[];
  charge: Row;
  events: Row[];
  deliveries: Row[];
}

const dir = mkdtempSync(join(tmpdir(), 'cashfree-bench-insert-loop-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** `INSERT INTO table (columns) VALUES (@columns)` for the columns of `row` but `omit`. */
function insertFor(db: Db, table: string, row: Row, omit: readonly string[]) {
  const columns = Object.keys(row).filter((c) => !omit.includes(c));
  return db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
}

function run({
  templates,
  subscriptions,
  months,
}: {
  templates: Templates;
  subscriptions: number;
  months: number;
}) {
  const file = join(dir, 'insert-loop.db');
  const db = openSqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const sql of templates.schema) db.exec(sql);
  // Autoincrement keys are left to SQLite; the other keys are made unique per copy.
  const { cf_payment_id: _payment, ...charge } = templates.charge;
  const events = templates.events.map(({ id: _id, ...event }) => event);
  const deliveries = templates.deliveries.map(({ seq: _seq, ...delivery }) => delivery);
  const insertCharge = insertFor(db, 'subscription_payments', charge, []);
  const insertEvent = insertFor(db, 'events', events[0] ?? {}, []);
  const insertDelivery = insertFor(db, 'webhook_deliveries', deliveries[0] ?? {}, []);
  // The deliveries of each event (one per endpoint), matched once, not per row.
  const deliveriesOf = events.map((event) => deliveries.filter((d) => d['event_type'] === event['type']));
  let delivery = 0;
  const started = performance.now();
  for (let m = 1; m <= months; m++) {
    db.transaction(() => {
      for (let s = 0; s < subscriptions; s++) {
        insertCharge.run({ ...charge, cf_subscription_id: s, payment_id: `cycle_${s}_${m}`, cycle: m });
        for (const [e, event] of events.entries()) {
          const eventId = Number(insertEvent.run(event).lastInsertRowid);
          for (const d of deliveriesOf[e]!) {
            insertDelivery.run({ ...d, id: `wd_${delivery++}`, event_id: eventId });
          }
        }
      }
    })();
  }
  const ms = performance.now() - started;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const rows = months * subscriptions * (1 + events.length + deliveries.length);
  return { ms, rows, dbBytes: statSync(file).size, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}

serveCommands({}, { run });
