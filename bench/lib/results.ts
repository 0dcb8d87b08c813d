import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Machine } from './machine.js';
import type { Samples } from './rounds.js';
import { pairedRatios, type Spread, spread } from './stats.js';

/** One number of one contender in one case, over all rounds. */
export interface Figure extends Spread {
  /** The case, e.g. "GET order, 32 in flight"; a table of its own. */
  case: string;
  contender: string;
  metric: string;
  better: 'higher' | 'lower';
  /** Every round's value, in round order. */
  values: number[];
  /** The contender this figure is divided by, round by round, when it has a ratio. */
  baseline?: string;
  ratio?: Spread & { values: number[] };
}

/** A goal from the issue, checked against the figures of this run. */
export interface Target {
  goal: string;
  /** What was measured, in words, e.g. "0.041 (0.039–0.044)". */
  measured: string;
  met: boolean;
}

/** What one benchmark run found. */
export interface BenchResult {
  name: string;
  title: string;
  /** Who competes, what the limit is, how it is driven: printed above the tables. */
  setup: string;
  machine: Machine;
  startedAt: string;
  durationSeconds: number;
  rounds: number;
  quick: boolean;
  figures: Figure[];
  targets: Target[];
  notes: string[];
}

/**
 * Every benchmark's latest result on each Node major, keyed by {@link resultKey}
 * (`request-overhead@node24`): a run on Node 24 must not overwrite Node 20's figures, since a
 * reader wants the figures for the Node they have.
 */
export interface ResultsFile {
  benchmarks: Record<string, BenchResult>;
}

/** The Node major a result was measured on, from its machine record ("v24.22.3" → 24). */
export function nodeMajor(result: Pick<BenchResult, 'machine'>): number {
  return Number(/^v?(\d+)/.exec(result.machine.node)?.[1] ?? 0);
}

/** Where a result lives in the results file: its name and the Node major it ran on. */
export function resultKey(result: Pick<BenchResult, 'name' | 'machine'>): string {
  return `${result.name}@node${nodeMajor(result)}`;
}

/** How to turn a metric's samples into figures. */
export interface MetricSpec {
  metric: string;
  better: 'higher' | 'lower';
  /** Divide by this contender, round by round. */
  baseline?: string;
}

/** The figures of one case: one per contender and metric, with paired ratios where asked. */
export function figuresOf(caseName: string, samples: Samples, metrics: readonly MetricSpec[]): Figure[] {
  const figures: Figure[] = [];
  for (const [contender, series] of Object.entries(samples)) {
    for (const spec of metrics) {
      const values = series[spec.metric];
      if (!values || values.length === 0) continue;
      const figure: Figure = {
        case: caseName,
        contender,
        metric: spec.metric,
        better: spec.better,
        values,
        ...spread(values),
      };
      const base = spec.baseline === undefined ? undefined : samples[spec.baseline]?.[spec.metric];
      if (base && spec.baseline !== contender) {
        const ratios = pairedRatios(values, base);
        figure.baseline = spec.baseline!;
        figure.ratio = { values: ratios, ...spread(ratios) };
      }
      figures.push(figure);
    }
  }
  return figures;
}

/** The figure of `contender`'s `metric` in `caseName`, or an error naming what is missing. */
export function findFigure(
  figures: readonly Figure[],
  caseName: string,
  contender: string,
  metric: string,
): Figure {
  const found = figures.find((f) => f.case === caseName && f.contender === contender && f.metric === metric);
  if (!found) throw new Error(`[bench] no figure for ${contender} / ${metric} in "${caseName}"`);
  return found;
}

export function readResults(file: string): ResultsFile {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ResultsFile>;
    // Files written before results were kept per Node major are keyed by name alone; each entry
    // still records its Node, so it is re-keyed rather than lost.
    const benchmarks: Record<string, BenchResult> = {};
    for (const result of Object.values(parsed.benchmarks ?? {})) benchmarks[resultKey(result)] = result;
    return { benchmarks };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { benchmarks: {} };
    throw error;
  }
}

/**
 * Stores `result` under its name and Node major in `file`, keeping the other benchmarks' and the
 * other Nodes' latest results, so running one benchmark refreshes only its own entry. Written to a temporary file and renamed,
 * so an interrupted run never leaves half a file.
 */
export function writeResult(file: string, result: BenchResult): void {
  const all = readResults(file);
  all.benchmarks[resultKey(result)] = result;
  const ordered: ResultsFile = { benchmarks: {} };
  for (const name of Object.keys(all.benchmarks).sort()) ordered.benchmarks[name] = all.benchmarks[name]!;
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(ordered, null, 2)}\n`);
  renameSync(temporary, file);
}
