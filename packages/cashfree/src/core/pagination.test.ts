import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type CursorPage, PagePromise, toCursorPage } from './pagination.js';

describe('toCursorPage', () => {
  test('reads the documented page shape', () => {
    assert.deepEqual(toCursorPage({ cursor: 'c2', limit: 2, data: [1, 2] }), {
      data: [1, 2],
      cursor: 'c2',
      limit: 2,
    });
  });

  test('a null or empty cursor ends the pages', () => {
    assert.equal(toCursorPage({ cursor: null, data: [1] }).cursor, null);
    assert.equal(toCursorPage({ cursor: '', data: [1] }).cursor, null);
  });

  test('a single entity (as the contract types POST /settlements) is a one-item last page', () => {
    const settlement = { cf_settlement_id: '1', settlement_amount: 88.2 };
    assert.deepEqual(toCursorPage(settlement), { data: [settlement], cursor: null, limit: undefined });
  });

  test('a bare array, an empty body and a page without data are read defensively', () => {
    assert.deepEqual(toCursorPage([1, 2]), { data: [1, 2], cursor: null, limit: undefined });
    assert.deepEqual(toCursorPage(undefined), { data: [], cursor: null, limit: undefined });
    assert.deepEqual(toCursorPage({ cursor: null, limit: 10 }), { data: [], cursor: null, limit: 10 });
  });
});

describe('PagePromise', () => {
  function pages(book: Record<string, CursorPage<number>>) {
    const requested: (string | null)[] = [];
    const promise = new PagePromise<number>(async (cursor) => {
      requested.push(cursor);
      const page = book[cursor ?? 'first'];
      if (!page) throw new Error(`no page ${cursor}`);
      return page;
    });
    return { promise, requested };
  }

  const book = {
    first: { data: [1, 2], cursor: 'b', limit: 2 },
    b: { data: [3, 4], cursor: 'c', limit: 2 },
    c: { data: [5], cursor: null, limit: 2 },
  };

  test('await gives the first page only', async () => {
    const { promise, requested } = pages(book);
    assert.deepEqual(await promise, book.first);
    assert.deepEqual(requested, [null]);
  });

  test('for await iterates every item across the pages, fetching each page once', async () => {
    const { promise, requested } = pages(book);
    const items: number[] = [];
    for await (const item of promise) items.push(item);
    assert.deepEqual(items, [1, 2, 3, 4, 5]);
    assert.deepEqual(requested, [null, 'b', 'c']);
  });

  test('awaiting then iterating reuses the first page', async () => {
    const { promise, requested } = pages(book);
    await promise;
    assert.deepEqual(await promise.toArray(), [1, 2, 3, 4, 5]);
    assert.deepEqual(requested, [null, 'b', 'c']);
  });

  test('a repeated cursor or an empty page stops the iteration', async () => {
    const loop = pages({
      first: { data: [1], cursor: 'x', limit: 1 },
      x: { data: [2], cursor: 'x', limit: 1 },
    });
    assert.deepEqual(await loop.promise.toArray(), [1, 2]);
    const empty = pages({
      first: { data: [1], cursor: 'e', limit: 1 },
      e: { data: [], cursor: 'f', limit: 1 },
    });
    assert.deepEqual(await empty.promise.toArray(), [1]);
    assert.deepEqual(empty.requested, [null, 'e']);
  });

  test('errors reach await, catch and the iterator', async () => {
    const broken = pages({ first: { data: [1], cursor: 'missing', limit: 1 } });
    await assert.rejects(broken.promise.toArray(), /no page missing/);
    const failing = new PagePromise<number>(async () => {
      throw new Error('down');
    });
    await assert.rejects(async () => {
      await failing;
    }, /down/);
    assert.equal(await failing.catch(() => 'caught'), 'caught');
  });
});
