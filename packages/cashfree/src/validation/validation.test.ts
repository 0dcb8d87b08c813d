/**
 * Validation before the wire: each bad input is rejected with the field path, the value received
 * and the fix, and nothing is sent.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rejection, seedOrder, testClient } from '../../test/support.js';
import { ValidationError } from '../core/errors.js';
import type { CreateLinkRequest } from '../resources/links.js';
import type { CreateOrderRequest } from '../resources/orders.js';

async function orderError(change: (order: CreateOrderRequest) => void): Promise<ValidationError> {
  const { client, fetch } = testClient();
  const order = seedOrder();
  change(order);
  const error = await rejection(() => client.orders.create(order));
  assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
  assert.equal(fetch.calls.length, 0, 'nothing may be sent');
  return error;
}

function seedLink(): CreateLinkRequest {
  return {
    link_id: 'link_001',
    link_amount: 999.0,
    link_currency: 'INR',
    link_purpose: 'Course fee',
    customer_details: {
      customer_name: 'Rahul Sharma',
      customer_phone: '9876543210',
      customer_email: 'rahul@example.com',
    },
    link_notify: { send_sms: true, send_email: true },
  };
}

describe('order validation', () => {
  test('the seed example passes and is sent unchanged', async () => {
    const { client, fetch } = testClient();
    await client.orders.create(seedOrder());
    assert.deepEqual(fetch.lastCall?.json, seedOrder());
  });

  test('order_id: length 3..45 (the contract’s) and letters, digits, _ and -', async () => {
    const short = await orderError((o) => {
      o.order_id = 'ab';
    });
    assert.equal(short.field, 'order_id');
    assert.equal(short.value, 'ab');
    assert.equal(
      short.message,
      "order_id: must be 3 to 45 characters long, not 2; received 'ab'. Use a longer id, e.g. 'ab0'.",
    );

    const long = await orderError((o) => {
      o.order_id = 'o'.repeat(46);
    });
    assert.match(
      long.message,
      /^order_id: must be 3 to 45 characters long, not 46; .* Shorten it to 45 characters\.$/,
    );

    const chars = await orderError((o) => {
      o.order_id = 'order #1/2';
    });
    assert.equal(
      chars.message,
      "order_id: contains ' ', '#', '/'; only letters, digits, '_' and '-' are allowed; received 'order #1/2'. Send e.g. 'order__1_2'.",
    );

    const number = await orderError((o) => {
      o.order_id = 12345 as never;
    });
    assert.match(
      number.message,
      /order_id: must be a string; received 12345 \(a number\)\. Send order_id as a string such as '12345'\./,
    );
  });

  test('order_id may be 45 characters (the contract’s maximum) or left out', async () => {
    const { client, fetch } = testClient();
    await client.orders.create({ ...seedOrder(), order_id: 'o'.repeat(45) });
    const { order_id: _dropped, ...withoutId } = seedOrder();
    await client.orders.create(withoutId);
    assert.equal(fetch.calls.length, 2);
  });

  test('order_amount: a finite number ≥ 1 in rupees with at most 2 decimals', async () => {
    const paiseLike = await orderError((o) => {
      o.order_amount = 499.999;
    });
    assert.equal(paiseLike.field, 'order_amount');
    assert.match(
      paiseLike.message,
      /^order_amount: has more than 2 decimals; received 499\.999 \(a number\)\. Send at most 2 decimals, e\.g\. 499\.99\. Amounts are in rupees with up to 2 decimals, not paise/,
    );

    const zero = await orderError((o) => {
      o.order_amount = 0.5;
    });
    assert.match(
      zero.message,
      /^order_amount: must be at least 1; received 0\.5 \(a number\)\. Amounts are in rupees/,
    );

    const text = await orderError((o) => {
      o.order_amount = '499.00' as never;
    });
    assert.match(
      text.message,
      /order_amount: must be a number; received '499\.00'\. Send it as a number: 499\./,
    );

    const huge = await orderError((o) => {
      o.order_amount = 1e21;
    });
    assert.match(huge.message, /^order_amount: must be at most 90071992547409; received 1e\+21/);

    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -10, undefined, null]) {
      const error = await orderError((o) => {
        o.order_amount = bad as never;
      });
      assert.equal(error.field, 'order_amount', String(bad));
      assert.match(error.message, /rupees/);
    }
  });

  test('customer_details.customer_phone: exactly 10 digits, with the exact fix for common mistakes', async () => {
    const cases: [unknown, string][] = [
      ['+919876543210', "Send '9876543210' without +91."],
      ['919876543210', "Send '9876543210' without the 91 country code."],
      ['+91 98765 43210', "Send '9876543210' without +91 and spaces."],
      ['09876543210', "Send '9876543210' without the leading 0."],
      ['98765-43210', "Send '9876543210' without spaces or punctuation."],
      ['(987) 654-3210', "Send '9876543210' without spaces or punctuation."],
      ['987654321', "Send the customer's 10-digit mobile number without +91, e.g. '9876543210'."],
      ['98765432101234', "Send the customer's 10-digit mobile number without +91, e.g. '9876543210'."],
      [9876543210, "Send it as a string, e.g. '9876543210'."],
      [undefined, "Send it as a string, e.g. '9876543210'."],
    ];
    for (const [phone, fix] of cases) {
      const error = await orderError((o) => {
        o.customer_details.customer_phone = phone as never;
      });
      assert.equal(error.field, 'customer_details.customer_phone');
      assert.equal(error.value, phone);
      assert.ok(error.message.startsWith('customer_details.customer_phone: '), error.message);
      assert.ok(error.message.endsWith(fix), `${String(phone)}: ${error.message}`);
    }
    const plus = await orderError((o) => {
      o.customer_details.customer_phone = '+919876543210';
    });
    assert.equal(
      plus.message,
      "customer_details.customer_phone: must be exactly 10 digits with no country code; received '+919876543210'. Send '9876543210' without +91.",
    );
  });

  test('customer_details and customer_id must be present', async () => {
    const noCustomer = await orderError((o) => {
      o.customer_details = undefined as never;
    });
    assert.equal(noCustomer.field, 'customer_details');
    for (const id of [undefined, '', '  ', 42]) {
      const error = await orderError((o) => {
        o.customer_details.customer_id = id as never;
      });
      assert.equal(error.field, 'customer_details.customer_id');
      assert.match(error.message, /is required and must be a non-empty string; .*e\.g\. 'cust_001'/);
    }
  });

  test('order_expiry_time must be ISO 8601 with an offset; notify_url must be https (http only on loopback)', async () => {
    for (const expiry of [
      '2025-05-01 23:59:59',
      '2025-05-01',
      'tomorrow',
      '2025-05-01T10:00:00',
      1746427759733,
    ]) {
      const error = await orderError((o) => {
        o.order_expiry_time = expiry as never;
      });
      assert.equal(error.field, 'order_expiry_time', String(expiry));
      assert.match(error.message, /must be an ISO 8601 time with an offset.*'2025-02-14T10:00:00\+05:30'/);
    }
    for (const url of ['http://shop.example/hook', 'ftp://x', 'not a url']) {
      const error = await orderError((o) => {
        o.order_meta = { notify_url: url };
      });
      assert.equal(error.field, 'order_meta.notify_url', url);
    }
    const { client } = testClient();
    await client.orders.create({
      ...seedOrder(),
      order_expiry_time: '2025-02-14T10:00:00Z',
      order_meta: { notify_url: 'http://127.0.0.1:3000/webhooks/cashfree' },
    });
  });

  test('a body that is not an object is rejected', async () => {
    const { client } = testClient();
    const error = (await rejection(() => client.orders.create(null as never))) as ValidationError;
    assert.equal(error.field, 'order');
  });
});

describe('refund validation', () => {
  async function refundError(body: unknown): Promise<ValidationError> {
    const { client, fetch } = testClient();
    const error = await rejection(() => client.refunds.create('order_001', body as never));
    assert.ok(error instanceof ValidationError);
    assert.equal(fetch.calls.length, 0);
    return error;
  }

  test('the seed refund passes', async () => {
    const { client, fetch } = testClient();
    await client.refunds.create('order_001', {
      refund_amount: 499.0,
      refund_id: 'refund_001',
      refund_note: 'Customer request',
    });
    assert.deepEqual(fetch.lastCall?.json, {
      refund_amount: 499,
      refund_id: 'refund_001',
      refund_note: 'Customer request',
    });
  });

  test('refund_amount: > 0 with at most 2 decimals', async () => {
    for (const amount of [0, -5, 10.005, Number.NaN, '10']) {
      const error = await refundError({ refund_id: 'refund_001', refund_amount: amount });
      assert.equal(error.field, 'refund_amount', String(amount));
    }
    const zero = await refundError({ refund_id: 'refund_001', refund_amount: 0 });
    assert.match(zero.message, /^refund_amount: must be greater than 0; received 0 \(a number\)\./);
    const { client } = testClient();
    await client.refunds.create('order_001', { refund_id: 'refund_002', refund_amount: 0.01 });
  });

  test('refund_speed: STANDARD or INSTANT, with the spelling fixed for you', async () => {
    const lower = await refundError({ refund_id: 'refund_001', refund_amount: 10, refund_speed: 'instant' });
    assert.equal(lower.field, 'refund_speed');
    assert.match(lower.message, /must be one of STANDARD, INSTANT; received 'instant'\. Send 'INSTANT'\./);
    const fast = await refundError({ refund_id: 'refund_001', refund_amount: 10, refund_speed: 'fast' });
    assert.match(fast.message, /Send one of 'STANDARD', 'INSTANT'\./);
  });

  test('refund_id: 3..40 of letters, digits, _ and -', async () => {
    for (const id of ['r1', 'r'.repeat(41), 'refund 1', 'refund@1', undefined]) {
      const error = await refundError({ refund_id: id, refund_amount: 10 });
      assert.equal(error.field, 'refund_id', String(id));
    }
    assert.match(
      (await refundError({ refund_id: 'refund 1', refund_amount: 10 })).message,
      /Send e\.g\. 'refund_1'/,
    );
  });
});

describe('link validation', () => {
  async function linkError(change: (link: CreateLinkRequest) => void): Promise<ValidationError> {
    const { client, fetch } = testClient();
    const link = seedLink();
    change(link);
    const error = await rejection(() => client.links.create(link));
    assert.ok(error instanceof ValidationError);
    assert.equal(fetch.calls.length, 0);
    return error;
  }

  test('the seed link passes', async () => {
    const { client, fetch } = testClient();
    await client.links.create(seedLink());
    assert.equal(fetch.lastCall?.json.link_id, 'link_001');
  });

  test('link_id: up to 50 of letters, digits, _ and -', async () => {
    for (const id of ['', 'l'.repeat(51), 'link 1', 'link/1', 7]) {
      const error = await linkError((l) => {
        l.link_id = id as never;
      });
      assert.equal(error.field, 'link_id', String(id));
    }
  });

  test('link_amount: ≥ 1 with at most 2 decimals', async () => {
    for (const amount of [0, 0.99, 100.123, Number.NaN]) {
      const error = await linkError((l) => {
        l.link_amount = amount;
      });
      assert.equal(error.field, 'link_amount', String(amount));
    }
  });

  test('link_purpose: required, at most 500 characters', async () => {
    for (const purpose of [undefined, '', '   ', 'p'.repeat(501)]) {
      const error = await linkError((l) => {
        l.link_purpose = purpose as never;
      });
      assert.equal(error.field, 'link_purpose', String(purpose));
    }
  });

  test('partial payments, expiry and notify_url are checked when given', async () => {
    const text = await linkError((l) => {
      l.link_partial_payments = true;
      l.link_minimum_partial_amount = 'abc' as never;
    });
    assert.equal(text.field, 'link_minimum_partial_amount');
    const tooBig = await linkError((l) => {
      l.link_partial_payments = true;
      l.link_minimum_partial_amount = l.link_amount;
    });
    assert.match(tooBig.message, /must be less than link_amount/);
    const expiry = await linkError((l) => {
      l.link_expiry_time = 'tomorrow';
    });
    assert.equal(expiry.field, 'link_expiry_time');
    const hook = await linkError((l) => {
      l.link_meta = { notify_url: 'http://shop.example/hook' };
    });
    assert.equal(hook.field, 'link_meta.notify_url');
  });

  test('customer_details.customer_phone: the same 10-digit rule', async () => {
    const error = await linkError((l) => {
      l.customer_details.customer_phone = '+91 9876543210';
    });
    assert.equal(error.field, 'customer_details.customer_phone');
    assert.match(error.message, /Send '9876543210' without \+91 and spaces\./);
  });
});
