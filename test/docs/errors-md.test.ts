/**
 * docs/errors.md is generated from the SDK's ERROR_CATALOGUE; this fails when someone changes the
 * table without regenerating the page (or edits the page by hand).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ERROR_CATALOGUE } from 'cashfree-kit';
import { ERRORS_MD_PATH, REGENERATE_COMMAND, renderErrorsMarkdown } from '../../scripts/docs/errors-md.ts';

test('docs/errors.md matches the error catalogue', () => {
  const onDisk = readFileSync(ERRORS_MD_PATH, 'utf8');
  assert.ok(
    onDisk === renderErrorsMarkdown(),
    `docs/errors.md is stale. Regenerate it with: ${REGENERATE_COMMAND}`,
  );
});

test('docs/errors.md lists every catalogue row', () => {
  const onDisk = readFileSync(ERRORS_MD_PATH, 'utf8');
  for (const entry of ERROR_CATALOGUE) assert.ok(onDisk.includes(`| \`${entry.code}\` |`), entry.code);
});

test('docs/errors.md says how to get this advice in code, and that ApiError.help is not it', () => {
  const onDisk = readFileSync(ERRORS_MD_PATH, 'utf8');
  assert.match(onDisk, /explainError\(error\)\?\.fix/);
  assert.match(onDisk, /own `help` is only the text Cashfree sent/);
});
