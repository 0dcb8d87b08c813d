/**
 * The SDK's source imports one way: no module reaches itself again through its imports, type-only
 * imports included (a type cycle is still a design cycle, and the next value import would make it
 * a load-order bug). The client imports the resources, the resources import the transport, and
 * nothing below imports the client.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const src = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every relative import and re-export of a file, as absolute `.ts` paths. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name).replace(/\.js$/, '.ts'));
}

/** The cycles of a graph, each as the path that closes it (depth-first, one report per back edge). */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

const graph = new Map(sourceFiles(src).map((file) => [file, importsOf(file)]));
const name = (file: string) => relative(src, file);

test('the import graph of packages/cashfree/src has no cycle (type-only imports included)', () => {
  assert.ok(graph.size > 40, `walked ${graph.size} files; expected the whole SDK`);
  const cycles = findCycles(graph).map((cycle) => cycle.map(name).join(' → '));
  assert.deepEqual(cycles, []);
});

test('every relative import resolves to a source file (so the walk above misses nothing)', () => {
  const missing = [...graph].flatMap(([file, imports]) =>
    imports.filter((target) => !graph.has(target)).map((target) => `${name(file)} → ${name(target)}`),
  );
  assert.deepEqual(missing, []);
});

test('resources depend on the transport, never on the client', () => {
  const resources = [...graph.keys()].filter((file) => name(file).startsWith('resources/'));
  assert.ok(resources.length >= 6);
  for (const file of resources) {
    assert.ok(!graph.get(file)?.includes(join(src, 'client.ts')), `${name(file)} imports client.ts`);
  }
});

test('the cycle finder finds a cycle (guarding the guard)', () => {
  const cycles = findCycles(
    new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]),
  );
  assert.deepEqual(cycles, [['a', 'b', 'c', 'a']]);
});
