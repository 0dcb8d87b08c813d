import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { harness } from '../testing/harness.js';

const h = harness();
const dhl = {
  tracking_company: 'DHL',
  tracking_urls: ['https://dhl.com/track/123456'],
  tracking_numbers: ['TRACK123456'],
};

describe('PUT /pg/orders/{order_id}/extended', () => {
  test('records the shipment of a paid order and answers UpdateOrderExtendedDataEntity', async () => {
    const order = await h.paidOrder();
    const res = await h.call('PUT', `/pg/orders/${order.order_id}/extended`, {
      shipment_details: [dhl],
      order_delivery_status: { status: 'SHIPPED', reason: 'handed to DHL' },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, {
      cf_order_id: order.cf_order_id,
      order_id: order.order_id,
      shipment_details: [dhl],
      order_delivery_status: { status: 'SHIPPED', reason: 'handed to DHL' },
    });
  });

  test('a later delivery status keeps the tracking sent before it; new shipments replace the old', async () => {
    const order = await h.paidOrder();
    const path = `/pg/orders/${order.order_id}/extended`;
    await h.call('PUT', path, { shipment_details: [dhl] });
    const delivered = await h.call('PUT', path, { order_delivery_status: { status: 'DELIVERED' } });
    assert.equal(delivered.status, 200);
    assert.deepEqual(delivered.body.shipment_details, [dhl]);
    assert.deepEqual(delivered.body.order_delivery_status, { status: 'DELIVERED' });

    const reshipped = { ...dhl, tracking_company: 'Blue Dart', tracking_numbers: ['BD42'] };
    const replaced = await h.call('PUT', path, { shipment_details: [reshipped] });
    assert.deepEqual(replaced.body.shipment_details, [reshipped]);
    assert.deepEqual(replaced.body.order_delivery_status, { status: 'DELIVERED' });
  });

  test('an unknown order is 404 order_not_found', async () => {
    const res = await h.call('PUT', '/pg/orders/order_nope/extended', { shipment_details: [dhl] });
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'order_not_found');
    assert.equal(res.body.message, 'Order Reference Id does not exist');
  });

  test('bad bodies are refused in Cashfree wording: field path, reason, value received', async () => {
    const order = await h.paidOrder();
    const path = `/pg/orders/${order.order_id}/extended`;
    const cases: [unknown, string, RegExp][] = [
      [{}, 'shipment_details_missing', /^shipment_details : is missing in the request/],
      [{ shipment_details: {} }, 'shipment_details_invalid', /should be an array/],
      [{ shipment_details: [] }, 'shipment_details_invalid', /at least one shipment/],
      [
        { shipment_details: [{ ...dhl, tracking_company: '' }] },
        'shipment_details[0].tracking_company_missing',
        /^shipment_details\[0\]\.tracking_company : is missing in the request/,
      ],
      [
        { shipment_details: [{ ...dhl, tracking_numbers: [] }] },
        'shipment_details[0].tracking_numbers_invalid',
        /at least one item/,
      ],
      [
        { shipment_details: [{ ...dhl, tracking_urls: [42] }] },
        'shipment_details[0].tracking_urls[0]_invalid',
        /Value received: 42$/,
      ],
      [{ order_delivery_status: 'SHIPPED' }, 'order_delivery_status_invalid', /should be an object/],
      [
        { order_delivery_status: { status: 'ARRIVED' } },
        'order_delivery_status.status_invalid',
        /should be one of AWAITING_PICKUP, .*DELIVERED.*Value received: ARRIVED$/,
      ],
      [{ order_delivery_status: {} }, 'order_delivery_status.status_missing', /is missing in the request/],
    ];
    for (const [body, code, message] of cases) {
      const res = await h.call('PUT', path, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.code, code, JSON.stringify(body));
      assert.equal(res.body.type, 'invalid_request_error');
      assert.match(res.body.message, message);
    }
    const nothing = await h.call('GET', `/pg/orders/${order.order_id}`);
    assert.equal(nothing.status, 200);
  });
});
