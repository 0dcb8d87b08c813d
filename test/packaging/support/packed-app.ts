/**
 * A user's app outside this repository, with the packages installed from the tarballs
 * `npm run pack` makes, as the README's "Use it in your app" tells a reader to: what the packed-app
 * test builds its ESM and CommonJS projects in.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { defaultSqliteDriver } from '../../../packages/sandbox/src/store/sqlite/index.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

export interface PackedPackage {
  name: string;
  version: string;
  tarball: string;
}

/**
 * The environment of the app's processes: this test runner's, without what would make them read
 * the repository instead of the install (the source condition, tsx) or npm settings of `npm test`.
 */
export function appEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('npm_')) env[name] = value;
  }
  // Set empty rather than left out: startChild lays these over the runner's own environment.
  return { ...env, NODE_OPTIONS: '', ...extra };
}

/**
 * `npm run pack` of every publishable package (the CLI may depend on any of them), into `dir`,
 * without its build step: `npm test` has just built, and a rebuild would empty the dist/ folders
 * other test files are reading.
 */
export function packInto(dir: string): PackedPackage[] {
  const out = execFileSync(
    process.execPath,
    [join(REPO_ROOT, 'scripts/pack.mjs'), '--no-build', '--json', '--out', dir],
    { cwd: REPO_ROOT, encoding: 'utf8', env: appEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(out) as PackedPackage[];
}

/** The version range the workspace itself uses for a third-party package, so the app gets the same. */
function workspaceRange(name: string): string {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const range = manifest.devDependencies[name];
  assert.ok(range, `the root package.json has ${name} among its devDependencies`);
  return range;
}

function installedVersion(name: string): string {
  const manifest = JSON.parse(
    readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  return manifest.version;
}

/**
 * The README's install commands for an app ("Use it in your app"), with the tarballs' folder put
 * where the README says /path/to/cashfree-kit/dist-packages.
 */
export function readmeInstallCommands(tarballs: string): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## Use it in your app\n')[1]?.split('\n## ')[0];
  assert.ok(section, 'README.md has a "## Use it in your app" section');
  const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap(([, block = '']) => block.split('\n'))
    .filter(
      (line) => line.startsWith('npm install ') && line.includes('/path/to/cashfree-kit/dist-packages/'),
    )
    .map((line) => line.replace(/\s+#.*$/, '').replaceAll('/path/to/cashfree-kit/dist-packages', tarballs));
  assert.ok(commands.length >= 2, `the section installs the SDK and the dev tools: ${commands.join('; ')}`);
  return commands;
}

/**
 * A fresh app in the system's temporary folder (removed after the test): the README's install
 * commands run there as written, then Express, TypeScript and their types. Third-party packages
 * come from the npm registry (from npm's cache when it has them).
 */
export function createApp(t: TestContext, commands: string[]): string {
  const app = realpathSync(mkdtempSync(join(tmpdir(), 'cashfree-kit-app-')));
  t.after(() => rmSync(app, { recursive: true, force: true }));
  assert.ok(relative(REPO_ROOT, app).startsWith('..'), `the app (${app}) is outside the repository`);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'my-app', private: true }, null, 2)}\n`);
  const env = appEnv({
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_loglevel: 'error',
    npm_config_prefer_offline: 'true',
    // better-sqlite3's install script compiles SQLite when no prebuilt binary is reachable, which
    // takes minutes; where the app needs it, it gets the binary the workspace built (below).
    npm_config_ignore_scripts: 'true',
  });
  // The app installs better-sqlite3 (the sandbox's optional peer, as the README says for Node 20)
  // only where the sandbox would open its database with it: on a Node without node:sqlite.
  const needsBetterSqlite3 = defaultSqliteDriver() === 'better-sqlite3';
  const tools = ['express', 'typescript', '@types/express', '@types/node'].map(
    (name) => `${name}@${workspaceRange(name)}`,
  );
  if (needsBetterSqlite3) tools.unshift(`better-sqlite3@${installedVersion('better-sqlite3')}`);
  for (const command of [...commands, `npm install ${tools.join(' ')}`]) {
    try {
      execFileSync('sh', ['-c', command], { cwd: app, env, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      assert.fail(`${command} failed in the app:\n${String((error as { stderr?: Buffer }).stderr ?? error)}`);
    }
  }
  if (needsBetterSqlite3) {
    const binding = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(dirname(join(app, binding)), { recursive: true });
    copyFileSync(join(REPO_ROOT, binding), join(app, binding));
  } else {
    assert.ok(
      !existsSync(join(app, 'node_modules', 'better-sqlite3')),
      'on a Node with node:sqlite, installing the packages builds nothing native (better-sqlite3 is an optional peer)',
    );
  }
  return app;
}

/** Writes `files` (paths relative to `dir`), creating folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Runs the app's own TypeScript on a project folder; fails with tsc's diagnostics. */
export async function compile(app: string, project: string): Promise<void> {
  try {
    await run(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', project], {
      cwd: app,
      env: appEnv(),
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    assert.fail(`tsc -p ${relative(app, project)} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** Runs a script of the app to its end; returns its stdout, or fails with all it printed. */
export async function runScript(app: string, script: string, env: Record<string, string>): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [script], { cwd: app, env: appEnv(env) });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return assert.fail(`node ${relative(app, script)} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}
