/**
 * Every entry of the SDK's `exports` map, loaded from the BUILT package the way users load it:
 * `import()` for ESM and `require()` for CommonJS, with both type files present. The entries are
 * read from package.json, so a new subpath is covered as soon as it is added there.
 *
 * Needs `npm run build -w cashfree-kit` (npm test builds first; under CI the build always exists).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { prerequisite } from '../support/prerequisites.js';

const packageDir = fileURLToPath(new URL('../../packages/cashfree/', import.meta.url));
const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
  name: string;
  main: string;
  module: string;
  types: string;
  exports: Record<string, string | ConditionalEntry>;
};
const require = createRequire(import.meta.url);

interface ConditionalEntry {
  'cashfree-kit-source'?: string;
  import?: { types?: string; default?: string };
  require?: { types?: string; default?: string };
}

const entries = Object.entries(pkg.exports).filter(
  (entry): entry is [string, ConditionalEntry] => typeof entry[1] === 'object',
);

function built(relativePath: string | undefined): string {
  assert.ok(relativePath, 'every entry needs import/require { types, default }');
  return join(packageDir, relativePath);
}

const allBuiltFiles = entries.flatMap(([, target]) => [
  target.import?.default,
  target.import?.types,
  target.require?.default,
  target.require?.types,
]);
const distExists = allBuiltFiles.every((file) => file !== undefined && existsSync(join(packageDir, file)));

/** Export names without the CommonJS interop extras. */
function names(module: Record<string, unknown>): string[] {
  return Object.keys(module)
    .filter((name) => name !== 'default' && name !== '__esModule' && name !== 'module.exports')
    .sort();
}

describe(`${pkg.name} exports map`, () => {
  test('has the root and the testing entries, each with source, import and require conditions', () => {
    const subpaths = entries.map(([subpath]) => subpath);
    assert.ok(subpaths.includes('.'));
    assert.ok(subpaths.includes('./testing'));
    for (const [subpath, target] of entries) {
      assert.ok(target['cashfree-kit-source'], `${subpath}: cashfree-kit-source`);
      assert.ok(
        existsSync(join(packageDir, target['cashfree-kit-source'] ?? '')),
        `${subpath}: source exists`,
      );
      for (const condition of ['import', 'require'] as const) {
        assert.ok(target[condition]?.types, `${subpath}: ${condition}.types`);
        assert.ok(target[condition]?.default, `${subpath}: ${condition}.default`);
      }
      assert.deepEqual(Object.keys(target['import'] ?? {}), ['types', 'default'], `${subpath}: types first`);
    }
  });

  for (const [subpath, target] of entries) {
    test(`${subpath}: the built entry loads through import() and require() with the same exports`, async (t) => {
      if (
        !prerequisite(
          t,
          distExists,
          `the built SDK (packages/cashfree/dist, ${subpath})`,
          'Run `npm run build -w cashfree-kit` first (npm test does it for you).',
        )
      ) {
        return;
      }
      for (const types of [target.import?.types, target.require?.types]) {
        assert.ok(existsSync(built(types)), `${subpath}: ${types} exists`);
      }
      const esm = (await import(pathToFileURL(built(target.import?.default)).href)) as Record<
        string,
        unknown
      >;
      const cjs = require(built(target.require?.default)) as Record<string, unknown>;
      assert.ok(names(esm).length > 0, `${subpath}: the ESM build exports something`);
      assert.deepEqual(names(cjs), names(esm), `${subpath}: CommonJS and ESM export the same names`);
    });
  }

  test('the root entry works when built: a client calls an injected fetch', async (t) => {
    if (
      !prerequisite(
        t,
        distExists,
        'the built SDK (packages/cashfree/dist)',
        'Run `npm run build -w cashfree-kit`.',
      )
    ) {
      return;
    }
    const root = entries.find(([subpath]) => subpath === '.')?.[1];
    for (const file of [root?.import?.default, root?.require?.default]) {
      const sdk = (
        file?.endsWith('.cjs') ? require(built(file)) : await import(pathToFileURL(built(file)).href)
      ) as {
        Cashfree: new (options: Record<string, unknown>) => { orders: { get(id: string): Promise<unknown> } };
      };
      const seen: string[] = [];
      const client = new sdk.Cashfree({
        appId: 'app',
        secretKey: 'secret_value',
        environment: 'sandbox',
        fetch: async (url: string) => {
          seen.push(url);
          return new Response('{"order_id":"order_001"}', { status: 200 });
        },
      });
      assert.deepEqual(await client.orders.get('order_001'), { order_id: 'order_001' });
      assert.deepEqual(seen, ['https://sandbox.cashfree.com/pg/orders/order_001'], file);
    }
  });

  test('every entry resolves under TypeScript node10 (module commonjs) to its CommonJS types', (t) => {
    if (
      !prerequisite(
        t,
        distExists,
        'the built SDK (packages/cashfree/dist)',
        'Run `npm run build -w cashfree-kit`.',
      )
    ) {
      return;
    }
    // node10 never reads `exports`: a subpath resolves only through `typesVersions` (written from
    // exports by scripts/build/types-versions.mjs), so this fails for a subpath added without it.
    const from = join(packageDir, '..', '..', 'app.ts');
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
    };
    for (const [subpath, target] of entries) {
      const specifier = `${pkg.name}${subpath.slice(1)}`;
      const resolved = ts.resolveModuleName(specifier, from, options, ts.sys).resolvedModule;
      assert.ok(
        resolved,
        `${specifier} does not resolve under node10: run \`node scripts/build/types-versions.mjs --write packages/cashfree/package.json\`, which writes typesVersions from exports`,
      );
      assert.equal(ts.sys.realpath?.(resolved.resolvedFileName), built(target.require?.types), specifier);
    }
  });

  test('main, module and types point at built files of the root entry', () => {
    const root = entries.find(([subpath]) => subpath === '.')?.[1];
    assert.equal(`./${pkg.main.replace(/^\.\//, '')}`, root?.require?.default);
    assert.equal(`./${pkg.module.replace(/^\.\//, '')}`, root?.import?.default);
    assert.equal(`./${pkg.types.replace(/^\.\//, '')}`, root?.require?.types);
  });
});
