/**
 * Every error code the local sandbox can answer with is explained: it has its own row in the SDK's
 * error catalogue (so in docs/errors.md, `cashfree errors explain` and `explainError()`), and
 * each endpoint's documented errors include every code its sandbox route can reach. The codes are
 * read from the sandbox's source with the TypeScript compiler (test/docs/support/sandbox-codes.ts).
 *
 * The source cannot show the field codes the sandbox builds at run time from a field's path
 * (`customer_details.customer_phone_invalid`), so the sandbox is also driven with the reliability
 * suite's catalogue of bad requests, and every code it answers must have a specific row: its own,
 * or that of the field its path ends with, never only the `<field>_invalid` pattern.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { COMMON_ERROR_CODES, ERROR_CATALOGUE, explainErrorCode, listOperations } from 'cashfree-kit';
import { ERRORS_MD_PATH } from '../../scripts/docs/errors-md.ts';
import { BAD_INPUTS, type Endpoint } from '../reliability/support/bad-input-catalogue.ts';
import { sandboxCalls } from '../reliability/support/sandbox-calls.ts';
import { type CodeSite, SandboxCodeScanner } from './support/sandbox-codes.ts';

const scanner = new SandboxCodeScanner();
const catalogued = new Set(ERROR_CATALOGUE.map((entry) => entry.code));
const paymentCodes = new Set(ERROR_CATALOGUE.filter((e) => e.kind === 'payment').map((e) => e.code));

/**
 * Codes the scan reaches from a route that the route never answers with, and why. The scan
 * over-approximates: it counts every code a called function can refuse with, also where the caller
 * drops the refusal. Each pair is checked to be still reached, so the entry goes once it is not.
 */
const NOT_ANSWERED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'POST /simulate': {
    // finishAuthorisation/finishCharge return on a refused transition; simulate first answers
    // entity_id_invalid for a payment that is not INITIALIZED or PENDING.
    payment_invalid: 'the subscription payment machine refuses a final payment; the caller drops it',
    subscription_invalid: 'the subscription machine refuses a second authorisation; the caller drops it',
  },
};

function unique(sites: readonly CodeSite[]): Map<string, string> {
  const codes = new Map<string, string>();
  for (const site of sites) if (!codes.has(site.code)) codes.set(site.code, site.where);
  return codes;
}

describe('every code the sandbox can emit', () => {
  const codes = unique(scanner.allCodes());

  test('is found: the scan sees the sandbox’s error constructors', () => {
    // A floor, so that a scanner broken by a refactor fails instead of passing on nothing.
    assert.ok(codes.size >= 60, `found only ${codes.size} codes in packages/sandbox/src`);
    for (const known of ['order_not_found', 'version_missing', 'request_failed', 'TRANSACTION_DECLINED']) {
      assert.ok(codes.has(known), `the scan missed ${known}`);
    }
  });

  test('has its own row in the error catalogue (not only the <field>_invalid pattern)', () => {
    const missing = [...codes]
      .filter(([code]) => !catalogued.has(code))
      .map(([code, where]) => `${code} (${where})`);
    assert.deepEqual(
      missing,
      [],
      'add these to packages/cashfree/src/core/error-catalogue.ts, then run npm run docs',
    );
  });

  test('is in docs/errors.md', () => {
    const page = readFileSync(ERRORS_MD_PATH, 'utf8');
    const missing = [...codes.keys()].filter((code) => !page.includes(`| \`${code}\` |`));
    assert.deepEqual(missing, [], 'docs/errors.md lacks these codes; run npm run docs');
  });
});

