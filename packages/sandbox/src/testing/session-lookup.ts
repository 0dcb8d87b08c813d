/**
 * The session lookup contract for the sandbox's own tests (not exported): what both lookups of the
 * cashfree.js stand-in answer (checkout/session-lookup.ts), checked the same way for each route.
 */
import assert from 'node:assert/strict';
import type { SessionField } from '../checkout/session-lookup.js';
import type { Harness } from './harness.js';

/** Any origin may read a lookup and nothing may cache it, known session or not. */
const LOOKUP_HEADERS = [
  ['access-control-allow-origin', '*'],
  ['cache-control', 'no-store'],
  ['content-type', 'application/json'],
];

/**
 * Looks up `known` and `unknown` under `route` (`/checkout/sessions`): the first answers 200, the
 * second the 404 naming `field`, both with {@link LOOKUP_HEADERS}. Returns the known session's body.
 */
export async function assertSessionLookup<Found>(
  h: Harness,
  route: string,
  field: SessionField,
  sessions: { known: string; unknown: string },
): Promise<Found> {
  const ok = await h.sandbox.request(`${route}/${sessions.known}`);
  assert.equal(ok.status, 200);
  assert.deepEqual([...ok.headers], LOOKUP_HEADERS);
  const found = (await ok.json()) as Found;

  const bad = await h.sandbox.request(`${route}/${sessions.unknown}`);
  assert.equal(bad.status, 404);
  assert.deepEqual([...bad.headers], LOOKUP_HEADERS);
  assert.deepEqual(await bad.json(), {
    message: `${field} : is not valid. Value received: ${sessions.unknown}`,
    code: `${field}_invalid`,
    type: 'invalid_request_error',
  });
  return found;
}
