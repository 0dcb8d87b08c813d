/**
 * `cashfree agent init`: sets a project up for a coding agent. Writes the cashfree-kit skill
 * (skills/cashfree-kit/SKILL.md of this package) to `.claude/skills/cashfree-kit/SKILL.md`, the
 * one project location Claude Code, Cursor and VS Code's Copilot all read, and adds the MCP server
 * (`npx --no cashfree mcp`: the local sandbox, no keys) to each client's project file: `.mcp.json`
 * (Claude Code, `mcpServers`), `.cursor/mcp.json` (`mcpServers`), `.vscode/mcp.json` (`servers`,
 * with `type: 'stdio'`).
 *
 * Nothing is overwritten without `--force`. A file that is missing is created; one that holds
 * exactly what would be written is left alone. An MCP file that exists gains our `cashfree` entry
 * and keeps every other server; when it already has a `cashfree` entry that differs, or the skill
 * was edited, the file is skipped (saying why) unless `--force`, which replaces only our entry. A
 * file that is not plain JSON (VS Code allows comments) is never rewritten: the entry to add by
 * hand is printed instead.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { CliError, EXIT, ExitWith } from '../output/exit-codes.js';

/** The MCP clients `agent init` writes a configuration for. */
export const AGENT_CLIENTS = ['claude', 'cursor', 'vscode'] as const;
export type AgentClient = (typeof AGENT_CLIENTS)[number];

/** The server's name in every configuration. */
export const MCP_SERVER_NAME = 'cashfree';

/** Where the skill goes, relative to the project: read by Claude Code, and by Cursor and VS Code for compatibility. */
export const SKILL_PATH = '.claude/skills/cashfree-kit/SKILL.md';

/**
 * `npx --no`: the CLI installed in the project (as `agent init` itself is), never a download. A
 * client starts servers without a terminal, where plain npx would install whatever package the
 * registry has under the name `cashfree` without asking.
 */
const COMMAND = { command: 'npx', args: ['--no', 'cashfree', 'mcp'] };

/** Each client's project file, the key of its server map, and our entry in it. */
const CLIENT_FILES: Record<AgentClient, { path: string; key: string; entry: Record<string, unknown> }> = {
  claude: { path: '.mcp.json', key: 'mcpServers', entry: { type: 'stdio', ...COMMAND } },
  cursor: { path: '.cursor/mcp.json', key: 'mcpServers', entry: { ...COMMAND } },
  vscode: { path: '.vscode/mcp.json', key: 'servers', entry: { type: 'stdio', ...COMMAND } },
};

/** What happened to one file. */
export interface AgentFileOutcome {
  /** Relative to the project directory. */
  path: string;
  action: 'created' | 'added' | 'replaced' | 'overwritten' | 'unchanged' | 'skipped';
  /** Why, for `skipped` (and what to do), or which entries were kept, for `added`. */
  detail?: string;
}

export function registerAgentCommands(program: Command, context: CliContext): void {
  const agent = program.command('agent').description('set a project up for coding agents');
  agent
    .command('init')
    .description('write the cashfree-kit skill and the MCP server config for Claude Code, Cursor and VS Code')
    .option('--dir <path>', 'the project directory (default: the current one)')
    .option(
      '--client <clients>',
      `which clients' MCP config: ${AGENT_CLIENTS.join(', ')} or all (comma-separated)`,
      'all',
    )
    .option('--force', 'replace an edited skill and an existing, different cashfree MCP entry')
    .action((options: { dir?: string; client: string; force?: true }) => {
      const dir = resolve(options.dir ?? process.cwd());
      if (!existsSync(dir)) throw new CliError(`--dir ${options.dir}: no such directory. Create it first.`);
      const outcomes = initAgent(dir, parseClients(options.client), options.force === true);
      const skipped = outcomes.filter((outcome) => outcome.action === 'skipped');
      context.output.result({ dir, files: outcomes }, () => describe(dir, outcomes));
      if (skipped.length > 0) throw new ExitWith(EXIT.conflict);
    });
}

function parseClients(value: string): AgentClient[] {
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.includes('all')) return [...AGENT_CLIENTS];
  const unknown = names.filter((name) => !(AGENT_CLIENTS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new CliError(
      `--client must be ${AGENT_CLIENTS.join(', ')} or all (comma-separated); received '${value}'.`,
    );
  }
  return [...new Set(names)] as AgentClient[];
}

