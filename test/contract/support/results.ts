/**
 * Each fidelity suite records what it checked, per operation and case, as JSON under
 * `test-results/fidelity/<suite>.json`. `docs/fidelity.md` is rendered from these files only, so
 * the table shows what the suites actually found, never a hand-written claim. Each file carries
 * the fingerprint of the code it was produced from; the table test re-runs a suite whose file is
 * missing or stale.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './contract.js';
import { sourceFingerprint } from './fingerprint.js';
import type { Issue } from './validator.js';

/** The suites that feed the coverage table, one column each. */
export const FIDELITY_SUITES = {
  'sdk-requests': 'test/contract/sdk-requests.test.ts',
  'sandbox-responses': 'test/contract/sandbox-responses.test.ts',
  'official-sdk': 'test/contract/official-sdk.test.ts',
  webhooks: 'test/contract/webhooks.test.ts',
  'payouts-sdk-requests': 'test/contract/payouts-sdk-requests.test.ts',
  'payouts-sandbox-responses': 'test/contract/payouts-sandbox-responses.test.ts',
} as const;

export type SuiteName = keyof typeof FIDELITY_SUITES;

export interface CaseResult {
  /** `POST /orders` (a Payouts suite's `POST /transfers`, under /payout), or a webhook type. */
  operation: string;
  /** What was exercised, e.g. `create with every optional field` or `404 unknown order`. */
  name: string;
  ok: boolean;
  issues: string[];
}

export interface SuiteResults {
  suite: SuiteName;
  fingerprint: string;
  /** Set when the suite could not run (a missing prerequisite); no cases then. */
  skipped?: string;
  /**
   * False when the suite stopped before its last step (a crash, a failed setup), so its cases are
   * not the whole story and the table must not pass.
   */
  finished: boolean;
  cases: CaseResult[];
  /** Suite-specific facts for the report, e.g. the sandbox's routes that no case reached. */
  notes: string[];
}

export const resultsDir = join(repoRoot, 'test-results', 'fidelity');

export function resultsFile(suite: SuiteName): string {
  return join(resultsDir, `${suite}.json`);
}

/** Collects one suite's cases and writes them when the suite ends. */
export class ResultRecorder {
  readonly suite: SuiteName;
  readonly cases: CaseResult[] = [];
  readonly notes: string[] = [];
  #skipped: string | undefined;
  readonly #unfinished: Set<string>;

  /** @param parts the tests of the suite that must each reach their end (see `finish`) */
  constructor(suite: SuiteName, parts: readonly string[] = ['suite']) {
    this.suite = suite;
    this.#unfinished = new Set(parts);
  }

  /** Records one case; returns its issues so the caller can assert on them. */
  record(operation: string, name: string, issues: readonly (Issue | string)[]): string[] {
    const lines = issues.map((issue) =>
      typeof issue === 'string' ? issue : `${issue.where}: ${issue.message}`,
    );
    this.cases.push({ operation, name, ok: lines.length === 0, issues: lines });
    return lines;
  }

  skip(reason: string): void {
    this.#skipped = reason;
  }

  /** Marks one part of the suite as having run to its end; call it after that part's last step. */
  finish(part = 'suite'): void {
    this.#unfinished.delete(part);
  }

  /** Writes the results file atomically. Call from the suite's `after`. */
  write(): void {
    const results: SuiteResults = {
      suite: this.suite,
      fingerprint: sourceFingerprint(this.suite),
      ...(this.#skipped === undefined ? {} : { skipped: this.#skipped }),
      finished: this.#unfinished.size === 0,
      cases: [...this.cases].sort(
        (a, b) => a.operation.localeCompare(b.operation) || a.name.localeCompare(b.name),
      ),
      notes: this.notes,
    };
    mkdirSync(resultsDir, { recursive: true });
    const file = resultsFile(this.suite);
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, `${JSON.stringify(results, null, 2)}\n`);
    renameSync(partial, file);
  }
}

/** A suite's last results, or `undefined` when it has none. */
export function readResults(suite: SuiteName): SuiteResults | undefined {
  try {
    return JSON.parse(readFileSync(resultsFile(suite), 'utf8')) as SuiteResults;
  } catch {
    return undefined;
  }
}