describe("each endpoint's documented errors", () => {
  // The PG rows, matched to the routes of PG_ROUTES (routes/pg.ts); Payouts rows have their own routes.
  const table = new Map(
    listOperations()
      .filter((e) => e.operation.product === 'pg')
      .map((e) => [`${e.operation.method} ${e.operation.path}`, e]),
  );
  const common = new Set<string>(COMMON_ERROR_CODES);

  test('every code of the table and COMMON_ERROR_CODES has a catalogue row', () => {
    const all = [...common, ...listOperations().flatMap((e) => e.operation.errors)];
    assert.deepEqual(
      all.filter((code) => !catalogued.has(code)),
      [],
    );
  });

  test('include every code the sandbox route of that endpoint can reach', () => {
    // Read from the list the sandbox mounts under /pg, so a route file added to it is checked too.
    const routes = scanner.routesOfList('routes/pg.ts', 'PG_ROUTES');
    assert.equal(routes.length, table.size, `found ${routes.length} /pg route registrations`);
    for (const route of routes) {
      const entry = table.get(route.key);
      assert.ok(entry, `${route.key} (${route.where}) is not in the operation table`);
      assert.ok(
        route.fromTable,
        `${route.key} (${route.where}) must take its method and path from its row: route(OPERATIONS…)`,
      );
      const documented = new Set([...entry.operation.errors, ...common]);
      const reached = unique(route.codes);
      const notAnswered = NOT_ANSWERED[route.key] ?? {};
      for (const code of Object.keys(notAnswered)) {
        assert.ok(reached.has(code), `${route.key} no longer reaches ${code}: drop it from NOT_ANSWERED`);
      }
      const undocumented = [...reached]
        .filter(([code]) => !documented.has(code) && !paymentCodes.has(code) && !(code in notAnswered))
        .map(([code, where]) => `${code} (${where})`);
      assert.deepEqual(undocumented, [], `add to OPERATIONS.${entry.call}.errors`);
    }
  });

  test('COMMON_ERROR_CODES include every code the /pg pipeline can answer with before a route runs', () => {
    const roots = [
      scanner.functionIn('http/pipeline.ts', 'requestGuard'),
      scanner.functionIn('http/auth.ts', 'createAuthCheck'),
      ...scanner.callbacksOf('http-app.ts', ['onError']),
    ];
    const codes = unique(roots.flatMap((root) => scanner.reachableCodes(root)));
    assert.ok(codes.has('version_missing') && codes.has('request_failed'), [...codes.keys()].join(', '));
    assert.deepEqual(
      [...codes].filter(([code]) => !common.has(code)).map(([code, where]) => `${code} (${where})`),
      [],
    );
  });
});

describe('every code the sandbox answers to the bad-input catalogue', () => {
  // The same in-process sandbox and paid order as the bad-input suite that owns the catalogue.
  const sandbox = sandboxCalls();
  after(() => sandbox.close());
  const PAID_ORDER = 'order_docs_codes_paid';
  const paths: Record<Endpoint, string> = {
    order: '/pg/orders',
    refund: `/pg/orders/${PAID_ORDER}/refunds`,
    link: '/pg/links',
  };
  /** Each code answered, with the first bad input that drew it. */
  const answered = new Map<string, string>();
  before(async () => {
    await sandbox.paidOrder(PAID_ORDER);
    for (const bad of BAD_INPUTS) {
      // Sent as is, past the SDK's own checks, as a client without them would.
      const answer = await sandbox.call('POST', paths[bad.endpoint], bad.rawText ?? JSON.stringify(bad.body));
      const code = (answer.json as { code?: unknown } | undefined)?.code;
      assert.equal(typeof code, 'string', `${bad.name}: ${answer.status} ${answer.text}`);
      if (!answered.has(code as string)) answered.set(code as string, bad.name);
    }
  });

  test('are many, and include codes built from a nested field’s path', () => {
    // Floors, so that a catalogue or a sandbox that stops answering fails instead of passing on nothing.
    assert.ok(answered.size >= 25, `only ${answered.size} codes: ${[...answered.keys()].join(', ')}`);
    for (const code of ['customer_details.customer_phone_invalid', 'order_meta.notify_url_invalid']) {
      assert.ok(answered.has(code), `the sandbox no longer answers ${code}`);
    }
  });

  test('each has a specific catalogue row (its own, or its last segment’s), not the generic pattern', () => {
    const unexplained = [...answered]
      .filter(([code]) => {
        const entry = explainErrorCode(code);
        return entry === undefined || entry.generic;
      })
      .map(([code, name]) => `${code} (${name})`);
    assert.deepEqual(
      unexplained,
      [],
      'add rows for these (or for the field their path ends with) to packages/cashfree/src/core/error-catalogue.ts, then run npm run docs',
    );
  });

  test('the row that answers each is in docs/errors.md', () => {
    const page = readFileSync(ERRORS_MD_PATH, 'utf8');
    const missing = [...answered.keys()].filter((code) => {
      const row = explainErrorCode(code);
      return !page.includes(`| \`${row?.answeredBy ?? row?.code ?? code}\` |`);
    });
    assert.deepEqual(missing, [], 'docs/errors.md lacks the rows of these codes; run npm run docs');
  });
});
