/**
 * docs/sandbox.md's table of subscription mandate test data says what each instrument does to the
 * authorisation and to every charge after it. Each row is checked against the sandbox's own
 * `mandateOutcome()`, and the table must name every instrument that does not simply succeed, so a
 * change to the test data that the docs do not follow fails here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { TEST_CARD_OTP, TEST_CARDS, TEST_VPAS } from '@cashfree-kit/sandbox';
// The mandate rules are internal to the sandboxes' test data: read from its source.
import {
  DEBIT_FAILING_ACCOUNT_SUFFIX,
  DEBIT_FAILING_VPA,
  type MandateMethod,
  mandateOutcome,
  REJECTED_ACCOUNT_SUFFIX,
} from '../../packages/sandbox/src/test-instruments/mandates.ts';

const DOC = readFileSync(new URL('../../docs/sandbox.md', import.meta.url), 'utf8');
const METHODS: readonly MandateMethod[] = ['upi', 'card', 'enach', 'pnach'];

/** Instruments the rows' "any other …" wording covers: none of them is test data of its own. */
const ANY_OTHER: Record<MandateMethod, string> = {
  upi: 'priya@okaxis',
  card: '4000 0000 0000 0002',
  enach: '59108290701802',
  pnach: '59108290701802',
};

interface Row {
  methods: MandateMethod[];
  data: string;
  auth: string;
  charge: string;
}

function mandateRows(): Row[] {
  const start = DOC.indexOf('### Subscription mandates');
  assert.ok(start >= 0, 'docs/sandbox.md has a "### Subscription mandates" section');
  const end = DOC.indexOf('\n## ', start);
  const lines = DOC.slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
  assert.match(lines[0] ?? '', /^\| Mandate method \| Test data \| Authorisation \| Each charge \|$/);
  return lines.slice(1).map((line) => {
    const [method = '', data = '', auth = '', charge = ''] = line
      .slice(2, -2)
      .split(' | ')
      .map((cell) => cell.trim());
    const methods = [...method.matchAll(/`(\w+)`/g)].map((match) => match[1] as MandateMethod);
    assert.ok(methods.length > 0 && methods.every((m) => METHODS.includes(m)), `${line}: a mandate method`);
    return { methods, data, auth, charge };
  });
}

const quoted = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
const errorCode = (text: string) => /`([A-Z][A-Z_]+)`/.exec(text)?.[1];

/** The instruments a row's data cell names, on `method`: VPAs, card numbers, account endings. */
function references(row: Row, method: MandateMethod): string[] {
  const named = quoted(row.data).map((value) => (row.data.includes('ending') ? `5910829070${value}` : value));
  const others = /any (other )?(VPA|card|account)|ending otherwise/.test(row.data) ? [ANY_OTHER[method]] : [];
  if (/every other failing test VPA/.test(row.data)) {
    for (const [vpa, entry] of Object.entries(TEST_VPAS))
      if (entry.outcome !== 'SUCCESS' && vpa !== DEBIT_FAILING_VPA) named.push(vpa);
  }
  return [...named, ...others];
}

test('every row of the mandate test data does what docs/sandbox.md says', () => {
  const rows = mandateRows();
  assert.ok(rows.length >= 6, `${rows.length} rows`);
  for (const row of rows) {
    const authOutcome = /^(SUCCESS|FAILED)\b/.exec(row.auth)?.[1];
    assert.ok(authOutcome, `${row.data}: the authorisation starts SUCCESS or FAILED`);
    const authCode = errorCode(row.auth);
    const chargeOutcome = /^(SUCCESS|FAILED|none)\b/.exec(row.charge)?.[1];
    assert.ok(chargeOutcome, `${row.data}: each charge is SUCCESS, FAILED or none`);
    assert.equal(
      chargeOutcome === 'none',
      authOutcome === 'FAILED',
      `${row.data}: no charge without a mandate`,
    );
    const chargeCode = errorCode(row.charge);
    for (const otp of row.auth.matchAll(/OTP `(\d+)`/g)) assert.equal(otp[1], TEST_CARD_OTP);
    // "(`failure@cashfree`: `TRANSACTION_DECLINED`)": the error of one instrument of the row.
    for (const [, reference = '', code] of row.auth.matchAll(/`([^`]+)`: `([A-Z_]+)`/g)) {
      const method = row.methods[0] as MandateMethod;
      assert.equal(mandateOutcome(method, reference).auth.error?.code, code, `${reference}: its error`);
    }
    for (const method of row.methods) {
      const refs = references(row, method);
      assert.ok(refs.length > 0, `${row.data}: names an instrument`);
      for (const reference of refs) {
        const outcome = mandateOutcome(method, reference);
        const where = `${method} ${reference}`;
        assert.equal(outcome.auth.outcome, authOutcome, `${where}: authorisation`);
        if (authCode && !row.auth.includes(`: \`${authCode}\``))
          assert.equal(outcome.auth.error?.code, authCode, `${where}: authorisation error`);
        if (chargeOutcome === 'none') continue;
        assert.equal(outcome.charge.outcome, chargeOutcome, `${where}: each charge`);
        assert.equal(outcome.charge.error?.code, chargeCode, `${where}: charge error`);
      }
    }
  }
});

test('the table names every instrument that does not simply succeed, on every mandate method', () => {
  const rows = mandateRows();
  const named = (method: MandateMethod) =>
    rows.filter((row) => row.methods.includes(method)).flatMap((row) => references(row, method));
  for (const method of METHODS) assert.ok(named(method).length > 0, `a row for ${method}`);
  assert.ok(named('upi').includes(DEBIT_FAILING_VPA));
  for (const [vpa, entry] of Object.entries(TEST_VPAS))
    if (entry.outcome !== 'SUCCESS') assert.ok(named('upi').includes(vpa), vpa);
  for (const [number, card] of Object.entries(TEST_CARDS)) {
    if (card.outcome === 'SUCCESS') continue;
    assert.ok(
      named('card').some((reference) => reference.replace(/\s/g, '') === number),
      `declined card ${number}`,
    );
  }
  for (const method of ['enach', 'pnach'] as const) {
    for (const suffix of [REJECTED_ACCOUNT_SUFFIX, DEBIT_FAILING_ACCOUNT_SUFFIX]) {
      assert.ok(
        named(method).some((reference) => reference.endsWith(suffix)),
        `${method}: accounts ending ${suffix}`,
      );
    }
  }
});
