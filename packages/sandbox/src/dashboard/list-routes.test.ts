import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HOUR_MS } from '../clock/time.js';
import { harness } from '../testing/harness.js';
import { NAV_SECTIONS } from './pages.js';

type Sandbox = ReturnType<typeof harness>;

async function page(h: Sandbox, path: string) {
  const res = await h.sandbox.request(path);
  return { status: res.status, text: await res.text() };
}

/** The `data-<attr>` values of the table rows on a page, in order. */
function rowIds(text: string, attr: string): string[] {
  return [...text.matchAll(new RegExp(`<tr data-${attr}="([^"]+)"`, 'g'))].map((m) => m[1] ?? '');
}

/** The href of the link with `data-testid=<id>`, unescaped. */
function linkOf(text: string, testId: string): string | undefined {
  const m = new RegExp(`href="([^"]+)"[^>]*data-testid="${testId}"`).exec(text);
  return m?.[1]?.replaceAll('&amp;', '&');
}

describe('the dashboard lists', () => {
  const h = harness();

  test('setup: paid orders by card and UPI, a failed UPI payment, refunds of each speed', async () => {
    for (const id of ['order_list_1', 'order_list_2', 'order_list_3']) await h.paidOrder({ order_id: id });
    const upi = await h.createOrder({ order_id: 'order_list_upi' });
    await h.pay(upi.payment_session_id, { upi: { channel: 'collect', upi_id: 'failure@cashfree' } });
    await h.call('POST', '/pg/orders/order_list_1/refunds', {
      refund_id: 'refund_list_a',
      refund_amount: 10,
    });
    await h.call('POST', '/pg/orders/order_list_2/refunds', {
      refund_id: 'refund_list_b',
      refund_amount: 5,
      refund_speed: 'INSTANT',
    });
    await h.advance(HOUR_MS);
  });

  test('every page has the nav bar with its own section marked', async () => {
    const pages: Array<[string, string]> = [
      ['/_sandbox/', 'Home'],
      ['/_sandbox/orders', 'Orders'],
      ['/_sandbox/payments', 'Payments'],
      ['/_sandbox/refunds', 'Refunds'],
      ['/_sandbox/links', 'Links'],
      ['/_sandbox/settlements', 'Settlements'],
      ['/_sandbox/deliveries', 'Webhooks'],
      ['/_sandbox/requests', 'Requests'],
      ['/_sandbox/advances', 'Clock'],
      ['/_sandbox/payouts', 'Payouts'],
      ['/_sandbox/orders/order_list_1', 'Orders'],
    ];
    for (const [path, section] of pages) {
      const { status, text } = await page(h, path);
      assert.equal(status, 200, path);
      for (const [label, href] of NAV_SECTIONS)
        assert.ok(text.includes(`<a href="${href}"`), `${path} links ${label}`);
      assert.match(text, new RegExp(`aria-current="page">${section}</a>`), `${path} marks ${section}`);
      assert.match(text, /<link rel="icon" href="data:image\/svg\+xml,/, `${path} has the inline favicon`);
      // Outside the API's own JSON (an order's entity), dates are in the one readable style.
      assert.doesNotMatch(
        text.replace(/<pre[\s\S]*?<\/pre>/g, ''),
        /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30/,
        `${path} shows no raw ISO date`,
      );
    }
  });

  test('payments: filtered by status, method and order, each linked to its order', async () => {
    const all = await page(h, '/_sandbox/payments');
    assert.equal(rowIds(all.text, 'payment').length, 4);
    assert.match(all.text, /href="\/_sandbox\/orders\/order_list_upi"/);
    const failed = await page(h, '/_sandbox/payments?status=FAILED');
    assert.equal(rowIds(failed.text, 'payment').length, 1);
    assert.match(failed.text, /order_list_upi/);
    const upi = await page(h, '/_sandbox/payments?method=upi');
    assert.equal(rowIds(upi.text, 'payment').length, 1);
    const cards = await page(h, '/_sandbox/payments?method=card&status=SUCCESS');
    assert.equal(rowIds(cards.text, 'payment').length, 3);
    const one = await page(h, '/_sandbox/payments?order_id=order_list_2');
    assert.equal(rowIds(one.text, 'payment').length, 1);
    assert.match(one.text, /value="order_list_2"/, 'the form keeps the filter');
    const none = await page(h, '/_sandbox/payments?order_id=nobody');
    assert.match(none.text, /No payments match/);
    // A status that is not one is ignored rather than matching nothing.
    assert.equal(rowIds((await page(h, '/_sandbox/payments?status=NOPE')).text, 'payment').length, 4);
  });

  test('refunds: filtered by status, speed, method and order', async () => {
    const all = await page(h, '/_sandbox/refunds');
    assert.deepEqual(rowIds(all.text, 'refund'), ['refund_list_b', 'refund_list_a']);
    assert.match(all.text, /href="\/_sandbox\/orders\/order_list_1"/);
    assert.deepEqual(rowIds((await page(h, '/_sandbox/refunds?speed=INSTANT')).text, 'refund'), [
      'refund_list_b',
    ]);
    assert.deepEqual(rowIds((await page(h, '/_sandbox/refunds?order_id=order_list_1')).text, 'refund'), [
      'refund_list_a',
    ]);
    assert.equal(
      rowIds((await page(h, '/_sandbox/refunds?method=card&status=SUCCESS')).text, 'refund').length,
      2,
    );
    assert.equal(rowIds((await page(h, '/_sandbox/refunds?method=upi')).text, 'refund').length, 0);
  });

  test('paging: pages of 2 go older and back newer without gaps or repeats, keeping the filters', async () => {
    const first = await page(h, '/_sandbox/payments?limit=2&method=card');
    const ids1 = rowIds(first.text, 'payment');
    assert.equal(ids1.length, 2);
    assert.equal(linkOf(first.text, 'newer'), undefined, 'nothing is newer than the first page');
    const older = linkOf(first.text, 'older');
    assert.ok(older?.includes('method=card') && older.includes('limit=2'), older);
    const second = await page(h, older ?? '');
    const ids2 = rowIds(second.text, 'payment');
    assert.equal(ids2.length, 1);
    assert.equal(linkOf(second.text, 'older'), undefined, 'the last page');
    assert.deepEqual(
      [...ids1, ...ids2].map(Number),
      [...ids1, ...ids2].map(Number).sort((a, b) => b - a),
    );
    const back = await page(h, linkOf(second.text, 'newer') ?? '');
    assert.deepEqual(rowIds(back.text, 'payment'), ids1);
    assert.ok(linkOf(second.text, 'newest'));
  });

  test('orders, links, settlements and deliveries list with their filters', async () => {
    const paid = await page(h, '/_sandbox/orders?status=PAID');
    assert.match(paid.text, /order_list_3/);
    assert.doesNotMatch(paid.text, /order_list_upi<\/a>/);
    // Its UPI payment failed and the hour it had went by in setup's advance.
    assert.match((await page(h, '/_sandbox/orders?status=EXPIRED')).text, /order_list_upi<\/a>/);
    assert.match((await page(h, '/_sandbox/orders?order_id=order_list_upi')).text, /order_list_upi<\/a>/);
    assert.match((await page(h, '/_sandbox/links')).text, /No payment links yet/);
    assert.match((await page(h, '/_sandbox/settlements')).text, /No settlements yet/);
    const deliveries = await page(h, '/_sandbox/deliveries');
    assert.equal(deliveries.status, 200);
  });

  test('requests: filtered by status class, method, path and order; one request in full', async () => {
    await h.call('GET', '/pg/orders/order_list_missing');
    const errors = await page(h, '/_sandbox/requests?status=4xx');
    assert.match(errors.text, /GET \/pg\/orders\/order_list_missing/);
    assert.doesNotMatch(errors.text, /POST \/pg\/orders<\/code>/, '2xx calls are left out');
    const ok = await page(h, '/_sandbox/requests?status=2xx&method=POST&path=%2Frefunds');
    const ids = rowIds(ok.text, 'request');
    assert.equal(ids.length, 2, 'the two refunds');
    const byOrder = await page(h, '/_sandbox/requests?order_id=order_list_2');
    assert.match(byOrder.text, /POST \/pg\/orders\/sessions/);
    assert.match(byOrder.text, /POST \/pg\/orders\/order_list_2\/refunds/);

    const one = await page(h, `/_sandbox/requests/${ids[0]}`);
    assert.equal(one.status, 200);
    assert.match(one.text, /data-testid="request-body"[^>]*>[^<]*refund_list_b/);
    assert.match(one.text, /data-testid="response-body"[^>]*>[^<]*cf_refund_id/);
    assert.match(one.text, /x-client-secret&quot;: &quot;\(sent, not stored\)/);
    assert.equal((await page(h, '/_sandbox/requests/999999')).status, 404);

    const order = await page(h, '/_sandbox/orders/order_list_2');
    const section = order.text.slice(order.text.indexOf('data-testid="order-requests"'));
    assert.match(section, /POST \/pg\/orders\/order_list_2\/refunds/);
    assert.match(section, /href="\/_sandbox\/requests\?order_id=order_list_2"/);
  });
});

describe('clock advances', () => {
  const h = harness();

  test('an advance answers, records and shows what it ran, counted from the jobs that really ran', async () => {
    for (const id of ['order_adv_1', 'order_adv_2']) await h.createOrder({ order_id: id });
    await h.paidOrder({ order_id: 'order_adv_paid' });
    await h.call('POST', '/pg/orders/order_adv_paid/refunds', { refund_id: 'refund_adv', refund_amount: 1 });
    const before = (await h.call('GET', '/_sandbox/events?limit=1000')).body as Array<{ id: number }>;
    const pending = (await h.call('GET', '/_sandbox/jobs?limit=1000')).body as Array<{
      kind: string;
      due_at_ms: number;
    }>;
    const dueIn2h = pending.filter((j) => j.due_at_ms <= Date.parse('2025-01-15T12:00:00+05:30'));

    const res = await h.advance(2 * HOUR_MS);
    assert.equal(res.status, 200);
    // Orders open an hour expire, the STANDARD refund is processed: each job that was due ran once.
    const expected: Record<string, number> = {};
    for (const j of dueIn2h) expected[j.kind] = (expected[j.kind] ?? 0) + 1;
    assert.equal(res.body.ran['order.expire'], 2);
    assert.equal(res.body.ran['refund.process'], 1);
    assert.deepEqual(res.body.ran, expected);
    assert.equal(res.body.jobs_run, 3);
    assert.deepEqual(res.body.failed, {});
    const after = (await h.call('GET', `/_sandbox/events?after=${before.at(-1)?.id ?? 0}&limit=1000`))
      .body as Array<{
      type: string;
    }>;
    const events: Record<string, number> = {};
    for (const e of after) events[e.type] = (events[e.type] ?? 0) + 1;
    assert.deepEqual(res.body.events, events);
    assert.ok(after.length > 0);

    const detail = await page(h, `/_sandbox/advances/${res.body.advance_id}`);
    assert.equal(detail.status, 200);
    assert.match(detail.text, /<li data-kind="order.expire"><b>2<\/b> orders expired/);
    assert.match(detail.text, /<li data-kind="refund.process"><b>1<\/b> refunds processed/);
    assert.match(detail.text, /Clock advanced \+2 h/);
    for (const type of Object.keys(events)) assert.ok(detail.text.includes(`data-kind="${type}"`), type);

    const home = await page(h, '/_sandbox/');
    const last = home.text.slice(home.text.indexOf('data-testid="last-advance"'));
    assert.match(last, new RegExp(`href="/_sandbox/advances/${res.body.advance_id}">\\+2 h</a>`));
    assert.match(last, /3 transitions ran/);

    const nothing = await h.advance(1_000);
    assert.deepEqual(nothing.body.ran, {});
    const list = await page(h, '/_sandbox/advances');
    assert.match(list.text, /\+1 s<\/a> to 15 Jan 2025, 12:00:01 IST: 0 transitions ran, 0 events raised/);
    assert.match((await page(h, `/_sandbox/advances/${nothing.body.advance_id}`)).text, /Nothing was due/);
    assert.equal((await page(h, '/_sandbox/advances/0')).status, 404);
  });
});
