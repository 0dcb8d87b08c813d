import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../../packages/cashfree/dist/index.js', import.meta.url));

/**
 * Benchmarks measure the SDK as users install it: the built package. `npm run bench` builds it
 * first; a benchmark started on its own says how when it is missing.
 */
export function assertSdkBuilt(): void {
  if (!existsSync(DIST)) {
    throw new Error(
      '[bench] packages/cashfree/dist is missing: run `npm run build -w packages/cashfree` (npm run bench does it for you).',
    );
  }
}
