import { defineConfig } from 'tsdown';
import { entriesFromExports } from '../../scripts/build/entries-from-exports.ts';

export default defineConfig({
  entry: entriesFromExports(new URL('./package.json', import.meta.url)),
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  // The exports map names .js (ESM) and .cjs files; tsdown's node default would be .mjs.
  fixedExtension: false,
  target: 'node20',
  sourcemap: true,
  // The SQLite seam loads better-sqlite3 with createRequire(import.meta.url); the shim gives the
  // CommonJS build an import.meta.url.
  shims: true,
  clean: true,
  // Runtime dependencies are installed beside the sandbox, so they are not bundled.
  external: [/^node:/, /^hono/, /^@hono\//, 'better-sqlite3', 'zod', /^cashfree-kit/],
});
