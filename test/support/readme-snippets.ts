/**
 * The README's TypeScript snippets as runnable modules: the first ts block of a section, with only
 * its import specifiers rewritten to the sources (and the installed express), so tests run what a
 * reader copies, as written.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The first ```ts block of the README section whose heading line is `## <heading>`. */
export function readmeSnippet(heading: string): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0];
  assert.ok(section, `README.md has a "## ${heading}" section`);
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(code, `the "${heading}" section has a ts code block`);
  return code;
}

/** `code` with its package imports pointed at the sources in this repository. */
export function withSourceImports(code: string): string {
  const source = (path: string) => pathToFileURL(join(root, path)).href;
  return code
    .replace(`from 'express'`, `from '${import.meta.resolve('express')}'`)
    .replace(
      `from 'cashfree-kit/webhooks/express'`,
      `from '${source('packages/cashfree/src/webhooks/adapters/express.ts')}'`,
    )
    .replace(`from 'cashfree-kit'`, `from '${source('packages/cashfree/src/index.ts')}'`);
}

/** The README's Express webhook handler as a module that also exports `app`. */
export function readmeWebhookModule(): string {
  return `${withSourceImports(readmeSnippet('Webhooks'))}\nexport { app };\n`;
}
