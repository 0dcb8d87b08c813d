import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ELIGIBILITY_METHOD_TYPES } from 'cashfree-kit';
import { harness } from '../testing/harness.js';

const h = harness();
const path = '/pg/eligibility/payment_methods';
const EMULATED = ['credit_card', 'debit_card', 'corporate_credit_card', 'upi', 'netbanking', 'wallet'];

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field.
const eligibleTypes = (body: any[]) => body.filter((m) => m.eligibility).map((m) => m.entity_value);

describe('POST /pg/eligibility/payment_methods', () => {
  test('an amount: every method type of the contract, the ones the sandbox emulates eligible', async () => {
    const res = await h.call('POST', path, { queries: { amount: 100 } });
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.map((m: { entity_value: string }) => m.entity_value),
      [...ELIGIBILITY_METHOD_TYPES],
    );
    assert.deepEqual(eligibleTypes(res.body).sort(), [...EMULATED].sort());
    for (const m of res.body) assert.equal(m.entity_type, 'payment_methods');
    const paylater = res.body.find((m: { entity_value: string }) => m.entity_value === 'paylater');
    assert.deepEqual(paylater.entity_details, { payment_method_details: [] });
  });

  test('the instruments are the sandbox’s own: the test bank and code, card networks, wallet providers', async () => {
    const res = await h.call('POST', path, { queries: { amount: 499.5 } });
    const of = (type: string) =>
      res.body.find((m: { entity_value: string }) => m.entity_value === type).entity_details
        .payment_method_details;
    assert.deepEqual(of('netbanking'), [
      { nick: 'test_bank', display: 'TEST Bank', code: 3333, eligibility: true },
    ]);
    assert.deepEqual(
      of('debit_card').map((d: { nick: string }) => d.nick),
      ['visa', 'mastercard', 'rupay'],
    );
    assert.deepEqual(
      of('corporate_credit_card').map((d: { nick: string }) => d.nick),
      ['visa', 'mastercard'],
    );
    assert.ok(of('wallet').some((d: { nick: string }) => d.nick === 'phonepe'));
    // The test bank's code pays: the answer is what Order Pay takes.
    const order = await h.createOrder();
    const paid = await h.pay(order.payment_session_id, {
      netbanking: { channel: 'link', netbanking_bank_code: of('netbanking')[0].code },
    });
    assert.equal(paid.status, 200);
  });

  test('filters.payment_methods narrows the answer, in the contract’s order', async () => {
    const res = await h.call('POST', path, {
      queries: { amount: 100 },
      filters: { payment_methods: ['paypal', 'netbanking', 'upi'] },
    });
    assert.deepEqual(
      res.body.map((m: { entity_value: string; eligibility: boolean }) => [m.entity_value, m.eligibility]),
      [
        ['upi', true],
        ['netbanking', true],
        ['paypal', false],
      ],
    );
  });

  test('an order: its order_meta.payment_methods decides, and a paid order can pay with nothing', async () => {
    const upiOnly = await h.createOrder({ order_meta: { payment_methods: 'upi,cc' } });
    const res = await h.call('POST', path, { queries: { order_id: upiOnly.order_id } });
    assert.equal(res.status, 200);
    assert.deepEqual(eligibleTypes(res.body).sort(), ['corporate_credit_card', 'credit_card', 'upi']);

    const paid = await h.paidOrder();
    const after = await h.call('POST', path, { queries: { order_id: paid.order_id } });
    assert.deepEqual(eligibleTypes(after.body), []);
  });

  test('an unknown order is 404 order_not_found', async () => {
    const res = await h.call('POST', path, { queries: { order_id: 'order_nope' } });
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'order_not_found');
  });

  test('bad bodies are refused in Cashfree wording', async () => {
    const cases: [unknown, string, RegExp][] = [
      [[], 'request_body_invalid', /should be a JSON object/],
      [{}, 'queries_missing', /^queries : is missing in the request/],
      [{ queries: {} }, 'queries_invalid', /should have an order_id or an amount/],
      [{ queries: { amount: 0.5 } }, 'queries.amount_invalid', /^queries\.amount : Invalid amount entered/],
      [{ queries: { order_id: 'ab' } }, 'queries.order_id_invalid', /between 3 and 50 characters/],
      [
        { queries: { amount: 100 }, filters: { payment_methods: ['nb'] } },
        'filters.payment_methods_invalid',
        /should list only debit_card, .*Value received: \["nb"\]$/,
      ],
    ];
    for (const [body, code, message] of cases) {
      const res = await h.call('POST', path, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.code, code, JSON.stringify(body));
      assert.match(res.body.message, message);
    }
  });
});
