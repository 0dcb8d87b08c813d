import { describeMachine } from './machine.js';
import type { BenchResult, Figure } from './results.js';
import type { Spread } from './stats.js';

/** A number for a table: 3 significant digits, thousands grouped ("12,345", "0.0412"). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const digits = Math.max(0, 2 - Math.floor(Math.log10(abs)));
  return value.toFixed(Math.min(digits, 4));
}

/** A ratio's median and range, e.g. "0.912× (0.870–0.950)". */
export function formatRatio(r: Spread): string {
  return `${formatNumber(r.median)}× (${formatNumber(r.min)}–${formatNumber(r.max)})`;
}

function ratioCell(figure: Figure | undefined): string {
  if (!figure?.ratio) return figure ? '1 (baseline)' : '';
  return formatRatio(figure.ratio);
}

/**
 * One Markdown table per case: a row per contender, a column per metric (the median over the
 * rounds), and a column per ratio (median and range of the per-round ratios).
 */
export function renderTables(result: BenchResult): string {
  const cases = [...new Set(result.figures.map((f) => f.case))];
  const out: string[] = [];
  for (const caseName of cases) {
    const figures = result.figures.filter((f) => f.case === caseName);
    const metrics = [...new Set(figures.map((f) => f.metric))];
    const ratioMetrics = metrics.filter((m) => figures.some((f) => f.metric === m && f.ratio));
    const contenders = [...new Set(figures.map((f) => f.contender))];
    const baselineOf = (metric: string) => figures.find((f) => f.metric === metric && f.baseline)?.baseline;
    const header = [caseName, ...metrics, ...ratioMetrics.map((m) => `${m}: × ${baselineOf(m)}`)];
    out.push(
      `| ${header.join(' | ')} |`,
      `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    );
    for (const contender of contenders) {
      const cell = (metric: string) => figures.find((f) => f.contender === contender && f.metric === metric);
      const row = [
        contender,
        ...metrics.map((m) => {
          const f = cell(m);
          return f ? formatNumber(f.median) : '';
        }),
        ...ratioMetrics.map((m) => (baselineOf(m) === contender ? '1 (baseline)' : ratioCell(cell(m)))),
      ];
      out.push(`| ${row.join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Targets as a Markdown list: met or missed, with what was measured. */
export function renderTargets(result: BenchResult): string {
  return result.targets
    .map((t) => `- ${t.met ? '✅ met' : '❌ missed'}: ${t.goal} (measured ${t.measured})`)
    .join('\n');
}

/** The whole report of one benchmark, as printed and as pasted into the README. */
export function renderResult(result: BenchResult, headingLevel = 3): string {
  const parts = [
    `${'#'.repeat(headingLevel)} ${result.title}`,
    '',
    result.setup,
    '',
    result.rounds === 1
      ? `One round${result.quick ? ' (--quick)' : ''}.`
      : `Median of ${result.rounds} interleaved rounds${result.quick ? ' (--quick)' : ''}; ranges are min–max; ratios are paired per round.`,
    `Machine: ${describeMachine(result.machine)}.`,
    '',
    renderTables(result),
  ];
  if (result.targets.length > 0) parts.push(renderTargets(result), '');
  for (const note of result.notes) parts.push(`> ${note}`, '');
  return parts.join('\n');
}
