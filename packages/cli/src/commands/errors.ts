/**
 * `cashfree errors list` and `cashfree errors explain <code>`: the SDK's error catalogue (meaning,
 * likely cause, fix of every Cashfree error code and type cashfree-kit knows) in the terminal.
 */

import {
  ERROR_CATALOGUE,
  type ErrorCatalogueEntry,
  type ErrorCatalogueKind,
  explainErrorCode,
} from 'cashfree-kit';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../output/exit-codes.js';
import { formatTable, wrap } from '../output/format.js';

const kinds: Record<ErrorCatalogueKind, string> = {
  type: 'error type',
  code: 'error code',
  payment: 'payment failure code',
  webhook: 'webhook verification reason',
};

export function registerErrorsCommands(program: Command, context: CliContext): void {
  const errors = program
    .command('errors')
    .description('look up Cashfree error codes and types: meaning, likely cause, fix');

  errors
    .command('list')
    .description('every error code and type cashfree-kit knows')
    .option('--kind <kind>', 'only one kind: type, code, payment or webhook')
    .action((options: { kind?: string }) => {
      const kind = options.kind?.trim().toLowerCase();
      if (kind !== undefined && !(kind in kinds)) {
        throw new CliError(`--kind must be type, code, payment or webhook; received '${options.kind}'.`);
      }
      const entries = ERROR_CATALOGUE.filter((entry) => kind === undefined || entry.kind === kind);
      context.output.result(entries, () => listText(entries));
    });

  errors
    .command('explain')
    .description('meaning, likely cause and fix of one code, e.g. order_already_exists')
    .argument('<code>', 'an error code, type, payment failure code or webhook reason')
    .action((code: string) => {
      const entry = explainErrorCode(code);
      if (!entry) {
        const similar = suggestions(code);
        const hint = similar.length > 0 ? ` Did you mean ${similar.map((s) => `'${s}'`).join(' or ')}?` : '';
        throw new CliError(
          `'${code}' is not an error code cashfree-kit knows.${hint} Run 'cashfree errors list' for all of them; ` +
            'the full payment failure list is in the Cashfree dashboard.',
          EXIT.notFound,
        );
      }
      context.output.result(entry, () => explainText(entry, context.output.color));
    });
}

function listText(entries: readonly ErrorCatalogueEntry[]): string {
  const sections: string[] = [];
  for (const kind of Object.keys(kinds) as ErrorCatalogueKind[]) {
    const rows = entries.filter((entry) => entry.kind === kind);
    if (rows.length === 0) continue;
    const table = formatTable(
      ['CODE', 'HTTP', 'MEANING'],
      rows.map((entry) => [entry.code, entry.status.join(',') || '—', entry.meaning]),
    );
    sections.push(`${kinds[kind].toUpperCase()}S\n${table}`);
  }
  sections.push("Run 'cashfree errors explain <code>' for the likely cause and the fix.");
  return sections.join('\n\n');
}

function explainText(
  entry: ErrorCatalogueEntry,
  color: { bold(text: string): string; dim(text: string): string },
): string {
  const facts = [
    entry.generic
      ? `${kinds[entry.kind]}, explained by its pattern <field>_${entry.code.endsWith('_missing') ? 'missing' : 'invalid'}`
      : entry.answeredBy
        ? `${kinds[entry.kind]}, answered by the row ${entry.answeredBy}`
        : kinds[entry.kind],
    entry.status.length > 0 ? `HTTP ${entry.status.join('/')}` : undefined,
    entry.kind !== 'type' ? entry.type : undefined,
    entry.sdkError ? `cashfree-kit throws ${entry.sdkError}` : undefined,
  ].filter(Boolean);
  const line = (label: string, text: string) => `${label.padEnd(8)}${wrap(text, 90, 8)}`;
  return [
    `${color.bold(entry.code)}  ${color.dim(`(${facts.join(' · ')})`)}`,
    line('Meaning', entry.meaning),
    line('Cause', entry.cause),
    line('Fix', entry.fix),
    ...(entry.generic
      ? [
          color.dim(
            'This code has no entry of its own in the catalogue: the advice above is general, built for the field it names.',
          ),
        ]
      : []),
    ...(entry.answeredBy
      ? [
          color.dim(
            `This code has no entry of its own in the catalogue: the advice above is that of ${entry.answeredBy}, the field its path ends with.`,
          ),
        ]
      : []),
  ].join('\n');
}

/** Known codes containing the input, or within a small edit distance of it. */
function suggestions(input: string): string[] {
  const wanted = input.trim().toLowerCase();
  if (wanted.length < 3) return [];
  const scored = ERROR_CATALOGUE.map((entry) => {
    const code = entry.code.toLowerCase();
    const score = code.includes(wanted) || wanted.includes(code) ? 0 : distance(code, wanted);
    return { code: entry.code, score };
  })
    .filter((candidate) => candidate.score <= Math.max(2, Math.floor(wanted.length / 4)))
    .sort((a, b) => a.score - b.score);
  return [...new Set(scored.map((candidate) => candidate.code))].slice(0, 3);
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
