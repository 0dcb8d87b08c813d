import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localSandbox } from './local-sandbox.js';
import { oneMonthAfter } from './tea-plan.js';

const ORIGIN = 'http://127.0.0.1:8787';
const HOOK = 'http://127.0.0.1:3000/webhooks/cashfree';

/** A fake sandbox admin API: answers from `routes`, records each call as `METHOD path body`. */
function fakeSandbox(routes: Record<string, () => Response>) {
  const calls: string[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${String(input).slice(ORIGIN.length)}`;
    calls.push(init?.body ? `${key} ${String(init.body)}` : key);
    const route = routes[key];
    return route ? route() : new Response('no such route', { status: 404 });
  }) as typeof fetch;
  return { calls, fetchFn };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

test('the PG webhook URL is registered for PG events once, and not when the sandbox has it', async () => {
  const fresh = fakeSandbox({
    'GET /_sandbox/webhooks/endpoints': () => json({ data: [] }),
    'POST /_sandbox/webhooks/endpoints': () => json({ id: 'ep_1' }, 201),
  });
  const sandbox = localSandbox(ORIGIN, () => HOOK, fresh.fetchFn);
  await sandbox.ensureWebhookEndpoint();
  await sandbox.ensureWebhookEndpoint();
  assert.deepEqual(fresh.calls, [
    'GET /_sandbox/webhooks/endpoints',
    `POST /_sandbox/webhooks/endpoints ${JSON.stringify({ url: HOOK, products: ['pg'] })}`,
  ]);

  const known = fakeSandbox({ 'GET /_sandbox/webhooks/endpoints': () => json({ data: [{ url: HOOK }] }) });
  await localSandbox(ORIGIN, () => HOOK, known.fetchFn).ensureWebhookEndpoint();
  assert.deepEqual(known.calls, ['GET /_sandbox/webhooks/endpoints']);

  const off = fakeSandbox({});
  await localSandbox(ORIGIN, () => undefined, off.fetchFn).ensureWebhookEndpoint();
  assert.deepEqual(off.calls, [], 'webhooks off: nothing to register');
});

test('a failed registration names the URL and is tried again next time', async () => {
  let up = false;
  const flaky = fakeSandbox({
    'GET /_sandbox/webhooks/endpoints': () =>
      up ? json({ data: [] }) : new Response('down', { status: 503 }),
    'POST /_sandbox/webhooks/endpoints': () => json({ id: 'ep_1' }, 201),
  });
  const sandbox = localSandbox(ORIGIN, () => HOOK, flaky.fetchFn);
  await assert.rejects(sandbox.ensureWebhookEndpoint(), (error: Error) => {
    assert.match(error.message, new RegExp(`could not register its webhook URL ${HOOK}`));
    assert.match(error.message, /answered 503/);
    return true;
  });
  up = true;
  await sandbox.ensureWebhookEndpoint();
  assert.equal(flaky.calls.filter((c) => c.startsWith('POST')).length, 1);
});

test('a month on the clock is one calendar month from the sandbox’s now, and an hour', async () => {
  const now = Date.parse('2027-01-31T10:00:00+05:30');
  const clock = fakeSandbox({
    'GET /_sandbox/clock': () => json({ epoch_ms: now }),
    'POST /_sandbox/clock/advance': () => json({ epoch_ms: now + 1 }),
  });
  await localSandbox(ORIGIN, () => HOOK, clock.fetchFn).advanceMonth();
  const expected = oneMonthAfter(now) + 60 * 60_000 - now;
  assert.equal(oneMonthAfter(now), Date.parse('2027-02-28T10:00:00+05:30'), '31 January → 28 February');
  assert.deepEqual(clock.calls, [
    'GET /_sandbox/clock',
    `POST /_sandbox/clock/advance ${JSON.stringify({ ms: expected })}`,
  ]);
});

test('to a charge’s date: an hour past it from the sandbox’s now; not back when the clock is already there', async () => {
  const now = Date.parse('2026-12-07T18:30:00+05:30');
  const due = Date.parse('2026-12-08T00:00:00+05:30');
  const clock = fakeSandbox({
    'GET /_sandbox/clock': () => json({ epoch_ms: now }),
    'POST /_sandbox/clock/advance': () => json({ epoch_ms: due + 60 * 60_000 }),
  });
  const sandbox = localSandbox(ORIGIN, () => HOOK, clock.fetchFn);
  assert.equal(await sandbox.advancePast(due), due + 60 * 60_000);
  assert.deepEqual(clock.calls, [
    'GET /_sandbox/clock',
    `POST /_sandbox/clock/advance ${JSON.stringify({ ms: due + 60 * 60_000 - now })}`,
  ]);
  clock.calls.length = 0;
  assert.equal(await sandbox.advancePast(now - 2 * 60 * 60_000), now);
  assert.deepEqual(clock.calls, ['GET /_sandbox/clock'], 'a past date moves nothing');
});
