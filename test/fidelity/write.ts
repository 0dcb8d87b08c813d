/**
 * Regenerates docs/fidelity.md from the fidelity suites' results (running any suite whose results
 * are missing or stale first):
 *
 *   node --conditions=cashfree-kit-source --import tsx test/fidelity/write.ts
 */
import { writeFileSync } from 'node:fs';
import { collectResults } from './collect.js';
import { renderFidelityDocument } from './document.js';
import { FIDELITY_DOC, fidelityDocPath } from './paths.js';
import { failures } from './render.js';

const results = collectResults((line) => console.error(line));
writeFileSync(fidelityDocPath, renderFidelityDocument(results));
console.error(`[fidelity] wrote ${FIDELITY_DOC}`);
for (const problem of failures(results)) console.error(`[fidelity] FAILING: ${problem}`);
