/**
 * Starting the MCP server as a real client does: a fresh process (`node --import tsx
 * packages/mcp/src/bin.ts`, the source the binary runs in a checkout), in a temporary working
 * directory (so the local sandbox's state lands there), with only the environment the test gives.
 * Connected with the SDK's `Client` over stdio, or over Streamable HTTP to the URL the process
 * prints. Everything is closed and removed when the test ends.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Teardown } from '../support/loopback-server.ts';

const BIN = fileURLToPath(new URL('../../packages/mcp/src/bin.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** The arguments that run the server's source with node. */
export function serverArguments(args: readonly string[] = []): string[] {
  return ['--conditions=cashfree-kit-source', '--import', TSX, BIN, ...args];
}

/** A scratch working directory, removed after the test. */
export function scratchDirectory(t: Teardown): string {
  const directory = mkdtempSync(join(tmpdir(), 'cashfree-mcp-'));
  t.after(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

/** The environment a server gets: enough to run node, plus `extra` (never the test's own keys). */
export function serverEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT'];
  const base = Object.fromEntries(
    keep.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name] as string]])),
  );
  return { ...base, ...extra };
}

/** A client connected over stdio to a fresh server process; `stderr` collects its log lines. */
export async function stdioClient(
  t: Teardown,
  options: { env?: Record<string, string>; args?: string[]; cwd?: string } = {},
): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: serverArguments(options.args),
    cwd: options.cwd ?? scratchDirectory(t),
    env: serverEnvironment(options.env),
    stderr: 'pipe',
  });
  let log = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  const client = new Client({ name: 'cashfree-kit-test', version: '0.0.0' });
  await client.connect(transport);
  t.after(() => client.close());
  return { client, stderr: () => log };
}

/** Starts `--http 0` in a fresh process and connects a client to the URL it prints. */
export async function httpClient(
  t: Teardown,
  options: { env?: Record<string, string> } = {},
): Promise<{ client: Client; url: string; stderr: () => string }> {
  const child: ChildProcess = spawn(process.execPath, serverArguments(['--http', '0']), {
    cwd: scratchDirectory(t),
    env: serverEnvironment(options.env),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  t.after(async () => {
    child.kill('SIGTERM');
    await exited;
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const found = /Streamable HTTP at (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(log);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${log}`)));
  });
  const client = new Client({ name: 'cashfree-kit-test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  t.after(() => client.close());
  return { client, url, stderr: () => log };
}
