import { DAY_MS, parseIsoInstant } from '../clock/time.js';
import { badRequest } from '../http/errors.js';
import type { SettlementFilter } from '../store/settlements.js';
import { bodyReader, type FieldReader, invalid } from './fields.js';

/** A validated `POST /settlements` or `/settlement/recon` request. */
export interface SettlementQuery {
  filter: SettlementFilter;
  limit: number;
  /** The last id of the previous page (0 for the first page). */
  afterId: number;
}

/** Cursors are opaque to callers; inside they carry the last id of the page. */
export function encodeCursor(lastId: number): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString('base64url');
}

function decodeCursor(cursor: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    return typeof parsed.after === 'number' && Number.isInteger(parsed.after) ? parsed.after : undefined;
  } catch {
    return undefined;
  }
}

function date(f: FieldReader, key: string, endOfDay: boolean): number | undefined {
  const text = f.string(key);
  if (text === undefined) return undefined;
  const at = parseIsoInstant(text);
  if (at === undefined) throw invalid(f.path(key), 'should be a date or ISO 8601 date-time', text);
  // A bare date as end_date means the whole of that day.
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? at + DAY_MS - 1 : at;
}

function stringList(f: FieldReader, key: string): string[] | undefined {
  const list = f.array(key);
  if (list === undefined) return undefined;
  return list.map((item, i) => {
    if (typeof item !== 'string' && typeof item !== 'number')
      throw invalid(`${f.path(key)}[${i}]`, 'should be a string', item);
    return String(item);
  });
}

/**
 * Validates FetchSettlementsRequest / SettlementFetchReconRequest: `pagination.limit` (1–1000),
 * an optional `pagination.cursor`, and `filters` with settlement ids, UTRs, or a date range.
 */
export function parseSettlementQuery(body: unknown): SettlementQuery {
  const r = bodyReader(body);
  const pagination = r.object('pagination', { required: true })!;
  const limit = pagination.number('limit', { required: true, integer: true, min: 1 })!;
  if (limit > 1000) throw invalid('pagination.limit', 'should be at most 1000', limit);
  const cursor = pagination.string('cursor');
  let afterId = 0;
  if (cursor !== undefined) {
    const decoded = decodeCursor(cursor);
    if (decoded === undefined)
      throw invalid('pagination.cursor', 'is not a cursor returned by this API', cursor);
    afterId = decoded;
  }
  const filters = r.object('filters', { required: true })!;
  const ids = stringList(filters, 'cf_settlement_ids');
  const utrs = stringList(filters, 'settlement_utrs');
  const from = date(filters, 'start_date', false);
  const till = date(filters, 'end_date', true);
  if (!ids?.length && !utrs?.length && (from === undefined || till === undefined)) {
    throw badRequest(
      'filters_invalid',
      `filters : should contain cf_settlement_ids, settlement_utrs, or both start_date and end_date. Value received: ${JSON.stringify(filters.value)}`,
    );
  }
  const filter: SettlementFilter = {};
  if (ids?.length) {
    filter.cfSettlementIds = ids.map((id, i) => {
      if (!/^\d{1,16}$/.test(id))
        throw invalid(`filters.cf_settlement_ids[${i}]`, 'should be a settlement id', id);
      return Number(id);
    });
  }
  if (utrs?.length) filter.utrs = utrs;
  if (from !== undefined) filter.from = from;
  if (till !== undefined) filter.till = till;
  return { filter, limit, afterId };
}
