import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HOUR_MS } from '../clock/time.js';
import { type Harness, harness } from '../testing/harness.js';
import { payoutCalls, SUCCESS_ACCOUNT } from '../testing/payouts.js';

async function page(h: Harness, path: string) {
  const res = await h.sandbox.request(path);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    location: res.headers.get('location'),
    text: await res.text(),
  };
}

/** The HTML of the element with `data-testid="<id>"` up to its closing tag name. */
function section(text: string, testId: string, tag = 'table'): string {
  const start = text.indexOf(`data-testid="${testId}"`);
  assert.ok(start >= 0, `no ${testId} on the page`);
  return text.slice(start, text.indexOf(`</${tag}>`, start));
}

describe('the Payouts dashboard', () => {
  const h = harness({ payouts: { balance: 5000, approvalThreshold: 1000 } });
  const p = payoutCalls(h);

  test('setup: a beneficiary, a transfer to it, a batch, one waiting for approval', async () => {
    const created = await p.call('POST', '/beneficiary', {
      beneficiary_id: 'tea_estate_01',
      beneficiary_name: 'Darjeeling Tea Estate',
      beneficiary_instrument_details: SUCCESS_ACCOUNT,
    });
    assert.equal(created.status, 201);
    const paid = await p.call('POST', '/transfers', {
      transfer_id: 'pay_tea_1',
      transfer_amount: 250.5,
      beneficiary_details: { beneficiary_id: 'tea_estate_01' },
    });
    assert.equal(paid.status, 200);
    const batch = await p.call('POST', '/transfers/batch', {
      batch_transfer_id: 'pickers_dec',
      transfers: ['picker_1', 'picker_2'].map((transfer_id) => ({
        transfer_id,
        transfer_amount: 10,
        beneficiary_details: {
          beneficiary_name: 'Tea Picker',
          beneficiary_instrument_details: SUCCESS_ACCOUNT,
        },
      })),
    });
    assert.equal(batch.status, 200);
    assert.equal((await p.transfer('big_one', 1500)).status, 200);
    await h.advance(HOUR_MS);
  });

  test('the home page has a Payouts card with the balance and a link to the Payouts page', async () => {
    const home = await page(h, '/_sandbox/');
    const card = section(home.text, 'payouts-summary', 'section');
    assert.match(card, /href="\/_sandbox\/payouts"/);
    assert.match(card, /Balance/);
    assert.match(card, /Transfers<\/span><span>4</);
  });

  test('the Payouts page lists transfers with status, status_code, amount, beneficiary, batch and a readable time', async () => {
    const overview = await page(h, '/_sandbox/payouts');
    assert.equal(overview.status, 200);
    assert.match(overview.type ?? '', /text\/html/);
    const transfers = section(overview.text, 'payout-transfers');
    const tea = transfers.slice(transfers.indexOf('data-transfer="pay_tea_1"'));
    const teaRow = tea.slice(0, tea.indexOf('</tr>'));
    assert.match(teaRow, /href="\/_sandbox\/payouts\/transfers\/pay_tea_1"/);
    assert.match(teaRow, />SUCCESS</);
    assert.match(teaRow, /<td>COMPLETED<\/td>|<td>SENT_TO_BENEFICIARY<\/td>/);
    assert.match(teaRow, /₹250\.50/);
    assert.match(teaRow, /href="\/_sandbox\/payouts\/beneficiaries\/tea_estate_01"/);
    assert.match(teaRow, /15 Jan 2025, 10:00:00 IST/);
    const picker = transfers.slice(transfers.indexOf('data-transfer="picker_1"'));
    assert.match(
      picker.slice(0, picker.indexOf('</tr>')),
      /href="\/_sandbox\/payouts\/batches\/pickers_dec"/,
    );
    const big = transfers.slice(transfers.indexOf('data-transfer="big_one"'));
    assert.match(big.slice(0, big.indexOf('</tr>')), />APPROVAL_PENDING</);
    assert.match(section(overview.text, 'payout-beneficiaries'), /tea_estate_01.*Darjeeling Tea Estate/s);
    assert.match(section(overview.text, 'payout-batches'), /pickers_dec.*<td>2<\/td><td>₹20\.00<\/td>/s);
  });

  test('the balance shown is the admin API’s', async () => {
    const { balance } = (await h.call('GET', '/_sandbox/payouts/balance')).body as { balance: number };
    const overview = await page(h, '/_sandbox/payouts');
    const shown = section(overview.text, 'payouts-balance', 'h2');
    assert.ok(shown.includes(new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2 }).format(balance)));
    assert.ok(balance < 5000, 'the successful transfers were debited');
    // Every amount in one style, the approval threshold too (₹1,000.00, not ₹1000).
    assert.match(overview.text, /transfers of ₹1,000\.00 or more wait for approval/);
  });

  test('a transfer page shows its codes and links, and approve/reject while APPROVAL_PENDING', async () => {
    const tea = await page(h, '/_sandbox/payouts/transfers/pay_tea_1');
    assert.equal(tea.status, 200);
    assert.match(tea.text, /data-testid="payout-transfer"/);
    assert.match(tea.text, /href="\/_sandbox\/payouts\/beneficiaries\/tea_estate_01"/);
    assert.match(tea.text, /GET \/payout\/transfers\?transfer_id=pay_tea_1/);
    assert.doesNotMatch(tea.text, /data-path="[^"]*\/approve"/, 'a settled transfer has nothing to approve');

    const big = await page(h, '/_sandbox/payouts/transfers/big_one');
    const approve = /data-path="([^"]*\/approve)"/.exec(big.text)?.[1];
    assert.equal(approve, '/_sandbox/payouts/transfers/big_one/approve');
    assert.match(big.text, /data-path="\/_sandbox\/payouts\/transfers\/big_one\/reject"/);
    // What the button posts to is the admin API's approve, and the page then shows the move.
    assert.equal((await h.call('POST', approve)).status, 200);
    const after = await page(h, '/_sandbox/payouts/transfers/big_one');
    assert.doesNotMatch(after.text, /data-path="[^"]*\/approve"/);
  });

  test('a beneficiary page lists the transfers to it; a batch page lists its transfers', async () => {
    const tea = await page(h, '/_sandbox/payouts/beneficiaries/tea_estate_01');
    assert.equal(tea.status, 200);
    assert.match(section(tea.text, 'payout-transfers'), /pay_tea_1/);
    assert.doesNotMatch(section(tea.text, 'payout-transfers'), /picker_1/);

    const batch = await page(h, '/_sandbox/payouts/batches/pickers_dec');
    assert.equal(batch.status, 200);
    const items = section(batch.text, 'payout-transfers');
    assert.match(items, /picker_1/);
    assert.match(items, /picker_2/);
    assert.doesNotMatch(items, /pay_tea_1/);
  });

  test('unknown ids are a 404 page', async () => {
    for (const path of [
      '/_sandbox/payouts/transfers/nope',
      '/_sandbox/payouts/beneficiaries/nope',
      '/_sandbox/payouts/batches/nope',
    ]) {
      const res = await page(h, path);
      assert.equal(res.status, 404, path);
      assert.match(res.text, /Not found/);
    }
  });

  test('search finds a transfer by transfer_id or cf_transfer_id, a beneficiary and a batch', async () => {
    const cf = (await p.get('pay_tea_1')).cf_transfer_id as string;
    for (const [q, where] of [
      ['pay_tea_1', '/_sandbox/payouts/transfers/pay_tea_1'],
      [cf, '/_sandbox/payouts/transfers/pay_tea_1'],
      ['tea_estate_01', '/_sandbox/payouts/beneficiaries/tea_estate_01'],
      ['pickers_dec', '/_sandbox/payouts/batches/pickers_dec'],
    ]) {
      const res = await page(h, `/_sandbox/search?q=${q}`);
      assert.equal(res.status, 303, q);
      assert.equal(res.location, where);
    }
  });

  test('the JSON admin API under /_sandbox/payouts keeps answering JSON', async () => {
    const state = await h.sandbox.request('/_sandbox/payouts/state');
    assert.match(state.headers.get('content-type') ?? '', /application\/json/);
  });

  test('with 2FA off the page says so and shows no key', async () => {
    const overview = await page(h, '/_sandbox/payouts');
    assert.match(section(overview.text, 'payouts-2fa', 'section'), /Off/);
    assert.doesNotMatch(overview.text, /BEGIN PUBLIC KEY/);
  });
});

test('with 2FA on the Payouts page shows the public key the admin API gives, and never the private one', async () => {
  const h = harness({ payouts: { twoFactor: true } });
  const { public_key } = (await h.call('GET', '/_sandbox/payouts/two-factor')).body as { public_key: string };
  const overview = await page(h, '/_sandbox/payouts');
  const shown = section(overview.text, 'payouts-public-key', 'pre');
  assert.ok(shown.includes(public_key.trim().split('\n')[1] ?? 'missing'), 'the PEM body is on the page');
  assert.match(overview.text, /data-label="public key"/);
  assert.doesNotMatch(overview.text, /PRIVATE KEY/);
});
