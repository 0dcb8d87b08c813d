/** The docs served as resources: the generated tables, the pages and every guide; nothing else. */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { docsDirectory, listDocResources, readDocResource } from './docs-resources.js';

test('endpoints, errors and every guide are listed with their titles, and read back', () => {
  const directory = docsDirectory();
  assert.ok(directory, 'the docs are found from the source');
  const resources = listDocResources(directory);
  const names = resources.map((resource) => resource.name);
  assert.ok(names.includes('endpoints.md'));
  assert.ok(names.includes('errors.md'));
  const guides = readdirSync(`${directory}/guides`).filter(
    (name) => name.endsWith('.md') && name !== 'README.md',
  );
  for (const guide of guides) assert.ok(names.includes(`guides/${guide}`), guide);
  const endpoints = resources.find((resource) => resource.name === 'endpoints.md');
  assert.equal(endpoints?.title, 'Cashfree API operations');
  assert.match(
    readDocResource('cashfree-kit://docs/endpoints.md', directory) ?? '',
    /^# Cashfree API operations/,
  );
});

test('a URI that is not a listed page reads nothing', () => {
  assert.equal(readDocResource('cashfree-kit://docs/../package.json'), undefined);
  assert.equal(readDocResource('cashfree-kit://docs/decisions/0005-operation-table.md'), undefined);
});
