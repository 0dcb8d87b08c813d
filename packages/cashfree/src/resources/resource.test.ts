/**
 * ApiResource.send applies each row's request checks itself: whatever a row lists is enforced
 * before the wire, under the row's root name, and a row that lists none sends the body unchecked.
 * Walked over the whole table, so a new row is covered without a test of its own.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_ID, SECRET } from '../../test/support.js';
import { isValidationError } from '../core/errors.js';
import { resolveClientOptions } from '../internal/client-options.js';
import type { PathParams } from '../internal/path.js';
import { Transport } from '../internal/transport.js';
import type { Operation } from '../operations/operation.js';
import { listOperations } from '../operations/table.js';
import { createFakeFetch, type FakeFetch } from '../testing/index.js';
import { ApiResource } from './resource.js';

/** Sends any row, as a resource method would. */
class AnyRow extends ApiResource {
  call(operation: Operation, body: unknown): Promise<unknown> {
    const params = Object.fromEntries(
      [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, 'id_001']),
    ) as PathParams<string>;
    return this.send(operation, params, { body }, undefined);
  }
}

function rows(): { rows: AnyRow; fetch: FakeFetch } {
  const fetch = createFakeFetch();
  const options = resolveClientOptions({ appId: APP_ID, secretKey: SECRET, environment: 'sandbox', fetch });
  return { rows: new AnyRow(new Transport(options)), fetch };
}

const checked = listOperations().filter(({ operation }) => (operation.request?.checks.length ?? 0) > 0);

test('the table has rows with checks (the walk below is not empty)', () => {
  assert.ok(checked.length >= 5, checked.map(({ call }) => call).join(', '));
});

for (const { call, operation } of checked) {
  test(`${call}: a body that is not an object is refused under the row's root, before the wire`, async () => {
    const { rows: sender, fetch } = rows();
    const error = await sender.call(operation, 'not an object').then(
      () => assert.fail('expected a ValidationError'),
      (rejection: unknown) => rejection,
    );
    assert.ok(isValidationError(error), String(error));
    assert.equal(error.field, operation.request?.root ?? 'body');
    assert.equal(fetch.calls.length, 0);
  });

  const firstRequired = operation.request?.checks.find((rule) => rule.required);
  if (firstRequired) {
    test(`${call}: an empty body is refused for the row's first required field, ${firstRequired.field}`, async () => {
      const { rows: sender, fetch } = rows();
      const error = await sender.call(operation, {}).then(
        () => assert.fail('expected a ValidationError'),
        (rejection: unknown) => rejection,
      );
      assert.ok(isValidationError(error), String(error));
      assert.equal(error.field, firstRequired.field);
      assert.equal(fetch.calls.length, 0);
    });
  }
}

test('a row without checks sends its body as given', async () => {
  const unchecked = listOperations().find(
    ({ operation }) => operation.request !== undefined && operation.request.checks.length === 0,
  );
  assert.ok(unchecked, 'a row with a request and no checks');
  const { rows: sender, fetch } = rows();
  await sender.call(unchecked.operation, ['any', 'shape']);
  assert.equal(fetch.calls.length, 1);
  assert.deepEqual(fetch.lastCall?.json, ['any', 'shape']);
});
