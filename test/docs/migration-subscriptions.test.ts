/**
 * The migration guide's subscription rows (`Subs…` and `Subscription…` methods of cashfree-pg):
 * each names a method the official SDK really has and a cashfree-kit call that is the operation
 * the SDK's operation table gives that `operationId`, and every subscription operation of the
 * table has its row. (The `PG…` rows are checked in guides-snippets.test.ts.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Cashfree, listOperations } from 'cashfree-kit';
import { Cashfree as OfficialCashfree } from 'cashfree-pg';

const GUIDE = readFileSync(
  new URL('../../docs/guides/migrating-from-cashfree-pg.md', import.meta.url),
  'utf8',
);
const ROW = /^\| `(Subs\w+|Subscription\w+)\(/;

/** The function at a dotted path of a client (`subscriptions.payments.create`) and the object it is called on. */
function resolve(client: object, path: string): { owner: unknown; method: unknown } {
  let owner: unknown;
  let method: unknown = client;
  for (const key of path.split('.')) {
    owner = method;
    method = (method as Record<string, unknown> | undefined)?.[key];
  }
  return { owner, method };
}

test('the subscription rows map real cashfree-pg methods to the operation table’s calls, all of them', () => {
  const ours = new Cashfree({ appId: 'app', secretKey: 'secret', environment: 'sandbox' });
  const callOf = new Map(
    listOperations().flatMap(({ call, operation }) =>
      operation.operationId ? [[operation.operationId, call] as const] : [],
    ),
  );
  const rows = GUIDE.split('\n').filter((line) => ROW.test(line));
  const mapped = new Set<string>();
  for (const row of rows) {
    const official = ROW.exec(row)?.[1] ?? '';
    assert.equal(
      typeof (OfficialCashfree.prototype as unknown as Record<string, unknown>)[official],
      'function',
      `cashfree-pg has ${official}`,
    );
    const path = /\| `cashfree\.([\w.]+)\(/.exec(row)?.[1];
    assert.ok(path, `${official}: the row names a cashfree-kit call`);
    const call = callOf.get(official);
    assert.ok(call, `${official} is an operationId of the operation table`);
    const written = resolve(ours, path);
    const expected = resolve(ours, call);
    assert.equal(typeof written.method, 'function', `cashfree.${path} is a method`);
    assert.ok(
      written.method === expected.method && written.owner === expected.owner,
      `${official}: cashfree.${path} is the table's ${call}`,
    );
    mapped.add(official);
  }
  const subscriptionOperations = [...callOf.keys()].filter((id) => /^Subs|^Subscription/.test(id));
  assert.ok(subscriptionOperations.length >= 12, subscriptionOperations.join(', '));
  assert.deepEqual(
    subscriptionOperations.filter((id) => !mapped.has(id)),
    [],
    'every subscription operation of the table has a row',
  );
  // cashfree-pg's other Subs methods are named as not covered.
  for (const name of Object.getOwnPropertyNames(OfficialCashfree.prototype)) {
    if (/^Subs|^Subscription/.test(name) && !mapped.has(name)) {
      assert.match(
        GUIDE,
        new RegExp(`\`${name}\`[^|]*no\\s+counterpart`),
        `${name} is said to be not covered`,
      );
    }
  }
});
