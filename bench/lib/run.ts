import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineInfo } from './machine.js';
import { type BenchResult, type Figure, type Target, writeResult } from './results.js';
import { renderResult } from './table.js';

/** The default results file, `bench/results/latest.json`. */
export const LATEST_RESULTS = fileURLToPath(new URL('../results/latest.json', import.meta.url));

/** How a benchmark was asked to run. */
export interface BenchSettings {
  /** Shorter rounds and smaller counts: a quick look, not a figure to publish. */
  quick: boolean;
  rounds: number;
  /** Where the result is merged in. */
  out: string;
  /** Progress for the person watching (stderr, so stdout stays the report). */
  log: (message: string) => void;
}

/** What a benchmark's body returns. */
export interface BenchOutcome {
  setup: string;
  figures: Figure[];
  targets?: Target[];
  notes?: string[];
  /** Rounds actually run, when not `--rounds` (a deterministic count needs one). */
  rounds?: number;
}

/**
 * Reads `--quick`, `--rounds N` (default `defaultRounds`, at most 5 with `--quick`) and
 * `--out FILE`; unknown options are left to the benchmark.
 */
export function benchSettings(
  argv: readonly string[] = process.argv.slice(2),
  defaultRounds = 5,
): BenchSettings {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      out: { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
  });
  const quick = values.quick === true;
  // --quick keeps the minimum of 5 rounds unless told otherwise.
  const rounds =
    values.rounds === undefined
      ? quick
        ? Math.min(5, defaultRounds)
        : defaultRounds
      : Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`[bench] --rounds must be a positive integer`);
  return {
    quick,
    rounds,
    out: typeof values.out === 'string' ? values.out : LATEST_RESULTS,
    log: (message) => process.stderr.write(`[bench] ${message}\n`),
  };
}

/**
 * Runs one benchmark: records the machine, runs `body`, prints its tables and targets, and merges
 * the result into the results file under `name`. A benchmark whose rounds are short may default
 * to more of them: many short rounds pair better on a noisy machine than a few long ones.
 */
export async function runBenchmark(
  name: string,
  title: string,
  body: (settings: BenchSettings) => Promise<BenchOutcome>,
  options: { defaultRounds?: number } = {},
): Promise<BenchResult> {
  const settings = benchSettings(process.argv.slice(2), options.defaultRounds);
  const machine = machineInfo();
  const startedAt = new Date();
  const started = performance.now();
  const outcome = await body(settings);
  const result: BenchResult = {
    name,
    title,
    setup: outcome.setup,
    machine,
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((performance.now() - started) / 100) / 10,
    rounds: outcome.rounds ?? settings.rounds,
    quick: settings.quick,
    figures: outcome.figures,
    targets: outcome.targets ?? [],
    notes: outcome.notes ?? [],
  };
  process.stdout.write(`${renderResult(result)}\n`);
  writeResult(settings.out, result);
  settings.log(`${name}: ${result.durationSeconds} s, written to ${settings.out}`);
  return result;
}
