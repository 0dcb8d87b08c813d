/**
 * The MCP Inspector's command-line mode (`mcp-inspector-cli --cli`, from the devDependency
 * `@modelcontextprotocol/inspector-cli`: the full `@modelcontextprotocol/inspector` wants Node 22)
 * against the built server, `node packages/mcp/dist/bin.js`, as a third-party client sees it:
 * it lists the tools with their schemas and hints, calls a helper, meets a refusal naming the
 * field, and creates an order that a second server process, started by a second Inspector run,
 * reads back from the local sandbox's state in the working directory.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { explainErrorCode } from 'cashfree-kit';
import { prerequisite } from '../support/prerequisites.ts';
import { scratchDirectory } from './support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INSPECTOR = join(ROOT, 'node_modules/.bin/mcp-inspector-cli');
const BUILT = join(ROOT, 'packages/mcp/dist/bin.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The built server when its build (and the SDK's and sandbox's it imports) is at least as new as
 * the sources, as after `npm run build` in CI; otherwise the binary on the source, so a stale
 * build on a developer's machine never passes for today's code.
 */
function serverCommand(): { args: string[]; env: Record<string, string>; built: boolean } {
  const builds = ['mcp/dist/bin.js', 'cashfree/dist/index.js', 'sandbox/dist/index.js'].map((file) =>
    join(ROOT, 'packages', file),
  );
  const fresh =
    builds.every((file) => existsSync(file)) &&
    Math.min(...builds.map((file) => statSync(file).mtimeMs)) >=
      Math.max(
        ...['mcp', 'cashfree', 'sandbox'].map((name) => newestMtime(join(ROOT, 'packages', name, 'src'))),
      );
  return fresh
    ? { args: [BUILT], env: {}, built: true }
    : {
        args: [join(ROOT, 'packages/mcp/bin/cashfree-mcp.js')],
        env: { CASHFREE_KIT_MCP_FROM_SOURCE: '1' },
        built: false,
      };
}

/**
 * A project directory for the Inspector and the server. The server keeps the local sandbox's state
 * in `.cashfree-sandbox/` there. The Inspector CLI (1.0.3) decides whether its own package.json is
 * `../package.json` by looking relative to the working directory, so the directory sits inside
 * one that has a package.json, as a project's subfolder does.
 */
function projectDirectory(t: TestContext): string {
  const outer = scratchDirectory(t);
  writeFileSync(join(outer, 'package.json'), '{}\n');
  const project = join(outer, 'project');
  mkdirSync(project);
  return project;
}

/** Runs `mcp-inspector-cli --cli <server> <inspector arguments>` and parses the JSON it prints. */
function inspect(cwd: string, inspectorArgs: string[]): Record<string, unknown> {
  const server = serverCommand();
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    // No keys: the server must run the local sandbox. Nothing of this test runner's either.
    if (value === undefined || name.startsWith('CASHFREE_') || name.startsWith('NODE_TEST')) continue;
    if (name === 'NODE_OPTIONS') continue;
    env[name] = value;
  }
  const run = spawnSync(INSPECTOR, ['--cli', process.execPath, ...server.args, ...inspectorArgs], {
    cwd,
    env: { ...env, ...server.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, `mcp-inspector-cli ${inspectorArgs.join(' ')}:\n${run.stdout}\n${run.stderr}`);
  try {
    return JSON.parse(run.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(`the Inspector printed no JSON:\n${run.stdout}\n${run.stderr}`);
  }
}

interface ListedTool {
  name: string;
  description?: string;
  inputSchema: { type: string; properties?: Record<string, unknown>; required?: string[] };
  outputSchema?: unknown;
  annotations?: Record<string, unknown>;
}

interface CallResult {
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

function available(t: TestContext): boolean {
  return prerequisite(
    t,
    existsSync(INSPECTOR),
    "the MCP Inspector's command line (node_modules/.bin/mcp-inspector-cli)",
    'Run npm install at the repository root: @modelcontextprotocol/inspector-cli is a devDependency.',
  );
}

test(`the MCP Inspector lists the ${serverCommand().built ? 'built' : 'source'} server's tools with schemas and hints`, (t) => {
  if (!available(t)) return;
  const { tools } = inspect(projectDirectory(t), ['--method', 'tools/list']) as { tools: ListedTool[] };
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  for (const name of [
    'orders_create',
    'orders_get',
    'refunds_create',
    'payouts_transfers_create',
    'errors_explain',
  ])
    assert.ok(byName.has(name), `${name} is listed (of ${tools.length})`);
  for (const name of ['sandbox_pay_order', 'sandbox_advance_clock', 'sandbox_webhook_deliveries'])
    assert.ok(byName.has(name), `no keys, so the local sandbox's ${name} is offered`);
  const create = byName.get('orders_create');
  assert.equal(create?.inputSchema.type, 'object');
  assert.deepEqual(create?.inputSchema.required, ['body']);
  assert.ok(create?.outputSchema, 'orders_create declares its output schema');
  assert.equal(create?.annotations?.['readOnlyHint'], false);
  assert.equal(byName.get('orders_get')?.annotations?.['readOnlyHint'], true);
  for (const tool of tools) assert.ok(tool.description, `${tool.name} has a description`);
});

test('the MCP Inspector calls errors_explain and gets the catalogue entry', (t) => {
  if (!available(t)) return;
  const result = inspect(projectDirectory(t), [
    '--method',
    'tools/call',
    '--tool-name',
    'errors_explain',
    '--tool-arg',
    'code=order_id_invalid',
  ]) as unknown as CallResult;
  const entry = explainErrorCode('order_id_invalid');
  assert.ok(entry);
  assert.notEqual(result.isError, true);
  assert.equal(result.structuredContent?.['code'], 'order_id_invalid');
  assert.equal(result.structuredContent?.['fix'], entry.fix);
  assert.match(result.content[0]?.text ?? '', /^order_id_invalid: /);
});

test('through the MCP Inspector: a bad field is refused with its name, and an order outlives its server process', (t) => {
  if (!available(t)) return;
  const project = projectDirectory(t);
  const order = (customerId: string) => ({
    order_id: 'order_inspector_1',
    order_amount: 499,
    order_currency: 'INR',
    customer_details: { customer_id: customerId, customer_phone: '9876543210' },
  });
  const call = (tool: string, ...args: string[]) =>
    inspect(project, [
      '--method',
      'tools/call',
      '--tool-name',
      tool,
      '--tool-arg',
      ...args,
    ]) as unknown as CallResult;

  const refused = call('orders_create', `body=${JSON.stringify(order('c1'))}`);
  assert.equal(refused.isError, true);
  assert.match(refused.content[0]?.text ?? '', /^Not sent: customer_details\.customer_id: .*least is 3/);

  const created = call('orders_create', `body=${JSON.stringify(order('cust_inspector'))}`);
  assert.notEqual(created.isError, true, created.content[0]?.text);
  assert.equal(created.structuredContent?.['order_status'], 'ACTIVE');
  // Another Inspector run is another server process: the order is in the sandbox's state on disk.
  const read = call('orders_get', 'order_id=order_inspector_1');
  assert.equal(read.structuredContent?.['order_id'], 'order_inspector_1');
  assert.equal(read.structuredContent?.['order_amount'], 499);
  assert.ok(existsSync(join(project, '.cashfree-sandbox')), 'the sandbox state is in the project directory');
});
