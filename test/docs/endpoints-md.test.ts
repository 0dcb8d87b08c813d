/**
 * docs/endpoints.md is rendered from the SDK's operation table; this fails when the table (or a
 * request type, a check or a catalogue row the page shows) changed without `npm run docs`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { listOperations, SIMULATED_PAYMENT_STATUSES } from 'cashfree-kit';
import { ENDPOINTS_MD_PATH, renderEndpointsMarkdown } from '../../scripts/docs/endpoints-md.ts';
import { REGENERATE_COMMAND } from '../../scripts/docs/errors-md.ts';

test('docs/endpoints.md matches the operation table', () => {
  const onDisk = readFileSync(ENDPOINTS_MD_PATH, 'utf8');
  assert.ok(
    onDisk === renderEndpointsMarkdown(),
    `docs/endpoints.md is stale. Regenerate it with: ${REGENERATE_COMMAND}`,
  );
});

test('docs/endpoints.md shows the values of a field typed from a table, not the `typeof` expression', () => {
  const onDisk = readFileSync(ENDPOINTS_MD_PATH, 'utf8');
  assert.deepEqual(
    onDisk.split('\n').filter((line) => /\btypeof\b/.test(line)),
    [],
  );
  const simulated = SIMULATED_PAYMENT_STATUSES.map((status) => `'${status}'`).join(' \\| ');
  assert.ok(onDisk.includes(`| \`entity_simulation.payment_status\` | \`${simulated}\` |`), simulated);
});

test('docs/endpoints.md has a section for every SDK call', () => {
  const onDisk = readFileSync(ENDPOINTS_MD_PATH, 'utf8');
  for (const { call, operation } of listOperations()) {
    assert.ok(onDisk.includes(`### \`${call}\`: \`${operation.method} ${operation.path}\``), call);
  }
});
