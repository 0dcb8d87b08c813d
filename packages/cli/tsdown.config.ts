import { defineConfig } from 'tsdown';
import { entriesFromExports } from '../../scripts/build/entries-from-exports.ts';

export default defineConfig({
  // The public entries come from package.json `exports`; the binary's entry (run by
  // bin/cashfree.js, never imported by users) is added here rather than exported.
  entry: { ...entriesFromExports(new URL('./package.json', import.meta.url)), bin: 'src/bin.ts' },
  format: ['esm'],
  dts: true,
  platform: 'node',
  // The exports map and bin/cashfree.js name .js files; tsdown's node default would be .mjs.
  fixedExtension: false,
  target: 'node20',
  sourcemap: true,
  clean: true,
  // Runtime dependencies are installed beside the CLI, so they are not bundled.
  deps: {
    neverBundle: [/^node:/, 'commander', 'picocolors', 'nanospinner', /^cashfree-kit/, /^@cashfree-kit\//],
  },
});
