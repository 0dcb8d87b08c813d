/**
 * `cashfree errors list|explain` through the real binary. That every code the local sandbox can
 * answer with is in the SDK's catalogue is test/docs/sandbox-error-codes.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ERROR_CATALOGUE } from 'cashfree-kit';
import { runCli } from './support.ts';

type Json = Record<string, unknown>;

describe('cashfree errors', () => {
  test('list prints the whole catalogue as JSON', async () => {
    const result = await runCli(['errors', 'list']);
    assert.equal(result.code, 0, result.stderr);
    const entries = result.json<Json[]>();
    assert.equal(entries.length, ERROR_CATALOGUE.length);
    for (const entry of entries) {
      for (const field of ['code', 'kind', 'meaning', 'cause', 'fix'])
        assert.equal(typeof entry[field], 'string', field);
    }
  });

  test('list --kind filters, and the text view groups by kind', async () => {
    const types = await runCli(['errors', 'list', '--kind', 'type']);
    assert.ok(types.json<Json[]>().every((entry) => entry['kind'] === 'type'));
    const text = await runCli(['errors', 'list', '--no-json']);
    assert.match(text.stdout, /^ERROR TYPES\nCODE\s+HTTP\s+MEANING/m);
    assert.match(text.stdout, /^order_already_exists\s+409\s+An order with this order_id already exists/m);
    const bad = await runCli(['errors', 'list', '--kind', 'nope']);
    assert.equal(bad.code, 2);
  });

  test('explain gives meaning, cause and fix', async () => {
    const result = await runCli(['errors', 'explain', 'ORDER_ALREADY_EXISTS']);
    assert.equal(result.code, 0, result.stderr);
    const entry = result.json();
    assert.equal(entry['code'], 'order_already_exists');
    assert.deepEqual(entry['status'], [409]);
    assert.match(String(entry['fix']), /new order_id/);
    const text = await runCli(['errors', 'explain', 'rate_limit_error', '--no-json']);
    assert.match(
      text.stdout,
      /^rate_limit_error\s+\(error type · HTTP 429 · cashfree-kit throws RateLimitError\)/,
    );
    assert.match(text.stdout, /^Meaning\s+Too many requests/m);
    assert.match(text.stdout, /^Fix\s+Wait for x-ratelimit-retry seconds/m);
  });

  test('explain of a field code without a row of its own says its answer is generic', async () => {
    const json = await runCli(['errors', 'explain', 'card_cvv_invalid']);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(json.json()['generic'], true);
    const text = await runCli(['errors', 'explain', 'card_cvv_invalid', '--no-json']);
    assert.match(text.stdout, /^card_cvv_invalid\s+\(error code, explained by its pattern <field>_invalid/);
    assert.match(text.stdout, /has no entry of its own in the catalogue: the advice above is general/);
    const specific = await runCli(['errors', 'explain', 'order_amount_invalid', '--no-json']);
    assert.doesNotMatch(specific.stdout, /no entry of its own/);
  });

  test('explain of a field path answers with the row of the field it ends with, and names that row', async () => {
    const json = await runCli(['errors', 'explain', 'customer_details.customer_phone_invalid']);
    assert.equal(json.code, 0, json.stderr);
    const entry = json.json();
    assert.equal(entry['code'], 'customer_details.customer_phone_invalid');
    assert.equal(entry['answeredBy'], 'customer_phone_invalid');
    assert.equal(entry['generic'], false);
    assert.match(String(entry['cause']), /\+91/);
    const text = await runCli(['errors', 'explain', 'customer_details.customer_phone_invalid', '--no-json']);
    assert.match(
      text.stdout,
      /^customer_details\.customer_phone_invalid\s+\(error code, answered by the row customer_phone_invalid · HTTP 400/,
    );
    assert.match(text.stdout, /^Fix\s+Send exactly 10 digits with no country code/m);
    assert.match(text.stdout, /the advice above is that of customer_phone_invalid/);
    assert.doesNotMatch(text.stdout, /advice above is general/);
  });

  test('explain of an unknown code exits 4 and suggests close ones', async () => {
    const result = await runCli(['errors', 'explain', 'order_alredy_exists']);
    assert.equal(result.code, 4);
    assert.match(
      result.stderr,
      /^cashfree: 'order_alredy_exists' is not an error code cashfree-kit knows\. Did you mean 'order_already_exists'/,
    );
  });
});
