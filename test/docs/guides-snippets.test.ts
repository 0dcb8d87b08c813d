/**
 * The docs cannot drift from the code: every code block of README.md, docs/*.md, docs/guides/*.md
 * and the packages' and examples' READMEs compiles against today's SDK
 * (scripts/docs/check-snippets.ts), every relative link lands on a file and heading that exist,
 * and the migration table names methods both SDKs really have. The guides' flows are also run
 * against the local sandbox, in guides-flows.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_APP_ID, DEFAULT_PORT, DEFAULT_SECRET_KEY, TEST_CARD_OTP } from '@cashfree-kit/sandbox';
import { Cashfree } from 'cashfree-kit';
import { Cashfree as OfficialCashfree } from 'cashfree-pg';
import {
  CHECK_COMMAND,
  checkSnippets,
  docFiles,
  formatProblem,
  REPO_ROOT,
} from '../../scripts/docs/check-snippets.ts';
import { extractSnippets, snippetsOfFile } from '../../scripts/docs/snippets.ts';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

test('every code block of the README and the docs compiles or parses', () => {
  const files = docFiles();
  assert.ok(files.includes('README.md') && files.includes('docs/guides/refunds.md'), files.join(', '));
  const report = checkSnippets(files.flatMap((file) => snippetsOfFile(REPO_ROOT, file)));
  assert.deepEqual(
    report.problems.map(formatProblem),
    [],
    `Fix these blocks (or run ${CHECK_COMMAND} to see them):`,
  );
  // The check looked at what the docs hold: dozens of TypeScript blocks, the browser checkout, CI.
  assert.ok((report.checked.ts ?? 0) >= 25, `ts blocks checked: ${report.checked.ts}`);
  assert.ok((report.checked['html-script'] ?? 0) >= 2, 'the cashfree.js page scripts are checked');
  assert.ok((report.checked.yaml ?? 0) >= 2, 'the CI workflows are parsed');
  assert.ok(
    report.skipped.length <= 3,
    `nocheck is for the rare wrong-on-purpose block: ${report.skipped.length}`,
  );
});

test('a block that does not compile fails with its file, line and column', () => {
  const markdown = [
    '# Broken', // 1
    '', // 2
    '1. A step in a list:', // 3
    '', // 4
    '   ```ts', // 5
    "   import { Cashfree } from 'cashfree-kit';", // 6
    '   const cashfree = Cashfree.fromEnv();', // 7
    "   await cashfree.refunds.create('order_1', { refund_id: 'r_1', refund_amount: '100' });", // 8
    '   ```', // 9
    '', // 10
    '<!-- prelude', // 11
    'declare const orderId: string;', // 12
    'const oops = 1;', // 13
    '-->', // 14
    '', // 15
    '```ts', // 16
    'console.log(orderId.toFixed(2));', // 17
    '```', // 18
    '', // 19
    '```ts nocheck', // 20
    'this is not TypeScript at all', // 21
    '```', // 22
    '', // 23
    '```html', // 24
    '<button id="pay">Pay</button>', // 25
    '<script>', // 26
    "  document.getElementById('pay').textContent = 'Paid';", // 27
    '</script>', // 28
    '```', // 29
    '', // 30
    '```yaml', // 31
    'name: ci', // 32
    'on: push', // 33
    'jobs:', // 34
    '  test:', // 35
    '    runs-on: ubuntu-latest', // 36
    '    steps:', // 37
    '      - name: only a name', // 38
    '```', // 39
    '', // 40
    '```yaml', // 41
    'key: [unclosed', // 42
    '```', // 43
  ].join('\n');
  const report = checkSnippets(extractSnippets(markdown, 'docs/guides/broken.md'));
  const lines = report.problems.map(formatProblem);
  const at = (prefix: string, pattern: RegExp) =>
    assert.ok(
      lines.some((line) => line.startsWith(prefix) && pattern.test(line)),
      `expected ${prefix} ${pattern}; got:\n${lines.join('\n')}`,
    );
  // Column 65 is refund_amount in the list item's line, counting the 3 spaces of indentation.
  at('docs/guides/broken.md:8:65 ', /TS2322: Type 'string' is not assignable to type 'number'/);
  at('docs/guides/broken.md:13:1', /prelude: only declarations are allowed .*const oops = 1/);
  at('docs/guides/broken.md:17:', /Property 'toFixed' does not exist on type 'string'/);
  at('docs/guides/broken.md:27:', /TS2531: Object is possibly 'null'/);
  at('docs/guides/broken.md:32:1', /step 1 of job test has neither uses nor run/);
  at('docs/guides/broken.md:42:', /YAML: /);
  assert.ok(!lines.some((line) => line.includes(':21:')), 'the nocheck block is left out');
  assert.equal(report.skipped.length, 1);
  assert.equal(lines.length, 6, lines.join('\n'));
});

test('a one-line prelude is read from the comment itself, and its problems point there', () => {
  const markdown = [
    '<!-- prelude declare const total: number; -->', // 1
    '```ts', // 2
    'const label: string = total;', // 3
    '```', // 4
  ].join('\n');
  const [snippet] = extractSnippets(markdown, 'docs/guides/one-line.md');
  assert.deepEqual(snippet?.prelude, { code: ' declare const total: number; ', line: 1 });
  assert.deepEqual(checkSnippets(snippet ? [snippet] : []).problems.map(formatProblem), [
    "docs/guides/one-line.md:3:7 TS2322: Type 'number' is not assignable to type 'string'.",
  ]);
});

test('the guides the issue asks for exist, and the README and the index link every one', () => {
  const guides = [
    'accept-a-payment.md',
    'verify-payment-on-return.md',
    'handle-webhooks.md',
    'refunds.md',
    'payment-links.md',
    'payouts.md',
    'subscriptions.md',
    'settlements-and-reconciliation.md',
    'testing-with-the-local-sandbox.md',
    'going-to-production.md',
    'migrating-from-cashfree-pg.md',
    'rupees-not-paise.md',
  ];
  const index = read('docs/guides/README.md');
  const readme = read('README.md');
  for (const guide of guides) {
    assert.ok(existsSync(join(REPO_ROOT, 'docs/guides', guide)), guide);
    assert.ok(index.includes(`](${guide})`), `docs/guides/README.md links ${guide}`);
    assert.ok(readme.includes(`](docs/guides/${guide})`), `README.md links ${guide}`);
  }
  for (const framework of ['express', 'fastify', 'next', 'hono']) {
    assert.match(
      read('docs/guides/handle-webhooks.md'),
      new RegExp(`from 'cashfree-kit/webhooks/${framework}'`),
    );
  }
  for (const target of [
    'docs/sandbox.md',
    'docs/cli.md',
    'docs/webhooks.md',
    'docs/endpoints.md',
    'docs/errors.md',
    'docs/fidelity.md',
    'docs/reliability.md',
    'docs/performance.md',
  ]) {
    assert.ok(readme.includes(`](${target})`), `README.md links ${target}`);
  }
  for (const anchor of ['#demo-store', '#performance', '#local-sandbox']) {
    assert.ok(readme.includes(`](${anchor})`), `README.md links ${anchor}`);
  }
  assert.ok(readme.includes(`](docs/api/index.html)`), 'README.md links the API reference');
  for (const line of ['npm install', 'npm start', 'npm test'])
    assert.match(readme, new RegExp(`^${line} `, 'm'));
});

/** The API reference `npm run docs` builds (not committed). */
const BUILT_TARGETS = ['docs/api/'];
/** What the text of a link to a built target must say, since in a fresh clone it finds nothing. */
const BUILT_LINK_TEXT = 'built locally by `npm run docs`';

