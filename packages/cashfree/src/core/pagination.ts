/**
 * Cursor pagination for Cashfree's list endpoints (`POST /settlements`, `POST /settlement/recon`):
 * the request body carries `pagination: { limit, cursor }` (cursor `null` for the first page) and
 * the response carries the `cursor` of the next page.
 */

/**
 * One page of results. `cursor` is `null` on the last page.
 *
 * @example
 * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
 * const page: CursorPage<SettlementSummary> = await cashfree.settlements.list(query);
 * if (page.cursor !== null) console.log('more settlements on the next page');
 */
export interface CursorPage<Item> {
  data: Item[];
  cursor: string | null;
  limit: number | undefined;
}

/**
 * The result of a paginated call: `await` it for the first page, or `for await` over it for every
 * item across all pages (fetched one page at a time, on demand).
 *
 * @example
 * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
 * const first = await cashfree.settlements.recon(query); // { data, cursor, limit }
 * for await (const event of cashfree.settlements.recon(query)) console.log(event.event_details?.event_type);
 */
export class PagePromise<Item> implements PromiseLike<CursorPage<Item>>, AsyncIterable<Item> {
  readonly #fetchPage: (cursor: string | null) => Promise<CursorPage<Item>>;
  #firstPage: Promise<CursorPage<Item>> | undefined;

  /** @param fetchPage fetches the page that starts at `cursor` (`null` for the first page) */
  constructor(fetchPage: (cursor: string | null) => Promise<CursorPage<Item>>) {
    this.#fetchPage = fetchPage;
  }

  /**
   * The first page, fetched once however often it is awaited or iterated.
   *
   * @example
   * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
   * const { data, cursor } = await cashfree.settlements.list(query).firstPage();
   */
  firstPage(): Promise<CursorPage<Item>> {
    this.#firstPage ??= this.#fetchPage(null);
    return this.#firstPage;
  }

  /**
   * Makes the pager awaitable: `await pager` is its first page.
   *
   * @example
   * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
   * const first = await cashfree.settlements.list(query); // calls then() for you
   */
  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is meant to be awaited.
  then<Result1 = CursorPage<Item>, Result2 = never>(
    onFulfilled?: ((page: CursorPage<Item>) => Result1 | PromiseLike<Result1>) | null,
    onRejected?: ((reason: unknown) => Result2 | PromiseLike<Result2>) | null,
  ): Promise<Result1 | Result2> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  /**
   * Like `Promise.prototype.catch`, for the first page.
   *
   * @example
   * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
   * const first = await cashfree.settlements.list(query).catch(() => undefined);
   */
  catch<Result = never>(
    onRejected?: ((reason: unknown) => Result | PromiseLike<Result>) | null,
  ): Promise<CursorPage<Item> | Result> {
    return this.firstPage().catch(onRejected);
  }

  /**
   * Every page in order, starting with the first. Stops at a page without a cursor, an empty page,
   * or a cursor that repeats (so a misbehaving server cannot loop forever).
   *
   * @example
   * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
   * for await (const page of cashfree.settlements.list(query).pages()) console.log(page.data.length);
   */
  async *pages(): AsyncGenerator<CursorPage<Item>, void, undefined> {
    let page = await this.firstPage();
    const seen = new Set<string>();
    for (;;) {
      yield page;
      const next = page.cursor;
      if (!next || page.data.length === 0 || seen.has(next)) return;
      seen.add(next);
      page = await this.#fetchPage(next);
    }
  }

  /**
   * Every item of every page, fetched one page at a time as the loop needs them.
   *
   * @example
   * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
   * let settled = 0;
   * for await (const settlement of cashfree.settlements.list(query)) settled += settlement.amount_settled ?? 0;
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /**
   * Collects every item of every page into one array (mind the size: `limit` ≤ 1000 per page).
   *
   * @example
   * const query: SettlementsQuery = { filters: { start_date: '2025-01-01T00:00:00Z', end_date: '2025-01-31T23:59:59Z' } };
   * const events = await cashfree.settlements.recon(query).toArray();
   */
  async toArray(): Promise<Item[]> {
    const items: Item[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}

/**
 * Reads any response shape into a page. Cashfree documents `{ cursor, limit, data: [...] }`, but
 * the 2025-01-01 contract types `POST /settlements` as a single settlement: a bare object is read
 * as a one-item last page, and a bare array as a last page.
 */
export function toCursorPage<Item>(body: unknown): CursorPage<Item> {
  if (Array.isArray(body)) return { data: body as Item[], cursor: null, limit: undefined };
  if (typeof body !== 'object' || body === null) return { data: [], cursor: null, limit: undefined };
  const record = body as Record<string, unknown>;
  const isPage = Array.isArray(record['data']) || 'cursor' in record || 'limit' in record;
  if (!isPage) return { data: [body as Item], cursor: null, limit: undefined };
  const data = Array.isArray(record['data']) ? (record['data'] as Item[]) : [];
  const cursor = typeof record['cursor'] === 'string' && record['cursor'] !== '' ? record['cursor'] : null;
  const limit = typeof record['limit'] === 'number' ? record['limit'] : undefined;
  return { data, cursor, limit };
}