/** Writes the skill and the MCP configuration of `clients` into `dir`; see the module comment. */
export function initAgent(dir: string, clients: readonly AgentClient[], force: boolean): AgentFileOutcome[] {
  return [
    writeSkill(dir, force),
    ...clients.map((client) => writeServerEntry(dir, CLIENT_FILES[client], force)),
  ];
}

/** The skill this package ships: skills/ beside src/ and dist/ (one level up from dist, two from src/commands). */
export function skillSource(): string {
  for (const candidate of ['../skills/cashfree-kit/SKILL.md', '../../skills/cashfree-kit/SKILL.md']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return readFileSync(url, 'utf8');
  }
  throw new CliError(
    'The cashfree-kit skill is missing from this installation of @cashfree-kit/cli (skills/cashfree-kit/SKILL.md). ' +
      'Reinstall the package.',
    EXIT.failure,
  );
}

function writeSkill(dir: string, force: boolean): AgentFileOutcome {
  const path = join(dir, SKILL_PATH);
  const text = skillSource();
  if (!existsSync(path)) {
    write(path, text);
    return { path: SKILL_PATH, action: 'created' };
  }
  if (readFileSync(path, 'utf8') === text) return { path: SKILL_PATH, action: 'unchanged' };
  if (!force) {
    return {
      path: SKILL_PATH,
      action: 'skipped',
      detail:
        'it exists and differs from this version of the skill (edited, or another version); --force replaces it',
    };
  }
  write(path, text);
  return { path: SKILL_PATH, action: 'overwritten' };
}

function writeServerEntry(
  dir: string,
  file: { path: string; key: string; entry: Record<string, unknown> },
  force: boolean,
): AgentFileOutcome {
  const path = join(dir, file.path);
  const fresh = { [file.key]: { [MCP_SERVER_NAME]: file.entry } };
  if (!existsSync(path)) {
    write(path, json(fresh));
    return { path: file.path, action: 'created' };
  }
  const byHand = `add this to its "${file.key}" by hand: ${JSON.stringify({ [MCP_SERVER_NAME]: file.entry })}`;
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {
      path: file.path,
      action: 'skipped',
      detail: `it is not plain JSON (comments?), so it is left as is; ${byHand}`,
    };
  }
  const servers = isObject(config) ? config[file.key] : undefined;
  if (!isObject(config) || (servers !== undefined && !isObject(servers))) {
    return { path: file.path, action: 'skipped', detail: `"${file.key}" is not an object there; ${byHand}` };
  }
  const others = Object.keys(servers ?? {}).filter((name) => name !== MCP_SERVER_NAME);
  const kept = others.length > 0 ? `kept ${others.join(', ')}` : undefined;
  const existing = servers?.[MCP_SERVER_NAME];
  if (existing !== undefined && json(existing) === json(file.entry))
    return { path: file.path, action: 'unchanged' };
  if (existing !== undefined && !force) {
    return {
      path: file.path,
      action: 'skipped',
      detail: `its "${MCP_SERVER_NAME}" server is configured differently (${JSON.stringify(existing)}); --force replaces that entry only`,
    };
  }
  config[file.key] = { ...servers, [MCP_SERVER_NAME]: file.entry };
  write(path, json(config));
  return {
    path: file.path,
    action: existing === undefined ? 'added' : 'replaced',
    ...(kept ? { detail: kept } : {}),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const VERBS: Record<AgentFileOutcome['action'], string> = {
  created: 'created',
  added: `added the ${MCP_SERVER_NAME} server to`,
  replaced: `replaced the ${MCP_SERVER_NAME} server in`,
  overwritten: 'overwrote',
  unchanged: 'unchanged',
  skipped: 'SKIPPED',
};

function describe(dir: string, outcomes: readonly AgentFileOutcome[]): string {
  const near = relative(process.cwd(), dir);
  const where = near === '' ? '.' : near.startsWith('..') ? dir : near;
  const lines = outcomes.map(
    (outcome) => `  ${VERBS[outcome.action]} ${outcome.path}${outcome.detail ? ` (${outcome.detail})` : ''}`,
  );
  return [
    `In ${where}:`,
    ...lines,
    '',
    "The MCP server is 'npx --no cashfree mcp': with no keys it runs the local sandbox (state in .cashfree-sandbox/,",
    'worth adding to .gitignore), so an agent can create, pay, refund and see webhooks offline.',
    'Restart the agent (or reload the editor window) to load the skill and the server.',
  ].join('\n');
}
