import { IST_OFFSET_MS } from '../clock/time.js';

/**
 * Whether a card with expiry `mm`/`yy` (two digits each, already checked for shape) has expired
 * at `now` (epoch ms, the sandbox clock). A card is good through the last day of its expiry
 * month, in IST. Cashfree's answer to an expired card is not in the facts the sandbox is built
 * from; refusing it, as `card_expiry_yy_invalid`, is the sandbox's choice.
 */
export function cardExpired(mm: string, yy: string, now: number): boolean {
  const today = new Date(now + IST_OFFSET_MS);
  const expiry = (2000 + Number(yy)) * 12 + (Number(mm) - 1);
  return expiry < today.getUTCFullYear() * 12 + today.getUTCMonth();
}

/** `MM/YY` of the month `now` falls in (IST), for a message. */
export function currentExpiryMonth(now: number): string {
  const today = new Date(now + IST_OFFSET_MS);
  return `${String(today.getUTCMonth() + 1).padStart(2, '0')}/${String(today.getUTCFullYear() % 100).padStart(2, '0')}`;
}
