/**
 * docs/endpoints.md is rendered from the SDK's endpoint table; this fails when the table (or a
 * request type, a check or a catalogue row the page shows) changed without `npm run docs`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { listEndpoints } from 'cashfree-kit';
import { ENDPOINTS_MD_PATH, renderEndpointsMarkdown } from '../../scripts/docs/endpoints-md.ts';
import { REGENERATE_COMMAND } from '../../scripts/docs/errors-md.ts';

test('docs/endpoints.md matches the endpoint table', () => {
  const onDisk = readFileSync(ENDPOINTS_MD_PATH, 'utf8');
  assert.ok(
    onDisk === renderEndpointsMarkdown(),
    `docs/endpoints.md is stale. Regenerate it with: ${REGENERATE_COMMAND}`,
  );
});

test('docs/endpoints.md has a section for every SDK call', () => {
  const onDisk = readFileSync(ENDPOINTS_MD_PATH, 'utf8');
  for (const { call, endpoint } of listEndpoints()) {
    assert.ok(onDisk.includes(`### \`${call}\`: \`${endpoint.method} ${endpoint.path}\``), call);
  }
});
