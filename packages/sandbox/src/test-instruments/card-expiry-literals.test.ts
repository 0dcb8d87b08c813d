/**
 * The guard beside TEST_CARD_EXPIRY: no test, example, doc or fixture in the repository types a
 * card expiry that is still good today but runs out within five years, as 03/28 once did. Such a
 * date passes for years, then breaks every card payment it is used for on the day the sandbox
 * clock passes it. A past expiry (a test of an expired card) and a far one are left alone.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cardExpired } from '../validation/card-expiry.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const ROOTS = ['packages', 'examples', 'test', 'docs'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.git']);
const SCANNED = /\.(ts|tsx|js|mjs|cjs|md|html)$/;
const YEARS_AHEAD = 5;
const THIS_FILE = fileURLToPath(import.meta.url);

/** `card_expiry_mm: '03', card_expiry_yy: '28'`, across line breaks. */
const API_FIELDS = /card_expiry_mm:\s*['"](\d{1,2})['"],?\s*card_expiry_yy:\s*['"](\d{2})['"]/g;
/** `'03/28'` or `"03/2028"` on a line about a card's expiry field: a checkout form value. */
const FORM_VALUE = /['"](\d{1,2})\s*\/\s*(\d{2}|\d{4})['"]/g;
const EXPIRY_FIELD = /card[_ ]?expiry|expiry \(mm\/yy\)/i;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (SCANNED.test(entry.name) && path !== THIS_FILE) yield path;
  }
}

interface Found {
  where: string;
  expiry: string;
}

/** Every expiry literal in `text`, with its line number. */
function expiries(text: string): Array<{ line: number; mm: string; yy: string }> {
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const found = [...text.matchAll(API_FIELDS)].map((m) => ({ line: lineOf(m.index), mm: m[1]!, yy: m[2]! }));
  text.split('\n').forEach((line, i) => {
    if (!EXPIRY_FIELD.test(line)) return;
    for (const m of line.matchAll(FORM_VALUE)) found.push({ line: i + 1, mm: m[1]!, yy: m[2]!.slice(-2) });
  });
  return found;
}

test('the scan finds expiries in the shapes tests write them', () => {
  const sample = [
    "card: { card_expiry_mm: '03',",
    "  card_expiry_yy: '28', card_cvv: '123' }",
    "await page.fill('#card_expiry', '03/28');",
    'await modal.getByLabel(\'Expiry (MM/YY)\').fill("11 / 2029");',
  ].join('\n');
  assert.deepEqual(expiries(sample), [
    { line: 1, mm: '03', yy: '28' },
    { line: 3, mm: '03', yy: '28' },
    { line: 4, mm: '11', yy: '29' },
  ]);
});

test('no card expiry in the repository runs out within five years of the real date', () => {
  // The real clock on purpose: the sandboxes the e2e, docs and example tests start run on it.
  const now = Date.now();
  const inFiveYears = new Date(now);
  inFiveYears.setUTCFullYear(inFiveYears.getUTCFullYear() + YEARS_AHEAD);
  const soon: Found[] = [];
  let scanned = 0;
  for (const root of ROOTS) {
    for (const path of files(join(REPO_ROOT, root))) {
      scanned++;
      for (const { line, mm, yy } of expiries(readFileSync(path, 'utf8'))) {
        if (Number(mm) < 1 || Number(mm) > 12) continue; // a test of the shape check, not a date
        if (cardExpired(mm, yy, now) || !cardExpired(mm, yy, inFiveYears.getTime())) continue;
        soon.push({ where: `${relative(REPO_ROOT, path)}:${line}`, expiry: `${mm}/${yy}` });
      }
    }
  }
  assert.ok(scanned > 100, `scanned ${scanned} files under ${ROOTS.join(', ')}`);
  assert.deepEqual(
    soon,
    [],
    'Pay with TEST_CARD_EXPIRY (@cashfree-kit/sandbox, packages/sandbox/src/test-instruments/cards.ts) instead of these dates, or use a past one to test an expired card:',
  );
});
