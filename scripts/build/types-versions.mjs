#!/usr/bin/env node
// `typesVersions` of a package, derived from its `exports` map. TypeScript's `node10` resolution
// (`"module": "commonjs"` with no `moduleResolution`, the default of many Express and NestJS apps)
// never reads `exports`, so without these entries every subpath import (`cashfree-kit/testing`,
// `cashfree-kit/webhooks/express`, …) is TS2307 there. npm reads package.json as it is, so the
// entries are written into it, and the build checks they still match `exports`:
//
//   node scripts/build/types-versions.mjs --check packages/cashfree/package.json   (the build runs this)
//   node scripts/build/types-versions.mjs --write packages/cashfree/package.json   (after adding a subpath)
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

/**
 * One entry per subpath of `exports` (the root keeps `types`): the CommonJS declaration file,
 * since a node10 project is a CommonJS one. Returns undefined when there is no subpath.
 *
 * @param {Record<string, unknown>} exportsMap
 * @returns {{ '*': Record<string, [string]> } | undefined}
 */
export function typesVersionsFromExports(exportsMap) {
  /** @type {Record<string, [string]>} */
  const paths = {};
  for (const [subpath, target] of Object.entries(exportsMap)) {
    if (subpath === '.' || typeof target !== 'object' || target === null) continue;
    const types = /** @type {{ require?: { types?: string } }} */ (target).require?.types;
    if (!types) {
      throw new Error(
        `exports["${subpath}"] has no require.types: add one, so node10 projects get its types`,
      );
    }
    paths[subpath.replace(/^\.\//, '')] = [types];
  }
  return Object.keys(paths).length > 0 ? { '*': paths } : undefined;
}

function main([mode, file]) {
  if ((mode !== '--check' && mode !== '--write') || !file) {
    console.error('usage: node scripts/build/types-versions.mjs --check|--write <package.json>');
    process.exit(2);
  }
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(text);
  const expected = typesVersionsFromExports(pkg.exports ?? {});
  if (isDeepStrictEqual(pkg.typesVersions, expected)) return;
  if (mode === '--check') {
    console.error(
      `${file}: typesVersions does not match exports (a subpath added, renamed or removed?), so node10 ` +
        `projects would not find its types. Run \`node scripts/build/types-versions.mjs --write ${file}\`.`,
    );
    process.exit(1);
  }
  // Rebuilt key by key so typesVersions sits right after exports, where a reader compares them.
  const next = {};
  for (const [key, value] of Object.entries(pkg)) {
    if (key === 'typesVersions') continue;
    next[key] = value;
    if (key === 'exports' && expected) next.typesVersions = expected;
  }
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`${file}: typesVersions written from exports`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
