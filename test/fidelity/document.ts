/**
 * docs/fidelity.md as the repository renders it: the PG contract's overlay and operationIds, and
 * Payouts' own. write.ts, the table test and `npm run docs` all render through this one function,
 * so they cannot disagree about what the page holds.
 */
import { overlay } from '../contract/overlay.js';
import { payoutsOverlay } from '../contract/payouts-overlay.js';
import type { AllResults } from './collect.js';
import { contractOperationId, payoutsContractOperationId } from './paths.js';
import { renderFidelity } from './render.js';

export function renderFidelityDocument(results: AllResults): string {
  return renderFidelity(results, overlay, contractOperationId, {
    overlay: payoutsOverlay,
    operationId: payoutsContractOperationId,
  });
}
