/**
 * The operation table (`OPERATIONS`) is the one source of the SDK's, the sandbox's, the CLI's and
 * the docs' operations. These tests hold it to the behaviour of the code that reads it: every SDK
 * resource method is in it and sends exactly its method and path; every row is an operation of
 * Cashfree's contract; every `/pg` route of the sandbox is a row, and every PG row is served; each
 * CLI command that names a row sends that row's method and path; and the checks it documents are
 * enforced before the wire.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { operationCommands, run } from '@cashfree-kit/cli';
import { createSandboxApp } from '@cashfree-kit/sandbox';
import {
  Cashfree,
  type FieldCheck,
  isValidationError,
  listOperations,
  type Operation,
  PRODUCTS,
} from 'cashfree-kit';
import { CashfreePayouts } from 'cashfree-kit/payouts';
import { createFakeFetch, jsonResponse } from 'cashfree-kit/testing';
import { SdkSource } from '../../scripts/docs/sdk-source.ts';
import { loadContract, requireContract } from '../contract/support/contract.ts';
import { OperationIndex } from '../contract/support/operations.ts';
import { loadPayoutsContract, requirePayoutsContract } from '../contract/support/payouts-contract.ts';
import { type ReceivedRequest, sendJson, startLoopbackServer } from '../support/loopback-server.ts';

type Resources = Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;

/**
 * A PG client and a Payouts client on one fake fetch. `cashfree` is both, as `listOperations()`
 * names their calls: `orders.create` on the PG client, `payouts.transfers.create` on the Payouts one.
 */
function client(fetch = createFakeFetch(() => jsonResponse({}))) {
  const pg = new Cashfree({ appId: 'app', secretKey: 'secret', environment: 'sandbox', fetch });
  const payouts = new CashfreePayouts({
    clientId: 'app',
    clientSecret: 'secret',
    environment: 'sandbox',
    fetch,
  });
  return { fetch, pg, payouts, cashfree: callable(pg, payouts) };
}

/** The PG client's resources, and the Payouts client's under `payouts.<resource>`. */
function callable(pg: Cashfree, payouts: CashfreePayouts): Resources {
  const resources: Resources = { ...(pg as unknown as Resources) };
  for (const [name, resource] of Object.entries(payouts)) {
    if (typeof resource === 'object' && resource !== null) resources[`payouts.${name}`] = resource;
  }
  return resources;
}

/** `['payouts.transfers', 'create']` for `payouts.transfers.create`, `['orders', 'create']` for `orders.create`. */
function splitCall(call: string): [string, string] {
  const dot = call.lastIndexOf('.');
  return [call.slice(0, dot), call.slice(dot + 1)];
}

/** The resources of a client and their methods, found by reflection (not from the table). */
function sdkMethods(cashfree: object, prefix = ''): { resource: string; method: string }[] {
  return Object.entries(cashfree).flatMap(([name, value]) => {
    const resource = `${prefix}${name}`;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
    const prototype = Object.getPrototypeOf(value) as object;
    if (prototype === Object.prototype) return [];
    return Object.getOwnPropertyNames(prototype)
      .filter(
        (method) =>
          method !== 'constructor' && typeof (value as Record<string, unknown>)[method] === 'function',
      )
      .map((method) => ({ resource, method }));
  });
}

