import type { InboxRecord, WebhookInboxStore } from '../store.js';

/**
 * An in-process store: for tests, and for a single process that may lose events on restart.
 * Several inboxes sharing one memory store behave like instances sharing a database.
 *
 * @example
 * const store = createMemoryInboxStore();
 * const inbox = createWebhookInbox({ store, handler: async (event) => console.log(event.type) });
 */
export function createMemoryInboxStore(): WebhookInboxStore {
  const records = new Map<string, InboxRecord>();
  // Copies in and out, so callers can never mutate what the store holds.
  const copy = (record: InboxRecord): InboxRecord => ({ ...record });

  return {
    async record({ key, type, payload, now }) {
      const existing = records.get(key);
      if (existing) {
        existing.deliveries++;
        return { recorded: false, record: copy(existing) };
      }
      const record: InboxRecord = {
        key,
        type,
        payload,
        status: 'pending',
        attempts: 0,
        deliveries: 1,
        receivedAt: now,
        nextAttemptAt: now,
        lockedBy: null,
        lockedUntil: null,
        lastError: null,
        completedAt: null,
      };
      records.set(key, record);
      return { recorded: true, record: copy(record) };
    },
    async claim({ workerId, now, leaseMs, limit }) {
      const due = [...records.values()]
        .filter(
          (r) =>
            (r.status === 'pending' && r.nextAttemptAt <= now) ||
            (r.status === 'processing' && (r.lockedUntil ?? 0) <= now),
        )
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.receivedAt - b.receivedAt)
        .slice(0, limit);
      for (const record of due) {
        Object.assign(record, {
          status: 'processing',
          lockedBy: workerId,
          lockedUntil: now + leaseMs,
          attempts: record.attempts + 1,
        });
      }
      return due.map(copy);
    },
    async renew(key, workerId, lockedUntil) {
      const record = records.get(key);
      if (record?.status !== 'processing' || record.lockedBy !== workerId) return false;
      record.lockedUntil = lockedUntil;
      return true;
    },
    async settle(key, workerId, outcome) {
      const record = records.get(key);
      if (record?.status !== 'processing' || record.lockedBy !== workerId) return false;
      Object.assign(record, { status: outcome.status, lockedBy: null, lockedUntil: null });
      if (outcome.status === 'pending')
        Object.assign(record, { nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.error });
      if (outcome.status === 'dead')
        Object.assign(record, { completedAt: outcome.at, lastError: outcome.error });
      if (outcome.status === 'done') record.completedAt = outcome.at;
      return true;
    },
    async get(key) {
      const record = records.get(key);
      return record && copy(record);
    },
    async list({ status, limit = Number.POSITIVE_INFINITY } = {}) {
      return [...records.values()]
        .filter((r) => status === undefined || r.status === status)
        .sort((a, b) => a.receivedAt - b.receivedAt)
        .slice(0, limit)
        .map(copy);
    },
    async redrive(key, now) {
      const record = records.get(key);
      if (record?.status !== 'dead') return false;
      Object.assign(record, { status: 'pending', attempts: 0, nextAttemptAt: now, completedAt: null });
      return true;
    },
  };
}
