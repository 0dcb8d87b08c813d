/** Inputs the sandbox and official-SDK suites share: Cashfree's sandbox test card and a few constants. */

import { TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';

export const DAY_MS = 24 * 3600 * 1000;

/** Cashfree's sandbox card that succeeds after OTP 111000, paid with the OTP in the API (`post`). */
export const TEST_CARD = {
  card: {
    channel: 'post' as const,
    card_number: '4111111111111111',
    card_expiry_mm: TEST_CARD_EXPIRY.mm,
    card_expiry_yy: TEST_CARD_EXPIRY.yy,
    card_cvv: '123',
  },
};

/** Cashfree's sandbox card that the bank declines. */
export const DECLINED_TEST_CARD = { card: { ...TEST_CARD.card, card_number: '4111111111111112' } };

/** The OTP Cashfree's sandbox accepts for its test cards. */
export const TEST_OTP = '111000';

/** A settlement filter that covers any sandbox clock. */
export const ALL_TIME = { start_date: '2000-01-01T00:00:00Z', end_date: '2100-01-01T00:00:00Z' };
