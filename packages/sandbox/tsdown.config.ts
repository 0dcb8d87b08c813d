import { defineConfig } from 'tsdown';
import { entriesFromExports } from '../../scripts/build/entries-from-exports.ts';

export default defineConfig({
  entry: entriesFromExports(new URL('./package.json', import.meta.url)),
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  // Runtime dependencies are installed beside the sandbox, so they are not bundled.
  external: [/^node:/, /^hono/, /^@hono\//, 'better-sqlite3', 'zod', /^cashfree-kit/],
});
