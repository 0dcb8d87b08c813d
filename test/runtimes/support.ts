/**
 * What the runtime suites share: the runtimes scripts/ci/runtimes.mjs installed, a project that
 * installs cashfree-kit from its packed tarball (as a user's project would), a fault server, and
 * child processes that are always stopped.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runtimePaths, runtimesDir } from '../../scripts/ci/runtimes.mjs';
import { prerequisite } from '../support/prerequisites.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type RuntimeName = 'node22' | 'node26' | 'node24' | 'bun' | 'deno' | 'workerd';

/**
 * The binary of an installed runtime, or undefined (the test skipped; under CI it failed) when
 * `node scripts/ci/runtimes.mjs` has not installed it.
 */
export function runtimeBinary(t: TestContext, name: RuntimeName): string | undefined {
  const runtime = runtimePaths(runtimesDir())[name];
  if (!runtime) throw new Error(`scripts/ci/runtimes.mjs has no runtime named ${name}`);
  const ok = prerequisite(
    t,
    existsSync(runtime.binary),
    `${runtime.pkg}@${runtime.version} (${name})`,
    'Install the runtimes from the npm registry with `node scripts/ci/runtimes.mjs` (into $CASHFREE_KIT_RUNTIMES or ~/.cache/cashfree-kit/runtimes).',
  );
  return ok ? runtime.binary : undefined;
}

let tarball: string | undefined;

/**
 * Packs packages/cashfree as `npm publish` would (its built dist/, which `npm test` builds first),
 * once per test process.
 */
export function packedSdk(): string {
  if (tarball) return tarball;
  const sdkDir = join(REPO_ROOT, 'packages', 'cashfree');
  if (!existsSync(join(sdkDir, 'dist', 'index.js'))) {
    throw new Error('packages/cashfree/dist is missing: run `npm run build` first (npm test does).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-pack-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: sdkDir,
    encoding: 'utf8',
  });
  const [{ filename }] = JSON.parse(out) as [{ filename: string }];
  tarball = join(dir, filename);
  return tarball;
}

/**
 * A throwaway project, removed after the test, as a user's would be: an example's files (its own
 * package.json, with `cashfree-kit` pointed at the packed tarball) or a bare package.json, plus
 * `copy`, with its dependencies installed by npm from the registry (from npm's cache, in practice).
 */
export function userProject(
  t: TestContext,
  options: {
    example?: string;
    copy?: Array<[from: string, to: string]>;
    dependencies?: Record<string, string>;
  } = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), 'cashfree-kit-user-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  let manifest: { dependencies?: Record<string, string> } & Record<string, unknown> = {
    private: true,
    type: 'module',
  };
  if (options.example) {
    const from = join(REPO_ROOT, options.example);
    cpSync(from, dir, {
      recursive: true,
      filter: (path) => !/[\\/](node_modules|\.next)([\\/]|$)/.test(path.slice(from.length)),
    });
    manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  }
  for (const [from, to] of options.copy ?? [])
    cpSync(join(REPO_ROOT, from), join(dir, to), { recursive: true });
  manifest.dependencies = {
    ...manifest.dependencies,
    ...options.dependencies,
    'cashfree-kit': `file:${packedSdk()}`,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // --ignore-scripts: nothing here needs an install script, and none may fetch from elsewhere.
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline', '--ignore-scripts'],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  return dir;
}

/** A child process whose output is kept, stopped after the test whatever happens. */
export interface Child {
  process: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function startChild(
  t: TestContext,
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; extraFds?: number },
): Child {
  let output = '';
  const stdio: Array<'ignore' | 'pipe'> = ['ignore', 'pipe', 'pipe'];
  for (let i = 0; i < (options.extraFds ?? 0); i++) stdio.push('pipe');
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio,
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  });
  return { process: child, output: () => output, exited };
}

/** Waits until `url` answers (any status), or throws with the child's output after `ms`. */
export async function waitForHttp(url: string, child: Child, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.process.exitCode !== null) {
      throw new Error(
        `the process exited (${child.process.exitCode}) before ${url} answered:\n${child.output()}`,
      );
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${ms} ms:\n${child.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A free port on 127.0.0.1, for programs that cannot report the one they bound. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * The fault server the conformance checks use, in front of the sandbox:
 * - `/flaky/pg/...` answers each call's first attempt 503 and forwards the next ones, so a retry
 *   can be seen over the wire; `GET /attempts/{idempotency key}` says how many attempts came;
 * - `/hang/pg/...` reads the request and never answers (until the server stops);
 * - `/sink` answers 200 to anything (where the sandbox delivers the orders' webhooks).
 */
export async function startFaultServer(t: TestContext, sandboxUrl: string): Promise<string> {
  const attempts = new Map<string, number>();
  const target = new URL(sandboxUrl);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url.startsWith('/attempts/')) {
      const key = decodeURIComponent(url.slice('/attempts/'.length));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ attempts: attempts.get(key) ?? 0 }));
      return;
    }
    if (url.startsWith('/hang/')) {
      req.resume();
      return;
    }
    if (url.startsWith('/flaky/')) {
      const key = String(req.headers['x-idempotency-key'] ?? `${req.method} ${url}`);
      const seen = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, seen);
      if (seen === 1) {
        req.resume();
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            message: 'fault server: first attempt fails',
            code: 'unavailable',
            type: 'api_error',
          }),
        );
        return;
      }
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: url.slice('/flaky'.length),
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', (error) => res.destroy(error));
      req.pipe(upstream);
      return;
    }
    req.resume();
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

/** The esbuild the repository locks (tsx's), so a Worker is bundled offline from npm's cache, as wrangler would. */
export const ESBUILD_VERSION = '0.28.2';

/**
 * A workerd config serving one Worker on a port workerd picks (reported on --control-fd), with
 * `bindings` as text and its outbound fetch allowed to loopback only: workerd's default network
 * refuses local addresses, and the sandbox is one.
 */
export function workerdConfig(
  bundle: string,
  bindings: Record<string, string>,
  compatibilityDate = '2026-11-01',
): string {
  const text = (value: string) => JSON.stringify(value);
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed ${text(bundle)}) ],
  compatibilityDate = ${text(compatibilityDate)},
  bindings = [
${Object.entries(bindings)
  .map(([name, value]) => `    (name = ${text(name)}, text = ${text(value)}),`)
  .join('\n')}
  ],
  globalOutbound = "loopback",
);
`;
}

/** Serves config.capnp with workerd, calls `use` with its origin, and stops it. */
export async function runWorker<T>(
  t: TestContext,
  binary: string,
  project: string,
  use: (origin: string, worker: Child) => Promise<T>,
): Promise<{ value: T; output: string }> {
  const child = startChild(t, binary, ['serve', 'config.capnp', '--control-fd=3'], {
    cwd: project,
    extraFds: 1,
  });
  const control = child.process.stdio[3] as NodeJS.ReadableStream;
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    control.setEncoding('utf8');
    control.on('data', (chunk: string) => {
      text += chunk;
      const match = /"port":(\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.exited.then((code) => reject(new Error(`workerd exited (${code}):\n${child.output()}`)));
  });
  const value = await use(`http://127.0.0.1:${port}`, child);
  return { value, output: child.output() };
}
