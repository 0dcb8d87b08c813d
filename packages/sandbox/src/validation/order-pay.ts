import { badRequest } from '../http/errors.js';
import type { PayMethod } from '../services/payments.js';
import { lookUpCard, maskCardNumber } from '../test-instruments/cards.js';
import { lookUpBank } from '../test-instruments/netbanking.js';
import { lookUpVpa } from '../test-instruments/upi.js';
import { APP_PROVIDERS } from '../test-instruments/wallets.js';
import { cardExpired, currentExpiryMonth } from './card-expiry.js';
import { bodyReader, FieldReader, invalid, missing } from './fields.js';
import { PHONE_PATTERN } from './patterns.js';

const EMULATED = ['card', 'upi', 'netbanking', 'app'] as const;
const NOT_EMULATED = ['emi', 'cardless_emi', 'paylater', 'banktransfer'] as const;

/** A validated Order Pay request. */
export interface PayOrderRequest {
  paymentSessionId: string;
  pay: PayMethod;
}

/**
 * Validates `POST /orders/sessions` (PayOrderRequest). Fields inside the method object are named
 * without their prefix, as Cashfree does (`card_cvv : is missing in the request`). `now` (the
 * sandbox clock) refuses a card whose expiry month has passed.
 */
export function parsePayOrder(body: unknown, now: number): PayOrderRequest {
  const r = bodyReader(body);
  const paymentSessionId = r.string('payment_session_id', { required: true })!;
  const method = r.object('payment_method', { required: true })!;
  const keys = Object.keys(method.value).filter(
    (k) => method.value[k] !== null && method.value[k] !== undefined,
  );
  const name = keys[0];
  const unsupported = NOT_EMULATED.find((m) => keys.includes(m));
  if (unsupported) {
    throw badRequest(
      'payment_method_unsupported',
      `payment_method : ${unsupported} is not emulated by the cashfree-kit sandbox; use card, upi, netbanking or app`,
    );
  }
  if (keys.length !== 1 || !name || !(EMULATED as readonly string[]).includes(name)) {
    throw invalid('payment_method', `should contain exactly one of ${EMULATED.join(', ')}`, method.value);
  }
  const inner = method.value[name];
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
    throw invalid(`payment_method.${name}`, 'should be an object', inner);
  }
  const f = new FieldReader(inner as Record<string, unknown>);
  switch (name) {
    case 'card':
      return { paymentSessionId, pay: readCard(f, now) };
    case 'upi':
      return { paymentSessionId, pay: readUpi(f) };
    case 'netbanking':
      return { paymentSessionId, pay: readNetbanking(f) };
    default:
      return { paymentSessionId, pay: readApp(f) };
  }
}

function readCard(f: FieldReader, now: number): PayMethod {
  const channel = f.string('channel', { required: true, oneOf: ['link', 'post'] }) as 'link' | 'post';
  if (f.has('instrument_id') && !f.has('card_number')) {
    throw badRequest(
      'payment_method_unsupported',
      'instrument_id : saved cards are not emulated by the sandbox; send card_number',
    );
  }
  const cardNumber = f.string('card_number', { required: true })!;
  const mm = f.string('card_expiry_mm', {
    required: true,
    pattern: [/^(0[1-9]|1[0-2])$/, 'should be a two-digit month, 01 to 12'],
  })!;
  const yy = f.string('card_expiry_yy', {
    required: true,
    pattern: [/^\d{2}$/, 'should be a two-digit year'],
  })!;
  if (cardExpired(mm, yy, now)) {
    throw invalid(
      'card_expiry_yy',
      `card has expired (${mm}/${yy} is before ${currentExpiryMonth(now)})`,
      yy,
    );
  }
  f.string('card_cvv', { required: true, pattern: [/^\d{3,4}$/, 'should be 3 or 4 digits'] });
  f.string('card_holder_name', { max: 100 });
  const card = lookUpCard(cardNumber);
  // Never echo a full card number, not even a test one.
  if (!card) throw invalid('card_number', 'is not a valid card number', maskCardNumber(cardNumber));
  return { method: 'card', channel, cardNumber, card };
}

function readUpi(f: FieldReader): PayMethod {
  const channel = f.string('channel', { required: true, oneOf: ['link', 'collect', 'qrcode'] }) as
    | 'link'
    | 'collect'
    | 'qrcode';
  const expiryMinutes = f.number('upi_expiry_minutes') ?? 5;
  if (expiryMinutes < 5 || expiryMinutes > 15) {
    throw invalid('upi_expiry_minutes', 'should be between 5 and 15', expiryMinutes);
  }
  const redirect = f.boolean('upi_redirect_url') ?? false;
  if (channel !== 'collect') return { method: 'upi', channel, expiryMinutes };
  const upiId = f.string('upi_id');
  if (upiId === undefined) throw missing('upi_id');
  const vpa = lookUpVpa(upiId);
  if (!vpa) {
    throw badRequest(
      'upi_id_invalid',
      `upi_id : is not a sandbox test VPA. Value received: ${upiId}. ` +
        'Use success@cashfree, failure@cashfree or a documented @gocash test VPA such as testsuccess@gocash',
    );
  }
  return { method: 'upi', channel, upiId, vpa, expiryMinutes, redirect };
}

function readNetbanking(f: FieldReader): PayMethod {
  f.string('channel', { required: true, oneOf: ['link'] });
  const code = f.raw('netbanking_bank_code');
  const name = f.string('netbanking_bank_name', {
    pattern: [/^[A-Z]{5}$/, 'should be five capital letters (e.g. TESTR)'],
  });
  if (code === undefined && name === undefined) throw missing('netbanking_bank_code');
  let bankCode: number | undefined;
  if (code !== undefined) {
    bankCode =
      typeof code === 'string' && /^\d{4}$/.test(code)
        ? Number(code)
        : typeof code === 'number'
          ? code
          : undefined;
    if (bankCode === undefined || !/^\d{4}$/.test(String(bankCode))) {
      throw invalid('netbanking_bank_code', 'should be a four-digit bank code (e.g. 3333)', code);
    }
  }
  const bank = lookUpBank(bankCode, name);
  return { method: 'netbanking', channel: 'link', bankCode: bank.code, bankName: bank.name };
}

function readApp(f: FieldReader): PayMethod {
  f.string('channel', { required: true });
  const provider = f.string('provider', { required: true, oneOf: APP_PROVIDERS })!;
  const phone = f.string('phone', { required: true, pattern: PHONE_PATTERN })!;
  return { method: 'app', channel: 'link', provider, phone };
}

/** Validates `POST /orders/pay/authenticate/{cf_payment_id}` (OrderAuthenticatePaymentRequest). */
export function parseAuthenticate(body: unknown): { action: 'SUBMIT_OTP' | 'RESEND_OTP'; otp: string } {
  const r = bodyReader(body);
  const action = r.string('action', { required: true, oneOf: ['SUBMIT_OTP', 'RESEND_OTP'] }) as
    | 'SUBMIT_OTP'
    | 'RESEND_OTP';
  const otp = r.string('otp', { required: action === 'SUBMIT_OTP' }) ?? '';
  return { action, otp };
}
