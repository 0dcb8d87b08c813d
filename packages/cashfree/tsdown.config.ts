import { defineConfig } from 'tsdown';
import { entriesFromExports } from '../../scripts/build/entries-from-exports.ts';

export default defineConfig({
  entry: entriesFromExports(new URL('./package.json', import.meta.url)),
  format: ['esm', 'cjs'],
  dts: true,
  // Neutral: the SDK runs on any runtime with fetch and Web Crypto, not only Node.
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  clean: true,
  // Optional peers of the inbox stores; the SDK root never imports them.
  external: [/^node:/, 'better-sqlite3', 'pg'],
});
