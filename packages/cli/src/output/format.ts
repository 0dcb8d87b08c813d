/** Plain-text layouts for human output: aligned key/value blocks, tables, durations, money. */
import { formatRupees as twoDecimals } from 'cashfree-kit';

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
 * `1234567.5` → `12,34,567.50`: the SDK's two decimals (`formatRupees`) with the digits grouped
 * the Indian way, the last three together and then by twos (lakh, crore), as the sandbox's pages
 * and the demo store print money. Done on the digits, not with `Intl`, so a Node built without
 * full ICU prints the same.
 */
export function groupIndian(amount: number): string {
  const [whole = '', fraction] = twoDecimals(amount).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const last = digits.slice(-3);
  const rest = digits.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ',');
  return `${sign}${rest ? `${rest},` : ''}${last}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** `₹5,988.00` for a rupee amount: two decimals, Indian digit grouping; `12.50 USD` for another currency. */
export function formatRupees(amount: unknown, currency: unknown = 'INR'): string | undefined {
  if (typeof amount !== 'number') return amount === undefined ? undefined : displayValue(amount);
  return currency === 'INR' || currency === undefined || currency === null
    ? `₹${groupIndian(amount)}`
    : `${groupIndian(amount)} ${String(currency)}`;
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