/** GitHub's anchor for a heading. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of read(file).split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? undefined : /^#{1,6}\s+(.*)$/.exec(line)?.[1];
    if (heading) anchors.add(slug(heading));
  }
  return anchors;
}

test('every relative link of the README and the docs lands on a file and a heading that exist', () => {
  const broken: string[] = [];
  let built = 0;
  for (const file of docFiles()) {
    const text = read(file).replace(/```[\s\S]*?```/g, '');
    for (const [, label = '', target = ''] of text.matchAll(/\[([^\]]*)\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
      const [path = '', anchor] = target.split('#');
      const resolved =
        path === '' ? file : normalize(relative(REPO_ROOT, join(REPO_ROOT, dirname(file), path)));
      const key = `${resolved}${path.endsWith('/') ? '/' : ''}${anchor ? `#${anchor}` : ''}`;
      if (BUILT_TARGETS.some((prefix) => key.startsWith(prefix))) {
        // Not in a fresh clone or on GitHub: the link itself must say how it comes to exist.
        built += 1;
        if (!label.includes(BUILT_LINK_TEXT))
          broken.push(`${file}: [${label}](${target}) does not say ${BUILT_LINK_TEXT}`);
        continue;
      }
      if (!existsSync(join(REPO_ROOT, resolved))) broken.push(`${file}: ${target} (no ${resolved})`);
      else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) {
        broken.push(`${file}: ${target} (no heading #${anchor} in ${resolved})`);
      }
    }
  }
  assert.deepEqual(broken, []);
  assert.ok(built >= 3, `${built} links to the API reference (README, the guides index, the SDK README)`);
});

test('the migration table maps real cashfree-pg methods to real cashfree-kit methods, and lists all of ours', () => {
  const guide = read('docs/guides/migrating-from-cashfree-pg.md');
  const rows = guide.split('\n').filter((line) => /^\| `PG\w+\(/.test(line));
  assert.ok(rows.length >= 20, `${rows.length} call rows`);
  const ours = new Cashfree({ appId: 'app', secretKey: 'secret', environment: 'sandbox' });
  const mapped = new Set<string>();
  for (const row of rows) {
    const official = /^\| `(PG\w+)\(/.exec(row)?.[1] ?? '';
    assert.equal(
      typeof (OfficialCashfree.prototype as unknown as Record<string, unknown>)[official],
      'function',
      official,
    );
    const call = /\| `cashfree\.(\w+)\.(\w+)\(/.exec(row);
    if (call) {
      const [, resource = '', method = ''] = call;
      const target = (ours as unknown as Record<string, Record<string, unknown>>)[resource];
      assert.equal(typeof target?.[method], 'function', `cashfree.${resource}.${method} (${official})`);
      mapped.add(`${resource}.${method}`);
    } else {
      assert.match(row, /\| `constructWebhookEvent\(/, `${official} maps to something that exists`);
    }
  }
  for (const resource of ['orders', 'payments', 'refunds', 'links', 'settlements', 'simulations'] as const) {
    const prototype = Object.getPrototypeOf(ours[resource]) as object;
    for (const method of Object.getOwnPropertyNames(prototype).filter((name) => name !== 'constructor')) {
      assert.ok(
        mapped.has(`${resource}.${method}`),
        `the table maps a cashfree-pg call to cashfree.${resource}.${method}`,
      );
    }
  }
});

test('the sandbox facts the docs quote are the sandbox defaults', () => {
  const docs = ['README.md', 'docs/sandbox.md', 'docs/guides/testing-with-the-local-sandbox.md'].map(read);
  for (const text of docs) {
    for (const match of text.matchAll(/CASHFREE_APP_ID[:=] ?(\w+)/g)) assert.equal(match[1], DEFAULT_APP_ID);
    for (const match of text.matchAll(/CASHFREE_SECRET_KEY[:=] ?(\w+)/g))
      assert.equal(match[1], DEFAULT_SECRET_KEY);
    for (const match of text.matchAll(/127\.0\.0\.1:(\d+)/g)) {
      assert.ok([String(DEFAULT_PORT), '3000'].includes(match[1] ?? ''), `port ${match[1]}`);
    }
  }
  assert.match(read('docs/guides/testing-with-the-local-sandbox.md'), new RegExp(`otp: '${TEST_CARD_OTP}'`));
});