function pathParams(endpoint: Operation): string[] {
  return [...endpoint.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}

/** Valid bodies for the endpoints whose bodies the SDK checks. */
const VALID_BODIES: Record<string, () => Record<string, unknown>> = {
  'orders.create': () => ({
    order_id: 'order_001',
    order_amount: 499,
    order_currency: 'INR',
    customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
  }),
  'refunds.create': () => ({ refund_id: 'refund_001', refund_amount: 100 }),
  'links.create': () => ({
    link_id: 'link_001',
    link_amount: 999,
    link_currency: 'INR',
    link_purpose: 'Course fee',
    customer_details: { customer_phone: '9876543210' },
  }),
  'eligibility.paymentMethods': () => ({ queries: { amount: 100 } }),
  'plans.create': () => ({
    plan_id: 'plan_001',
    plan_name: 'Tea of the month',
    plan_type: 'PERIODIC',
    plan_recurring_amount: 499,
    plan_max_amount: 499,
    plan_intervals: 1,
    plan_interval_type: 'MONTH',
  }),
  'subscriptions.create': () => ({
    subscription_id: 'sub_001',
    customer_details: { customer_email: 'priya@example.com', customer_phone: '9876543210' },
    plan_details: { plan_id: 'plan_001' },
  }),
  'subscriptions.manage': () => ({ action: 'PAUSE' }),
  'subscriptions.eligibility': () => ({ queries: { subscription_id: 'sub_001' } }),
  'subscriptionPayments.create': () => ({
    subscription_id: 'sub_001',
    payment_id: 'charge_001',
    payment_type: 'CHARGE',
    payment_amount: 499,
  }),
  'subscriptionPayments.manage': () => ({ action: 'CANCEL' }),
  'subscriptionRefunds.create': () => ({ refund_id: 'refund_001', refund_amount: 100 }),
  'payouts.beneficiaries.create': () => ({
    beneficiary_id: 'beneficiary_001',
    beneficiary_name: 'Tea Estate',
  }),
  'payouts.transfers.create': () => ({
    transfer_id: 'transfer_001',
    transfer_amount: 100,
    beneficiary_details: { beneficiary_id: 'beneficiary_001' },
  }),
  'payouts.transfers.validate': () => ({ transfer_id: 'transfer_001', vpa: 'success@upi' }),
  'payouts.batchTransfers.create': () => ({
    batch_transfer_id: 'batch_001',
    transfers: [
      { transfer_id: 'transfer_001', transfer_amount: 100, beneficiary_details: { beneficiary_id: 'b_1' } },
    ],
  }),
};

/** The lookups of the Payouts calls that take their identifier in the query, not the path. */
const QUERY_ARGUMENTS: Record<string, () => unknown[]> = {
  'payouts.beneficiaries.get': () => [{ beneficiary_id: 'beneficiary_id_1' }],
  'payouts.beneficiaries.remove': () => ['beneficiary_id_1'],
  'payouts.transfers.get': () => [{ transfer_id: 'transfer_id_1' }],
  'payouts.batchTransfers.get': () => [{ batch_transfer_id: 'batch_transfer_id_1' }],
};

/** A value each check refuses. */
function badValue(check: FieldCheck): unknown {
  switch (check.kind) {
    case 'id':
      return 'not an id!';
    case 'rupees':
      return '499';
    case 'text':
      return '';
    case 'phone':
      return '+91 98765 43210';
    case 'iso-time':
      return 'tomorrow';
    case 'webhook-url':
      return 'http://example.com/webhook';
    case 'one-of':
      return 'SOMETHING_ELSE';
    case 'object':
      return 'not an object';
    case 'email':
      return 'priya at example.com';
    case 'currency':
      return 'RUPEES';
    case 'pattern':
      return '!! not valid !!';
    case 'list':
      return [];
  }
}

function setAt(body: Record<string, unknown>, field: string, value: unknown): void {
  const keys = field.split('.');
  let target = body;
  for (const key of keys.slice(0, -1)) {
    target[key] ??= {};
    target = target[key] as Record<string, unknown>;
  }
  target[keys.at(-1) as string] = value;
}

/** The path below the base URL an operation is sent to with `<name>_1` for each path parameter. */
function pathWithIds(endpoint: Operation): string {
  return `${PRODUCTS[endpoint.product].basePath}${endpoint.path.replace(/\{([^}]+)\}/g, '$1_1')}`;
}

/** The arguments of an SDK call: one id per path parameter, then a valid body when it takes one. */
function argumentsFor(call: string, endpoint: Operation): unknown[] {
  const ids = QUERY_ARGUMENTS[call]?.() ?? pathParams(endpoint).map((name) => `${name}_1`);
  if (!endpoint.request) return ids;
  return [...ids, VALID_BODIES[call]?.() ?? {}];
}

describe('the operation table and the SDK', () => {
  test('every resource method of the client has an entry, and every entry a method', () => {
    const { pg, payouts } = client();
    const methods = [...sdkMethods(pg), ...sdkMethods(payouts, 'payouts.')].map(
      ({ resource, method }) => `${resource}.${method}`,
    );
    assert.ok(methods.length >= 20, `found ${methods.length} SDK methods by reflection`);
    assert.deepEqual(
      methods.sort(),
      listOperations()
        .map((e) => e.call)
        .sort(),
    );
  });

  test("every SDK method sends its entry's method and path", async () => {
    for (const { call, operation: endpoint } of listOperations()) {
      const { cashfree, fetch } = client();
      const [resource, method] = splitCall(call);
      const fn = cashfree[resource]?.[method];
      assert.ok(fn, call);
      await fn.apply(cashfree[resource], argumentsFor(call, endpoint));
      const expected = pathWithIds(endpoint);
      assert.equal(
        `${fetch.lastCall?.method} ${fetch.lastCall?.path}`,
        `${endpoint.method} ${expected}`,
        call,
      );
    }
  });

  test('an entry with sentBody is sent exactly that body; one with neither request nor sentBody, none', async () => {
    const sent: string[] = [];
    for (const { call, operation: endpoint } of listOperations()) {
      if (endpoint.request) continue;
      const { cashfree, fetch } = client();
      const [resource, method] = splitCall(call);
      const resources = cashfree;
      await resources[resource]?.[method]?.apply(resources[resource], argumentsFor(call, endpoint));
      if (endpoint.sentBody) {
        assert.deepEqual(fetch.lastCall?.json, endpoint.sentBody, call);
        sent.push(call);
      } else {
        assert.equal(fetch.lastCall?.body, undefined, `${call} sends a body the table does not show`);
      }
    }
    assert.deepEqual(sent, ['orders.terminate']);
  });

  test('an entry names the status values of its response exactly when the response has a status field with documented values', () => {
    const source = new SdkSource();
    for (const { call, operation: endpoint } of listOperations()) {
      const entity = endpoint.response.replace(/\[\]$/, '').replace(/^CursorPage<(.+)>$/, '$1');
      const fields = source.requestFields(entity);
      // A status field whose type names its values (`OrderStatus`, a union of literals) rather
      // than `string`: those values belong on the page.
      const documented = fields.filter(
        (field) => /(^|\.)(\w+_)?status$/.test(field.path) && /Status\b|'/.test(field.type),
      );
      if (endpoint.statuses) {
        const field = fields.find((f) => f.path === endpoint.statuses?.field);
        assert.ok(field, `${call}: ${entity} has no field ${endpoint.statuses.field}`);
      } else {
        assert.deepEqual(
          documented.map((field) => `${field.path}: ${field.type}`),
          [],
          `${call}: add these status values to its entry's statuses`,
        );
      }
    }
  });

  test('every check the table documents is enforced before anything is sent', async () => {
    let checked = 0;
    for (const { call, operation: endpoint } of listOperations()) {
      for (const rule of endpoint.request?.checks ?? []) {
        const { cashfree, fetch } = client();
        const args = argumentsFor(call, endpoint);
        const body = args.at(-1) as Record<string, unknown>;
        setAt(body, rule.field, badValue(rule.check));
        const [resource, method] = splitCall(call);
        const resourceObject = cashfree[resource];
        const error = await resourceObject?.[method]?.apply(resourceObject, args).then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(isValidationError(error), `${call}: a bad ${rule.field} must be refused`);
        assert.equal(error.field, rule.field, `${call}: ${error.message}`);
        assert.equal(fetch.calls.length, 0, `${call}: nothing may be sent`);
        checked++;
      }
    }
    assert.ok(checked >= 15, `${checked} checks exercised`);
  });
});

describe('the operation table and the contract', () => {
  test("every entry is the contract's operation at that method and path, with its operationId", (t) => {
    if (!requireContract(t) || !requirePayoutsContract(t)) return;
    // Each product's rows against its own contract: PG's YAML, Payouts' JSON.
    const indexes = {
      pg: new OperationIndex(loadContract()),
      payouts: new OperationIndex(loadPayoutsContract()),
    };
    for (const { call, operation: endpoint } of listOperations()) {
      // POST /validatePayout is documented by Cashfree's pages only; its contract file lags them.
      if (call === 'payouts.transfers.validate') continue;
      const index = indexes[endpoint.product];
      assert.ok(
        index.has(endpoint.method, endpoint.path),
        `${call}: the contract has no ${endpoint.method} ${endpoint.path}`,
      );
      const operation = index.get(endpoint.method, endpoint.path);
      assert.equal(operation.operationId, endpoint.operationId, call);
      const contractParams = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      assert.deepEqual(pathParams(endpoint).sort(), contractParams.sort(), `${call}: path parameters`);
      if (endpoint.request) assert.ok(operation.requestBody, `${call}: the contract takes no body`);
      assert.equal(endpoint.auth === 'api-keys', operation.security.length > 0, `${call}: credentials`);
    }
  });
});

describe('the operation table and the sandbox', () => {
  const SANDBOX_ONLY_PG_ROUTES: readonly string[] = [];

  test('every /pg route the sandbox serves is an entry (or a listed sandbox-only route), and every PG entry is served', () => {
    const sandbox = createSandboxApp();
    try {
      const served = new Set(
        sandbox.app.routes
          .filter((route) => route.path.startsWith('/pg/') && route.method !== 'ALL')
          .map((route) => `${route.method} ${route.path.slice(3).replaceAll(/:([A-Za-z_]+)/g, '{$1}')}`),
      );
      const table = new Set(
        listOperations()
          .filter((e) => e.operation.product === 'pg')
          .map((e) => `${e.operation.method} ${e.operation.path}`),
      );
      assert.deepEqual(
        [...served].filter((key) => !table.has(key) && !SANDBOX_ONLY_PG_ROUTES.includes(key)),
        [],
      );
      assert.deepEqual(
        [...table].filter((key) => !served.has(key)),
        [],
      );
    } finally {
      sandbox.close();
    }
  });

  test('an entry authorised by the payment session needs no API keys at the sandbox', async () => {
    const sandbox = createSandboxApp();
    try {
      for (const { call, operation: endpoint } of listOperations()) {
        const response = await sandbox.request(pathWithIds(endpoint), {
          method: endpoint.method,
          headers: {
            'x-api-version': PRODUCTS[endpoint.product].apiVersion,
            'content-type': 'application/json',
          },
          body: endpoint.method === 'GET' ? null : '{}',
        });
        assert.equal(response.status === 401, endpoint.auth === 'api-keys', `${call}: ${response.status}`);
      }
    } finally {
      sandbox.close();
    }
  });
});

describe('the operation table and the CLI', () => {
  /** An answer of the shape the row says, empty, so the command prints it and exits 0. */
  function emptyAnswer(endpoint: Operation): unknown {
    if (endpoint.response.endsWith('[]')) return [];
    if (endpoint.response.startsWith('CursorPage<')) return { data: [], cursor: null, limit: 10 };
    return {};
  }

  /** One run of a command: its arguments after the command's name, and the query it must send. */
  interface CliRun {
    argv: string[];
    /** The query string the request carries, for commands that name their target in it. */
    query?: string;
  }

  /**
   * The runs of the commands that take their input otherwise than as one argument per path
   * parameter and a `--data` body: Payouts' lookups name their target in the query (by id, or by
   * account, Cashfree's id, …), and `transfers validate` takes flags. Each way in is run.
   */
  const CLI_RUNS: Record<string, () => CliRun[]> = {
    'payouts beneficiaries get': () => [
      { argv: ['beneficiary_id_1'], query: 'beneficiary_id=beneficiary_id_1' },
      {
        argv: ['--account', '026291800001191', '--ifsc', 'YESB0000262'],
        query: 'bank_account_number=026291800001191&bank_ifsc=YESB0000262',
      },
    ],
    'payouts beneficiaries remove': () => [
      { argv: ['beneficiary_id_1'], query: 'beneficiary_id=beneficiary_id_1' },
    ],
    'payouts transfers get': () => [
      { argv: ['transfer_id_1'], query: 'transfer_id=transfer_id_1' },
      { argv: ['--cf-transfer-id', '123456'], query: 'cf_transfer_id=123456' },
    ],
    'payouts transfers validate': () => [{ argv: ['--transfer-id', 'transfer_001', '--vpa', 'success@upi'] }],
    'payouts batch get': () => [
      { argv: ['batch_transfer_id_1'], query: 'batch_transfer_id=batch_transfer_id_1' },
      { argv: ['--cf-batch-transfer-id', '654321'], query: 'cf_batch_transfer_id=654321' },
    ],
  };

  /** The default run: an id per path parameter (`order_id_1`), then the row's valid body as `--data`. */
  function cliRuns(command: string, call: string, operation: Operation): CliRun[] {
    const special = CLI_RUNS[command];
    if (special) return special();
    const body = VALID_BODIES[call];
    return [
      {
        argv: [
          ...pathParams(operation).map((name) => `${name}_1`),
          ...(body ? ['--data', JSON.stringify(body())] : []),
        ],
      },
    ];
  }

  /**
   * Each product's keys and base URL as the CLI reads them (`PRODUCTS[…].credentials`, and
   * `CASHFREE_PAYOUTS_BASE_URL` for Payouts, which `CashfreePayouts.fromEnv` reads), distinct per
   * product so a request shows whose keys it carries.
   */
  function cliEnv(serverUrl: string): Record<string, string> {
    const { pg, payouts } = PRODUCTS;
    return {
      [pg.credentials.idVariable]: 'TESTapp',
      [pg.credentials.secretVariable]: 'cfsk_ma_test_secret',
      CASHFREE_BASE_URL: `${serverUrl}${pg.basePath}`,
      [payouts.credentials.idVariable]: 'CF_PAYOUT_TEST_ID',
      [payouts.credentials.secretVariable]: 'payout_test_secret',
      CASHFREE_PAYOUTS_BASE_URL: `${serverUrl}${payouts.basePath}`,
    };
  }

  /**
   * `/_sandbox/...` is the local sandbox's own admin API, not Cashfree's: some commands ask it
   * first whether the base URL is a local sandbox (`GET /_sandbox/health`, to print a checkout URL
   * or read the sandbox's clock; this server is not one, so they go on as against Cashfree). Those
   * probes are no operation, so they are left out; every other request is compared with the row.
   */
  const SANDBOX_ADMIN_PATH = '/_sandbox/';

  test('each CLI command that names an operation sends that operation’s method and path', async (t) => {
    const commands = operationCommands();
    assert.ok(commands.length >= 14, `${commands.length} CLI commands call an operation`);
    const products = new Set(commands.map(({ operation }) => operation.product));
    assert.deepEqual([...products].sort(), Object.keys(PRODUCTS).sort(), 'CLI commands of every product');
    const names = commands.map(({ command }) => command);
    assert.deepEqual(
      Object.keys(CLI_RUNS).filter((name) => !names.includes(name)),
      [],
      'CLI_RUNS names only commands that call an operation',
    );
    const calls = new Map(listOperations().map(({ call, operation }) => [operation, call]));
    for (const { command, operation } of commands) {
      const call = calls.get(operation);
      assert.ok(call, `cashfree ${command} names a row that is not in OPERATIONS`);
      for (const { argv: args, query } of cliRuns(command, call, operation)) {
        const server = await startLoopbackServer(t, (_request, response) =>
          sendJson(response, 200, emptyAnswer(operation)),
        );
        const argv = [...command.split(' '), ...args, '--json'];
        const output: string[] = [];
        const code = await run(argv, {
          env: cliEnv(server.url),
          stdout: { write: (text: string) => output.push(text), isTTY: false },
          stderr: { write: (text: string) => output.push(text), isTTY: false },
          stdin: Readable.from([]),
          untilStopped: () => new Promise<string>(() => {}),
        });
        assert.equal(code, 0, `cashfree ${argv.join(' ')}: ${output.join('')}`);
        const api = server.requests.filter((request) => !request.url.startsWith(SANDBOX_ADMIN_PATH));
        assert.deepEqual(
          api.map((request) => `${request.method} ${request.url.replace(/\?.*$/, '')}`),
          [`${operation.method} ${pathWithIds(operation)}`],
          `cashfree ${argv.join(' ')}`,
        );
        const [request] = api as [ReceivedRequest];
        if (query !== undefined) {
          assert.equal(new URL(request.url, server.url).search, `?${query}`, `cashfree ${argv.join(' ')}`);
        }
        if (operation.auth === 'api-keys') {
          const idVariable = PRODUCTS[operation.product].credentials.idVariable;
          assert.equal(
            request.headers['x-client-id'],
            cliEnv(server.url)[idVariable],
            `cashfree ${command} authenticates with ${idVariable}`,
          );
        }
        await server.close();
      }
    }
  });
});
