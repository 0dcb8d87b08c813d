/**
 * Gets every fidelity suite's results for the current code: a results file whose fingerprint
 * matches is used as is; a missing or stale one is produced by running that suite in a child
 * process first. So the table never shows results of other code, whatever order the test runner
 * picks, and running the table test alone still checks everything.
 */
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../contract/support/contract.js';
import { sourceFingerprint } from '../contract/support/fingerprint.js';
import {
  FIDELITY_SUITES,
  readResults,
  type SuiteName,
  type SuiteResults,
} from '../contract/support/results.js';

export type AllResults = Record<SuiteName, SuiteResults>;

export function collectResults(log: (line: string) => void = () => {}): AllResults {
  const all = {} as AllResults;
  for (const [suite, file] of Object.entries(FIDELITY_SUITES) as [SuiteName, string][]) {
    let results = readResults(suite);
    // A second try covers sources edited while the first run was under way.
    for (let run = 0; run < 2 && results?.fingerprint !== sourceFingerprint(suite, true); run++) {
      log(`[fidelity] ${results ? 'stale' : 'no'} results for ${suite}; running ${file}`);
      // The suite's own failures are in its results; its exit code adds nothing here.
      spawnSync(process.execPath, ['--conditions=cashfree-kit-source', '--import', 'tsx', '--test', file], {
        cwd: repoRoot,
        stdio: 'ignore',
        env: process.env,
      });
      results = readResults(suite);
    }
    if (results?.fingerprint !== sourceFingerprint(suite, true)) {
      throw new Error(
        `[fidelity] ${file} did not write results for the current code: it failed to start, or its sources kept changing while it ran.`,
      );
    }
    all[suite] = results;
  }
  return all;
}
