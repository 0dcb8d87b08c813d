import { readFileSync } from 'node:fs';

type ExportTarget = { 'cashfree-kit-source'?: string; import?: { default?: string } | string };

/**
 * Build entries for tsdown, read from a package's `exports` map, so that the map users resolve and
 * the files we build can never disagree: each entry's source is its `cashfree-kit-source`
 * condition and its output name is the ESM path without `./dist/` and `.js`.
 */
export function entriesFromExports(packageJsonUrl: URL): Record<string, string> {
  const pkg = JSON.parse(readFileSync(packageJsonUrl, 'utf8')) as {
    exports: Record<string, ExportTarget | string>;
  };
  const entry: Record<string, string> = {};
  for (const target of Object.values(pkg.exports)) {
    if (typeof target === 'string') continue;
    const source = target['cashfree-kit-source'];
    const esm = typeof target.import === 'string' ? target.import : target.import?.default;
    if (!source || !esm) continue;
    entry[esm.replace(/^\.\/dist\//, '').replace(/\.js$/, '')] = source;
  }
  return entry;
}
