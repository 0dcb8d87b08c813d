/**
 * Regenerates docs/fidelity.md from the fidelity suites' results (running any suite whose results
 * are missing or stale first):
 *
 *   node --conditions=cashfree-kit-source --import tsx test/fidelity/write.ts
 */
import { writeFileSync } from 'node:fs';
import { overlay } from '../contract/overlay.js';
import { payoutsOverlay } from '../contract/payouts-overlay.js';
import { collectResults } from './collect.js';
import { contractOperationId, FIDELITY_DOC, fidelityDocPath, payoutsContractOperationId } from './paths.js';
import { failures, renderFidelity } from './render.js';

const results = collectResults((line) => console.error(line));
writeFileSync(
  fidelityDocPath,
  renderFidelity(results, overlay, contractOperationId, {
    overlay: payoutsOverlay,
    operationId: payoutsContractOperationId,
  }),
);
console.error(`[fidelity] wrote ${FIDELITY_DOC}`);
for (const problem of failures(results)) console.error(`[fidelity] FAILING: ${problem}`);
