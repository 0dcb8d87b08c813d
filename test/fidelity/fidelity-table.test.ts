/**
 * docs/fidelity.md is the fidelity suites' verdict, not a claim: this test gathers the suites'
 * results for the current code (running any suite whose results are missing or stale), then fails
 * when any case failed, any suite skipped, or the committed file differs from what the results render.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { overlay } from '../contract/overlay.js';
import { payoutsOverlay } from '../contract/payouts-overlay.js';
import { requireContract } from '../contract/support/contract.js';
import { requirePayoutsContract } from '../contract/support/payouts-contract.js';
import { collectResults } from './collect.js';
import {
  contractOperationId,
  FIDELITY_DOC,
  fidelityDocPath,
  payoutsContractOperationId,
  REGENERATE,
} from './paths.js';
import { failures, renderFidelity } from './render.js';

test('the fidelity table is current and has no failing row', (t) => {
  if (!requireContract(t) || !requirePayoutsContract(t)) return;
  const results = collectResults((line) => t.diagnostic(line));
  assert.deepEqual(failures(results), [], 'every fidelity case must pass and no suite may skip');
  const expected = renderFidelity(results, overlay, contractOperationId, {
    overlay: payoutsOverlay,
    operationId: payoutsContractOperationId,
  });
  const committed = existsSync(fidelityDocPath) ? readFileSync(fidelityDocPath, 'utf8') : '';
  assert.equal(committed, expected, `${FIDELITY_DOC} is stale; regenerate it with: ${REGENERATE}`);
});
