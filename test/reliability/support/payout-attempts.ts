/**
 * Sorts the fault proxy's log of a Payouts run into what each request was: a transfer or batch
 * create (`POST /payout/transfers`, `POST /payout/transfers/batch`), or a lookup of one
 * (`GET …?transfer_id=`, `GET …?batch_transfer_id=`), with the merchant's id it names and whether
 * it reached the sandbox whole. The merchant's id is the only idempotency key Payouts has, so it
 * is also what ties the attempts of one call together.
 */
import type { ExchangeRecord, FaultKind } from './fault-proxy.ts';

export type AttemptKind = 'transfer' | 'transfer_lookup' | 'batch' | 'batch_lookup' | 'other';

export interface PayoutAttempt {
  kind: AttemptKind;
  /** The transfer_id or batch_transfer_id the request names; `undefined` when its bytes never arrived. */
  id: string | undefined;
  forwarded: boolean;
  fault: FaultKind | undefined;
}

/** The faults that hit an exchange after the server got the request: it acted, the caller never heard. */
export const ANSWER_LOST: readonly FaultKind[] = [
  'reset_after_request',
  'hang_after_request',
  'truncate_response',
  'status_after_request',
];

const REQUEST_LINE = /^(GET|POST) (\/payout\/transfers(?:\/batch)?)(?:\?([^ ]*))? HTTP\/1\.1\r\n/;

/** What each logged request was. */
export function classifyAttempts(exchanges: readonly ExchangeRecord[]): PayoutAttempt[] {
  return exchanges.map(({ request, forwarded, fault }) => {
    const line = REQUEST_LINE.exec(request);
    if (!line) return { kind: 'other', id: undefined, forwarded, fault };
    const [, method, path, query] = line;
    const batch = path === '/payout/transfers/batch';
    const key = batch ? 'batch_transfer_id' : 'transfer_id';
    if (method === 'GET') {
      const id = new URLSearchParams(query ?? '').get(key) ?? undefined;
      return { kind: batch ? 'batch_lookup' : 'transfer_lookup', id, forwarded, fault };
    }
    // The body's first `transfer_id` (or `batch_transfer_id`) is the one the call is for.
    const id = new RegExp(`"${key}":"([^"]+)"`).exec(request)?.[1];
    return { kind: batch ? 'batch' : 'transfer', id, forwarded, fault };
  });
}

/** The attempts of `kind`, by the id they name. */
export function attemptsById(
  attempts: readonly PayoutAttempt[],
  kind: AttemptKind,
): Map<string, PayoutAttempt[]> {
  const byId = new Map<string, PayoutAttempt[]>();
  for (const attempt of attempts) {
    if (attempt.kind !== kind || attempt.id === undefined) continue;
    byId.set(attempt.id, [...(byId.get(attempt.id) ?? []), attempt]);
  }
  return byId;
}
