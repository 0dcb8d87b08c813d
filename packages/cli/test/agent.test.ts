/**
 * `cashfree agent init`, through the real binary in a scratch project: the skill and the three MCP
 * files are written and point at the local sandbox; a second run changes nothing; an edited skill
 * or a different `cashfree` entry is refused (exit 7) until --force; an existing VS Code file keeps
 * its other servers; a file with comments is never rewritten.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { childEnv, runCli } from './support.ts';

const SKILL = '.claude/skills/cashfree-kit/SKILL.md';
const SHIPPED_SKILL = new URL('../skills/cashfree-kit/SKILL.md', import.meta.url);
const SERVER = { command: 'npx', args: ['--no', 'cashfree', 'mcp'] };

interface Outcome {
  path: string;
  action: string;
  detail?: string;
}

function project(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-agent-init-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const readJson = (dir: string, path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));

async function init(dir: string, ...flags: string[]) {
  const result = await runCli(['agent', 'init', '--dir', dir, '--json', ...flags]);
  const files = result.json<{ files: Outcome[] }>().files;
  return {
    code: result.code,
    stderr: result.stderr,
    actions: Object.fromEntries(files.map((f) => [f.path, f.action])),
    files,
  };
}

test('agent init writes the skill and the MCP config of Claude Code, Cursor and VS Code', async (t) => {
  const dir = project(t);
  const first = await init(dir);
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual(first.actions, {
    [SKILL]: 'created',
    '.mcp.json': 'created',
    '.cursor/mcp.json': 'created',
    '.vscode/mcp.json': 'created',
  });
  assert.equal(readFileSync(join(dir, SKILL), 'utf8'), readFileSync(SHIPPED_SKILL, 'utf8'));
  assert.deepEqual(readJson(dir, '.mcp.json'), { mcpServers: { cashfree: { type: 'stdio', ...SERVER } } });
  assert.deepEqual(readJson(dir, '.cursor/mcp.json'), { mcpServers: { cashfree: SERVER } });
  assert.deepEqual(readJson(dir, '.vscode/mcp.json'), {
    servers: { cashfree: { type: 'stdio', ...SERVER } },
  });

  // Run again: everything is already there, nothing is written, and it is not an error.
  const second = await init(dir);
  assert.equal(second.code, 0, second.stderr);
  assert.deepEqual(Object.values(second.actions), ['unchanged', 'unchanged', 'unchanged', 'unchanged']);
});

test('a second run refuses to overwrite an edited skill or a different cashfree entry, and --force replaces them', async (t) => {
  const dir = project(t);
  assert.equal((await init(dir)).code, 0);
  writeFileSync(join(dir, SKILL), '# our own notes\n');
  const claude = {
    mcpServers: { cashfree: { command: 'node', args: ['my-server.js'] }, github: { command: 'gh-mcp' } },
  };
  writeFileSync(join(dir, '.mcp.json'), JSON.stringify(claude));

  const refused = await init(dir);
  assert.equal(refused.code, 7, 'exit 7: something exists already');
  assert.equal(refused.actions[SKILL], 'skipped');
  assert.equal(refused.actions['.mcp.json'], 'skipped');
  assert.match(refused.files.find((f) => f.path === SKILL)?.detail ?? '', /differs .* --force replaces it/);
  assert.match(
    refused.files.find((f) => f.path === '.mcp.json')?.detail ?? '',
    /my-server\.js.*--force replaces that entry only/,
  );
  assert.equal(readFileSync(join(dir, SKILL), 'utf8'), '# our own notes\n', 'the edited skill is untouched');
  assert.deepEqual(readJson(dir, '.mcp.json'), claude);

  const forced = await init(dir, '--force');
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(forced.actions[SKILL], 'overwritten');
  assert.equal(forced.actions['.mcp.json'], 'replaced');
  assert.equal(readFileSync(join(dir, SKILL), 'utf8'), readFileSync(SHIPPED_SKILL, 'utf8'));
  assert.deepEqual(readJson(dir, '.mcp.json'), {
    mcpServers: { cashfree: { type: 'stdio', ...SERVER }, github: { command: 'gh-mcp' } },
  });
});

test('an existing .vscode/mcp.json keeps its servers and gains ours; --client picks the files', async (t) => {
  const dir = project(t);
  mkdirSync(join(dir, '.vscode'));
  const other = { type: 'http', url: 'https://api.githubcopilot.com/mcp/' };
  writeFileSync(join(dir, '.vscode/mcp.json'), JSON.stringify({ inputs: [], servers: { github: other } }));

  const result = await init(dir, '--client', 'vscode');
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(result.actions, { [SKILL]: 'created', '.vscode/mcp.json': 'added' });
  assert.equal(result.files[1]?.detail, 'kept github');
  assert.deepEqual(readJson(dir, '.vscode/mcp.json'), {
    inputs: [],
    servers: { github: other, cashfree: { type: 'stdio', ...SERVER } },
  });
});

test('a config with comments is never rewritten, even with --force: the entry to add is printed', async (t) => {
  const dir = project(t);
  mkdirSync(join(dir, '.cursor'));
  const text = '{\n  // our servers\n  "mcpServers": {}\n}\n';
  writeFileSync(join(dir, '.cursor/mcp.json'), text);
  const result = await init(dir, '--client', 'cursor', '--force');
  assert.equal(result.code, 7);
  assert.equal(result.actions['.cursor/mcp.json'], 'skipped');
  assert.match(result.files[1]?.detail ?? '', /not plain JSON.*"cashfree":\{"command":"npx"/);
  assert.equal(readFileSync(join(dir, '.cursor/mcp.json'), 'utf8'), text);
});

test('agent init in text mode says what it wrote; a bad --client or --dir is a usage error', async (t) => {
  const dir = project(t);
  const text = await runCli(['agent', 'init', '--dir', dir, '--no-json', '--client', 'claude']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /created \.claude\/skills\/cashfree-kit\/SKILL\.md/);
  assert.match(text.stdout, /created \.mcp\.json/);
  assert.match(text.stdout, /npx --no cashfree mcp/);
  const badClient = await runCli(['agent', 'init', '--dir', dir, '--client', 'emacs']);
  assert.equal(badClient.code, 2);
  assert.match(badClient.stdout + badClient.stderr, /--client must be claude, cursor, vscode or all/);
  const badDir = await runCli(['agent', 'init', '--dir', join(dir, 'nope')]);
  assert.equal(badDir.code, 2);
  assert.match(badDir.stdout + badDir.stderr, /no such directory/);
});

test('the server entry it writes starts the MCP server in a project that has the CLI installed', async (t) => {
  const dir = project(t);
  // The project's node_modules: this repository's, where `cashfree` is the CLI's binary.
  symlinkSync(
    fileURLToPath(new URL('../../../node_modules', import.meta.url)),
    join(dir, 'node_modules'),
    'dir',
  );
  assert.equal((await init(dir, '--client', 'claude')).code, 0);
  const { command, args } = readJson(dir, '.mcp.json').mcpServers.cashfree as {
    command: string;
    args: string[];
  };
  const transport = new StdioClientTransport({ command, args, cwd: dir, env: childEnv(), stderr: 'pipe' });
  const client = new Client({ name: 'agent-init-test', version: '0.0.0' });
  await client.connect(transport);
  t.after(() => client.close());
  const names = (await client.listTools()).tools.map((tool) => tool.name);
  assert.ok(names.includes('orders_create') && names.includes('sandbox_pay_order'), names.join(', '));
});
