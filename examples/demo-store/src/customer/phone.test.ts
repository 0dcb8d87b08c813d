import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidationError, validateCreateOrderRequest } from 'cashfree-kit';
import { normaliseIndianMobile } from './phone.js';

/** cashfree-kit's verdict on a phone: accepted, or the 10 digits its fix says to send. */
function sdkFix(phone: string): string | 'accepted' | 'no fix' {
  try {
    validateCreateOrderRequest({
      order_amount: 499,
      order_currency: 'INR',
      customer_details: { customer_id: 'cust_001', customer_phone: phone },
    });
    return 'accepted';
  } catch (error) {
    assert.ok(isValidationError(error));
    return /Send '(\d{10})' without/.exec(error.message)?.[1] ?? 'no fix';
  }
}

test('the spellings of an Indian mobile people type become its 10 digits: the fix cashfree-kit names', () => {
  const spellings = [
    '+91 98765 43210',
    '+919876543210',
    '+91-98765-43210',
    '91 98765 43210',
    '919876543210',
    '098765 43210',
    '09876543210',
    '98765 43210',
    '98765-43210',
    '(98765) 43210',
    ' 9876543210 ',
  ];
  for (const typed of spellings) {
    assert.equal(normaliseIndianMobile(typed), '9876543210', typed);
    const fix = sdkFix(typed);
    assert.ok(fix === '9876543210' || fix === 'accepted' || fix === 'no fix', `${typed}: ${fix}`);
    if (fix !== 'no fix' && fix !== 'accepted') assert.equal(fix, normaliseIndianMobile(typed), typed);
    assert.equal(sdkFix(normaliseIndianMobile(typed)), 'accepted', `${typed} normalised passes the SDK`);
  }
});

test('what is not a 10-digit mobile is left as typed, for the rule to refuse', () => {
  for (const typed of ['98765', '+1 415 555 0100', '9876543210x', 'call me', '+09876543210', '']) {
    assert.equal(normaliseIndianMobile(typed), typed);
    assert.notEqual(sdkFix(typed), 'accepted', typed);
  }
});
