/**
 * `cashfree errors list|explain` through the real binary, and the promise behind it: every code
 * the local sandbox can answer with is in the SDK's catalogue.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ERROR_CATALOGUE, explainErrorCode } from 'cashfree-kit';
import { runCli } from './support.ts';

type Json = Record<string, unknown>;

const sandboxSrc = fileURLToPath(new URL('../../sandbox/src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The error codes in the sandbox's source: the literal code argument of its error helpers
 * (`badRequest('code', …)`, `notFound`, `conflict`, `new SandboxHttpError(status, 'code', …)`) and
 * of `code: '…'` fields.
 */
function sandboxErrorCodes(): Set<string> {
  const codes = new Set<string>();
  const patterns = [
    /\b(?:badRequest|notFound|conflict|refuse)\(\s*'([A-Za-z0-9_.-]+)'/g,
    /new SandboxHttpError\(\s*\d+\s*,\s*'([A-Za-z0-9_.-]+)'/g,
    /\bcode:\s*'([A-Za-z0-9_.-]+)'/g,
  ];
  for (const file of sourceFiles(sandboxSrc)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1] as string);
  }
  return codes;
}

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

  test('explain of an unknown code exits 4 and suggests close ones', async () => {
    const result = await runCli(['errors', 'explain', 'order_alredy_exists']);
    assert.equal(result.code, 4);
    assert.match(
      result.stderr,
      /^cashfree: 'order_alredy_exists' is not an error code cashfree-kit knows\. Did you mean 'order_already_exists'/,
    );
  });

  test('every error code the local sandbox can emit is in the catalogue', () => {
    const codes = sandboxErrorCodes();
    assert.ok(
      codes.size >= 10,
      `found ${codes.size} codes in packages/sandbox/src; the pattern may be stale`,
    );
    const missing = [...codes].filter((code) => explainErrorCode(code) === undefined).sort();
    assert.deepEqual(
      missing,
      [],
      `add these sandbox codes to packages/cashfree/src/core/error-catalogue.ts: ${missing.join(', ')}`,
    );
  });
});
