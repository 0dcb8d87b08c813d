/**
 * Runs a named block of a doc (` ```ts id=name `) as written, so the guides are proven and not only
 * compiled. Only bare import specifiers are rewritten, to what this process resolves them to (the
 * workspace packages' sources, the installed frameworks), and a test may append a line such as
 * `export { app };` to reach what the block defines. The names the block's prelude declares must
 * be provided first, as globals, with `provideGlobals`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { REPO_ROOT } from '../../../scripts/docs/check-snippets.ts';
import { type Snippet, snippetById } from '../../../scripts/docs/snippets.ts';

export interface RunOptions {
  /** Code added after the block, e.g. `export { app };`. */
  append?: string;
}

/** Makes `values` globals until the test ends: what the blocks' preludes declare (`db`, `fulfil`…). */
export function provideGlobals(t: TestContext, values: Record<string, unknown>): void {
  const scope = globalThis as Record<string, unknown>;
  for (const [name, value] of Object.entries(values)) {
    assert.ok(!(name in scope), `${name} is a global already`);
    scope[name] = value;
    t.after(() => {
      delete scope[name];
    });
  }
}

/** Imports the block `id` of `file` (relative to the repository root) and returns its module. */
export async function runSnippet<Module = Record<string, unknown>>(
  t: TestContext,
  file: string,
  id: string,
  options: RunOptions = {},
): Promise<Module> {
  const snippet = snippetById(REPO_ROOT, file, id);
  for (const name of preludeNames(snippet)) {
    assert.ok(
      name in globalThis,
      `${file} id=${id} assumes \`${name}\` (its prelude): provideGlobals() it first`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-guide-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, `${id}.mts`);
  writeFileSync(path, `${resolveImports(snippet.code)}\n${options.append ?? ''}\n`);
  return (await import(pathToFileURL(path).href)) as Module;
}

/** The block with bare specifiers (`'cashfree-kit'`, `'express'`) replaced by file URLs. */
export function resolveImports(code: string): string {
  return code.replace(
    /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g,
    (whole, keyword: string, quote: string, specifier: string) =>
      /^(\.|\/|node:|file:)/.test(specifier)
        ? whole
        : `${keyword}${quote}${import.meta.resolve(specifier)}${quote}`,
  );
}

/** The value names a prelude declares (`declare const db`, `declare function fulfil`). */
export function preludeNames(snippet: Snippet): string[] {
  if (!snippet.prelude) return [];
  const source = ts.createSourceFile('prelude.ts', snippet.prelude.code, ts.ScriptTarget.ES2022);
  return source.statements.flatMap((statement) => {
    if (ts.isVariableStatement(statement)) {
      return statement.declarationList.declarations.map((declaration) => declaration.name.getText(source));
    }
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      return [statement.name.text];
    }
    return [];
  });
}
