import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness } from '../testing/harness.js';

const h = harness();

async function page(path: string) {
  const res = await h.sandbox.request(path);
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

const rowOf = (text: string, attribute: string, id: string) => {
  const match = new RegExp(`<tr ${attribute}="${id}">(.*?)</tr>`, 's').exec(text);
  assert.ok(match, `a row for ${id}`);
  return match[1]!;
};

test('empty: the list says how to start, the home page has the Subscriptions card', async () => {
  const list = await page('/_sandbox/subscriptions');
  assert.equal(list.status, 200);
  assert.match(list.text, /No subscriptions yet/);
  assert.match(list.text, /No plans yet/);
  assert.match(
    list.text,
    /aria-current="page"[^>]*>Subscriptions|href="\/_sandbox\/subscriptions" aria-current="page"/,
  );
  const home = await page('/_sandbox/');
  assert.match(home.text, /data-testid="subscriptions-summary"/);
  assert.match(home.text, /href="\/_sandbox\/subscriptions"/);
  const missing = await page('/_sandbox/subscriptions/sub_nope');
  assert.equal(missing.status, 404);
  assert.match(missing.text, /No subscription sub_nope/);
});

test('plans and subscriptions are listed; a subscription shows its payments, cycles and refunds', async () => {
  const plan = await h.call('POST', '/pg/plans', {
    plan_id: 'tea_monthly',
    plan_name: 'Tea of the month',
    plan_type: 'PERIODIC',
    plan_recurring_amount: 499,
    plan_max_amount: 999,
    plan_intervals: 1,
    plan_interval_type: 'MONTH',
    plan_max_cycles: 12,
  });
  assert.equal(plan.status, 200);
  const created = await h.call('POST', '/pg/subscriptions', {
    subscription_id: 'sub_dash_1',
    plan_details: { plan_id: 'tea_monthly' },
    customer_details: {
      customer_name: 'Priya <b>Patel</b>',
      customer_email: 'p@example.com',
      customer_phone: '9876543210',
    },
    subscription_meta: { return_url: 'https://shop.example/back' },
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const pending = await page('/_sandbox/subscriptions/sub_dash_1');
  assert.match(pending.text, /Open the mandate checkout/);
  assert.match(pending.text, /No cycle is to come \(the mandate is not authorised yet\)/);
  assert.match(pending.text, /Priya &lt;b&gt;Patel&lt;\/b&gt;/);

  const authorised = await h.call('POST', '/_sandbox/subscriptions/sub_dash_1/authorize', {
    payment_method: 'card',
    reference: '4111111111111111',
  });
  assert.equal(authorised.body.subscription_status, 'ACTIVE');

  const list = await page('/_sandbox/subscriptions');
  const planRow = rowOf(list.text, 'data-plan', 'tea_monthly');
  assert.match(planRow, /Tea of the month/);
  assert.match(planRow, /₹499\.00 every month/);
  assert.match(planRow, /<td>1<\/td>$/);
  const subRow = rowOf(list.text, 'data-subscription', 'sub_dash_1');
  assert.match(subRow, /ACTIVE/);
  assert.match(subRow, /card · XXXXXXXXXXXX1111/);
  // Authorised 15 Jan 2025 10:00 IST: the first debit is a month later.
  assert.match(subRow, /15 Feb 2025, 10:00:00 IST/);
  assert.doesNotMatch(list.text, /4111111111111111/);

  // A month and a day on: cycle 1 is charged; then a refund on it.
  await h.call('POST', '/_sandbox/clock/advance', { days: 32 });
  const payments = (await h.call('GET', '/pg/subscriptions/sub_dash_1/payments')).body as Array<{
    payment_id: string;
    payment_type: string;
    payment_status: string;
  }>;
  const charge = payments.find((p) => p.payment_type === 'CHARGE');
  assert.equal(charge?.payment_status, 'SUCCESS');
  const refund = await h.call('POST', '/pg/subscriptions/sub_dash_1/refunds', {
    payment_id: charge!.payment_id,
    refund_id: 'refund_dash_1',
    refund_amount: 100,
  });
  assert.equal(refund.status, 200, JSON.stringify(refund.body));

  const detail = await page('/_sandbox/subscriptions/sub_dash_1');
  assert.equal(detail.status, 200);
  assert.match(detail.text, /data-subscription-id="sub_dash_1"/);
  assert.match(detail.text, /Cycles started<\/span><span>1 of 12/);
  const chargeRow = rowOf(detail.text, 'data-payment', charge!.payment_id);
  assert.match(chargeRow, /CHARGE/);
  assert.match(chargeRow, /SUCCESS/);
  assert.match(chargeRow, /15 Feb 2025, 10:00:00 IST/);
  assert.ok(detail.text.includes('>AUTH<'));
  const cycles = /data-testid="subscription-cycles">(.*?)<\/table>/s.exec(detail.text)?.[1] ?? '';
  assert.match(cycles, /<td>2<\/td><td>15 Mar 2025, 10:00:00 IST<\/td>/);
  assert.match(cycles, /<td>3<\/td><td>15 Apr 2025, 10:00:00 IST<\/td>/);
  assert.match(cycles, /<td>4<\/td><td>15 May 2025, 10:00:00 IST<\/td>/);
  const refundRow = rowOf(detail.text, 'data-refund', 'refund_dash_1');
  assert.match(refundRow, /₹100\.00/);
  assert.ok(refundRow.includes(charge!.payment_id));
  assert.doesNotMatch(detail.text, /4111111111111111/);
  assert.doesNotMatch(detail.text, new RegExp(h.sandbox.secretKey));

  const home = await page('/_sandbox/');
  const card = /data-testid="subscriptions-summary">(.*?)<\/section>/s.exec(home.text)?.[1] ?? '';
  assert.match(card, /Plans<\/span><span>1/);
  assert.match(card, /Active<\/span><span>1/);

  for (const q of ['sub_dash_1', created.body.cf_subscription_id, created.body.subscription_session_id]) {
    const found = await page(`/_sandbox/search?q=${encodeURIComponent(q)}`);
    assert.equal(found.status, 303, q);
    assert.equal(found.location, '/_sandbox/subscriptions/sub_dash_1');
  }
});

test('an ON_DEMAND subscription has no cycles; a finished plan lists none beyond its last', async () => {
  await h.call('POST', '/pg/subscriptions', {
    subscription_id: 'sub_dash_demand',
    plan_details: { plan_name: 'Top-ups', plan_type: 'ON_DEMAND', plan_max_amount: 2000 },
    customer_details: {
      customer_name: 'Ravi',
      customer_phone: '9876543210',
      customer_email: 'r@example.com',
    },
  });
  await h.call('POST', '/_sandbox/subscriptions/sub_dash_demand/authorize', {});
  const demand = await page('/_sandbox/subscriptions/sub_dash_demand');
  assert.match(demand.text, /An ON_DEMAND plan has no cycles/);
  assert.match(demand.text, /on demand, up to ₹2,000\.00/);

  await h.call('POST', '/pg/subscriptions', {
    subscription_id: 'sub_dash_two',
    plan_details: {
      plan_name: 'Two weeks',
      plan_type: 'PERIODIC',
      plan_amount: 50,
      plan_max_amount: 50,
      plan_intervals: 1,
      plan_interval_type: 'WEEK',
      plan_max_cycles: 2,
    },
    customer_details: {
      customer_name: 'Ravi',
      customer_phone: '9876543210',
      customer_email: 'r@example.com',
    },
  });
  await h.call('POST', '/_sandbox/subscriptions/sub_dash_two/authorize', { payment_method: 'card' });
  const two = await page('/_sandbox/subscriptions/sub_dash_two');
  const cycles = /data-testid="subscription-cycles">(.*?)<\/table>/s.exec(two.text)?.[1] ?? '';
  assert.equal((cycles.match(/<tr><td>\d+<\/td>/g) ?? []).length, 2);
});
