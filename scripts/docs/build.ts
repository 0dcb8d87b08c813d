/**
 * `npm run docs`: builds every generated document from the code, in one go.
 *
 * - docs/errors.md from the SDK's error catalogue,
 * - docs/endpoints.md from the SDK's operation table, the CLI's operationCommands() and the
 *   sandbox's servedOperations(),
 * - docs/fidelity.md from the fidelity suites (which run first when their results are stale),
 * - docs/api/ (not committed), the API reference, from the TSDoc of the published packages.
 *
 * The committed pages have staleness tests under test/docs/ and test/fidelity/; the reference is
 * built by test/docs/api-reference.test.ts with TypeDoc's warnings as errors.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { collectResults } from '../../test/fidelity/collect.ts';
import { renderFidelityDocument } from '../../test/fidelity/document.ts';
import { fidelityDocPath } from '../../test/fidelity/paths.ts';
import { failures } from '../../test/fidelity/render.ts';
import { API_REFERENCE_DIR, buildApiReference } from './api-reference.ts';
import { ENDPOINTS_MD_PATH, renderEndpointsMarkdown } from './endpoints-md.ts';
import { ERRORS_MD_PATH, renderErrorsMarkdown } from './errors-md.ts';
import { repoRoot } from './public-api.ts';

function say(line: string): void {
  console.error(`[cashfree-kit docs] ${line}`);
}

function write(path: string, text: string): void {
  writeFileSync(path, text);
  say(`wrote ${relative(repoRoot, path)}`);
}

write(ERRORS_MD_PATH, renderErrorsMarkdown());
write(ENDPOINTS_MD_PATH, renderEndpointsMarkdown());

say('fidelity: collecting the suites’ results (running those that are stale)…');
const results = collectResults(say);
write(fidelityDocPath, renderFidelityDocument(results));
for (const problem of failures(results)) say(`fidelity FAILING: ${problem}`);

say('API reference: running TypeDoc…');
const { warnings } = await buildApiReference(API_REFERENCE_DIR);
say(`wrote ${relative(repoRoot, API_REFERENCE_DIR)}/ (open index.html)`);
if (warnings.length > 0 || failures(results).length > 0) {
  say(`${warnings.length} TypeDoc warning(s); fix them (they fail test/docs/api-reference.test.ts).`);
  process.exitCode = 1;
}
