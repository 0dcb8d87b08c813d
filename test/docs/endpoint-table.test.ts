/**
 * The endpoint table (`ENDPOINTS`) is the one source of the SDK's, the sandbox's and the docs'
 * endpoints. These tests hold it to the code around it: every SDK resource method is in it and
 * sends exactly its method and path; every entry is an operation of Cashfree's contract; every
 * `/pg` route of the sandbox is an entry, and each entry the sandbox emulates is served; the CLI
 * commands it names exist and say the same endpoint; the rate limits are the sandbox's; and the
 * checks it documents are enforced before the wire.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { run } from '@cashfree-kit/cli';
import { createSandboxApp } from '@cashfree-kit/sandbox';
import { Cashfree, type Endpoint, type FieldCheck, isValidationError, listEndpoints } from 'cashfree-kit';
import { createFakeFetch, jsonResponse } from 'cashfree-kit/testing';
import { bucketFor } from '../../packages/sandbox/src/http/rate-limits.ts';
import { SdkSource } from '../../scripts/docs/sdk-source.ts';
import { loadContract, requireContract } from '../contract/support/contract.ts';
import { OperationIndex } from '../contract/support/operations.ts';

type Resources = Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;

function client(fetch = createFakeFetch(() => jsonResponse({}))) {
  return {
    fetch,
    cashfree: new Cashfree({ appId: 'app', secretKey: 'secret', environment: 'sandbox', fetch }),
  };
}

/** The resources of a client and their methods, found by reflection (not from the table). */
function sdkMethods(cashfree: Cashfree): { resource: string; method: string }[] {
  return Object.entries(cashfree).flatMap(([resource, value]) => {
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

function pathParams(endpoint: Endpoint): string[] {
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

/** The arguments of an SDK call: one id per path parameter, then a valid body when it takes one. */
function argumentsFor(call: string, endpoint: Endpoint): unknown[] {
  const ids = pathParams(endpoint).map((name) => `${name}_1`);
  if (!endpoint.request) return ids;
  return [...ids, VALID_BODIES[call]?.() ?? {}];
}

describe('the endpoint table and the SDK', () => {
  test('every resource method of the client has an entry, and every entry a method', () => {
    const { cashfree } = client();
    const methods = sdkMethods(cashfree).map(({ resource, method }) => `${resource}.${method}`);
    assert.ok(methods.length >= 20, `found ${methods.length} SDK methods by reflection`);
    assert.deepEqual(
      methods.sort(),
      listEndpoints()
        .map((e) => e.call)
        .sort(),
    );
  });

  test("every SDK method sends its entry's method and path", async () => {
    for (const { call, endpoint } of listEndpoints()) {
      const { cashfree, fetch } = client();
      const [resource, method] = call.split('.') as [string, string];
      const fn = (cashfree as unknown as Resources)[resource]?.[method];
      assert.ok(fn, call);
      await fn.apply((cashfree as unknown as Resources)[resource], argumentsFor(call, endpoint));
      const expected = `/pg${endpoint.path.replace(/\{([^}]+)\}/g, '$1_1')}`;
      assert.equal(
        `${fetch.lastCall?.method} ${fetch.lastCall?.path}`,
        `${endpoint.method} ${expected}`,
        call,
      );
    }
  });

  test('an entry with sentBody is sent exactly that body; one with neither request nor sentBody, none', async () => {
    const sent: string[] = [];
    for (const { call, endpoint } of listEndpoints()) {
      if (endpoint.request) continue;
      const { cashfree, fetch } = client();
      const [resource, method] = call.split('.') as [string, string];
      const resources = cashfree as unknown as Resources;
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
    for (const { call, endpoint } of listEndpoints()) {
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
    for (const { call, endpoint } of listEndpoints()) {
      for (const rule of endpoint.request?.checks ?? []) {
        const { cashfree, fetch } = client();
        const args = argumentsFor(call, endpoint);
        const body = args.at(-1) as Record<string, unknown>;
        setAt(body, rule.field, badValue(rule.check));
        const [resource, method] = call.split('.') as [string, string];
        const resourceObject = (cashfree as unknown as Resources)[resource];
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

describe('the endpoint table and the contract', () => {
  test("every entry is the contract's operation at that method and path, with its operationId", (t) => {
    if (!requireContract(t)) return;
    const index = new OperationIndex(loadContract());
    for (const { call, endpoint } of listEndpoints()) {
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

describe('the endpoint table and the sandbox', () => {
  const SANDBOX_ONLY_PG_ROUTES: readonly string[] = [];

  test('every /pg route the sandbox serves is an entry (or a listed sandbox-only route), and every emulated entry is served', () => {
    const sandbox = createSandboxApp();
    try {
      const served = new Set(
        sandbox.app.routes
          .filter((route) => route.path.startsWith('/pg/') && route.method !== 'ALL')
          .map((route) => `${route.method} ${route.path.slice(3).replaceAll(/:([A-Za-z_]+)/g, '{$1}')}`),
      );
      const table = new Set(
        listEndpoints()
          .filter((e) => e.endpoint.sandbox)
          .map((e) => `${e.endpoint.method} ${e.endpoint.path}`),
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

  test("each entry's rate limit is the sandbox's bucket for it", () => {
    for (const { call, endpoint } of listEndpoints()) {
      const bucket = bucketFor(endpoint.method, `/pg${endpoint.path.replace(/\{([^}]+)\}/g, 'x1')}`);
      assert.deepEqual({ perMinute: bucket.perMinute, per: bucket.type }, endpoint.rateLimit, call);
    }
  });

  test('an entry authorised by the payment session needs no API keys at the sandbox', async () => {
    const sandbox = createSandboxApp();
    try {
      for (const { call, endpoint } of listEndpoints()) {
        const response = await sandbox.request(`/pg${endpoint.path.replace(/\{([^}]+)\}/g, 'x1')}`, {
          method: endpoint.method,
          headers: { 'x-api-version': '2025-01-01', 'content-type': 'application/json' },
          body: endpoint.method === 'GET' ? null : '{}',
        });
        assert.equal(response.status === 401, endpoint.auth === 'api-keys', `${call}: ${response.status}`);
      }
    } finally {
      sandbox.close();
    }
  });
});

describe('the endpoint table and the CLI', () => {
  async function cliCommands(): Promise<Map<string, string>> {
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    const runtime = {
      env: {},
      stdout: Object.assign(stdout, { isTTY: false }),
      stderr: new PassThrough(),
      stdin: new PassThrough(),
      untilStopped: () => new Promise<string>(() => {}),
    };
    const code = await run(['--help'], runtime);
    assert.equal(code, 0);
    // `Every command:` lists `  orders create [options]  create an order (POST /orders); …`.
    const list = text.slice(text.indexOf('Every command:'));
    const commands = new Map<string, string>();
    for (const match of list.matchAll(/^ {2}(\S+(?: [a-z][a-z-]*)?)(?: [<[][^\n]*?)?\s{2,}(\S[^\n]*)$/gm)) {
      commands.set(match[1] as string, match[2] as string);
    }
    return commands;
  }

  test('each CLI command of the table exists and its help names the same endpoint', async () => {
    const commands = await cliCommands();
    assert.ok(commands.size >= 15, `parsed ${commands.size} commands from cashfree --help`);
    for (const { call, endpoint } of listEndpoints()) {
      if (!endpoint.cli) continue;
      const help = commands.get(endpoint.cli);
      assert.ok(help !== undefined, `${call}: cashfree ${endpoint.cli} does not exist`);
      const named = /\((GET|POST|PATCH) (\/[^)\s]+)\)/.exec(help);
      if (named)
        assert.equal(
          `${named[1]} ${named[2]}`,
          `${endpoint.method} ${endpoint.path}`,
          `cashfree ${endpoint.cli}`,
        );
    }
  });

  test('every CLI command that names an API endpoint is in the table', async () => {
    const commands = await cliCommands();
    const table = new Map(
      listEndpoints().map((e) => [`${e.endpoint.method} ${e.endpoint.path}`, e.endpoint.cli]),
    );
    for (const [command, help] of commands) {
      const named = /\((GET|POST|PATCH) (\/[^)\s]+)\)/.exec(help);
      if (!named) continue;
      assert.equal(
        table.get(`${named[1]} ${named[2]}`),
        command,
        `cashfree ${command} calls ${named[1]} ${named[2]}`,
      );
    }
  });
});
