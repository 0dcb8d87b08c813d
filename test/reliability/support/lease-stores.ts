/**
 * Two inbox stores on the same data, as two app instances would have them: one memory store
 * shared, two SQLite stores on one file, or two PostgreSQL stores on separate pools in a schema of
 * their own. Everything opened is closed (and the schema dropped) when the test ends; PostgreSQL
 * needs CASHFREE_KIT_PG_URL and is skipped (or fails, under CI) without it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { createMemoryInboxStore, type WebhookInboxStore } from 'cashfree-kit/webhooks/inbox';
import { createPostgresInboxStore } from 'cashfree-kit/webhooks/inbox/postgres';
import { createSqliteInboxStore } from 'cashfree-kit/webhooks/inbox/sqlite';
import pg from 'pg';
import { prerequisite } from '../../support/prerequisites.ts';

export type StoreKind = 'memory' | 'SQLite' | 'PostgreSQL';

/** Two stores over one set of records, or undefined when the kind's prerequisite is missing. */
export async function twoStoresOnOneDatabase(
  t: TestContext,
  kind: StoreKind,
): Promise<[WebhookInboxStore, WebhookInboxStore] | undefined> {
  if (kind === 'memory') {
    const store = createMemoryInboxStore();
    return [store, store];
  }
  if (kind === 'SQLite') {
    const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-lease-'));
    const filename = join(dir, 'inbox.db');
    const stores = [createSqliteInboxStore({ filename }), createSqliteInboxStore({ filename })] as const;
    t.after(async () => {
      for (const store of stores) await store.close?.();
      rmSync(dir, { recursive: true, force: true });
    });
    return [stores[0], stores[1]];
  }
  const url = process.env['CASHFREE_KIT_PG_URL'];
  const available = prerequisite(
    t,
    Boolean(url),
    'PostgreSQL (CASHFREE_KIT_PG_URL)',
    'Start a throwaway server on 127.0.0.1 and export CASHFREE_KIT_PG_URL; .ci/run does this.',
  );
  if (!available || !url) return undefined;
  const schema = `cfk_lease_${randomUUID().replaceAll('-', '')}`;
  const pools = [
    new pg.Pool({ connectionString: url, max: 2 }),
    new pg.Pool({ connectionString: url, max: 2 }),
  ];
  t.after(async () => {
    await pools[0]?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all(pools.map((pool) => pool.end()));
  });
  return [
    createPostgresInboxStore({ pool: pools[0] as pg.Pool, schema }),
    createPostgresInboxStore({ pool: pools[1] as pg.Pool, schema }),
  ];
}
