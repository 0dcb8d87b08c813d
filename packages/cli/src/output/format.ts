/** Plain-text layouts for human output: aligned key/value blocks, tables, durations, money. */
import { formatInr } from 'cashfree-kit';

/** Visible width, ignoring ANSI colour codes. */
export function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape codes start with ESC
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

/** A value as one line of text: `—` for null/undefined, JSON for objects. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `label  value` lines with the values aligned; rows whose value is `undefined` are left out. */
export function formatKeyValues(rows: readonly (readonly [string, unknown])[]): string {
  const shown = rows.filter(([, value]) => value !== undefined);
  const width = Math.max(0, ...shown.map(([label]) => visibleLength(label)));
  return shown.map(([label, value]) => `${pad(label, width)}  ${displayValue(value)}`).join('\n');
}

/** A table with a header row; columns sized to their widest cell. */
export function formatTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = rows.map((row) => row.map(displayValue));
  const widths = headers.map((header, column) =>
    Math.max(visibleLength(header), ...cells.map((row) => visibleLength(row[column] ?? ''))),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => pad(cell, widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), ...cells.map(line)].join('\n');
}

/** `532 ms`, `1.2 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * `₹5,988.00` for a rupee amount, with the SDK's `formatInr` (two decimals, Indian digit grouping),
 * the one formatter the sandbox's pages and the demo store use too; `12,34,567.00 USD` for another
 * currency. Not a number (absent, null, a string) or too large to format: shown as it is.
 */
export function formatRupees(amount: unknown, currency: unknown = 'INR'): string | undefined {
  // Beyond the safe integers of paise (or NaN) formatInr throws; output shows the raw value instead.
  if (typeof amount !== 'number' || !Number.isSafeInteger(Math.round(amount * 100))) {
    return amount === undefined ? undefined : displayValue(amount);
  }
  const inr = formatInr(amount);
  return currency === 'INR' || currency === undefined || currency === null
    ? inr
    : `${inr.replace('₹', '')} ${String(currency)}`;
}

/** Wraps `text` at `width` columns, indenting continuation lines by `indent` spaces. */
export function wrap(text: string, width: number, indent: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines.join(`\n${' '.repeat(indent)}`);
}
