import { defineConfig } from 'tsdown';
import { entriesFromExports } from '../../scripts/build/entries-from-exports.ts';

export default defineConfig({
  entry: entriesFromExports(new URL('./package.json', import.meta.url)),
  format: ['esm'],
  dts: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  // Runtime dependencies are installed beside the CLI, so they are not bundled.
  external: [/^node:/, 'commander', 'picocolors', 'nanospinner', /^cashfree-kit/, /^@cashfree-kit\//],
});
