import { defineConfig } from 'tsdown';
import { entriesFromExports } from '../../scripts/build/entries-from-exports.ts';

export default defineConfig({
  // The public entries come from package.json `exports`; the binary's entry (run by
  // bin/cashfree-mcp.js, never imported by users) is added here rather than exported.
  entry: { ...entriesFromExports(new URL('./package.json', import.meta.url)), bin: 'src/bin.ts' },
  format: ['esm'],
  dts: true,
  platform: 'node',
  // The exports map and bin/cashfree-mcp.js name .js files; tsdown's node default would be .mjs.
  fixedExtension: false,
  target: 'node20',
  sourcemap: true,
  clean: true,
  // The docs the server serves as resources travel inside the package, read from dist/docs.
  copy: [
    {
      from: [
        '../../docs/endpoints.md',
        '../../docs/errors.md',
        '../../docs/webhooks.md',
        '../../docs/sandbox.md',
      ],
      to: 'dist/docs',
    },
    { from: '../../docs/guides/*.md', to: 'dist/docs/guides' },
  ],
  // Runtime dependencies are installed beside the server, so they are not bundled.
  deps: {
    neverBundle: [/^node:/, /^@modelcontextprotocol\/sdk/, /^cashfree-kit/, /^@cashfree-kit\//],
  },
});
