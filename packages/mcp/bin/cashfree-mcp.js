#!/usr/bin/env node
// The `cashfree-mcp` command. Runs the built server (../dist/bin.js) when there is one. In a
// development checkout without a build it runs the TypeScript source through tsx (a root
// devDependency) with the `cashfree-kit-source` condition. CASHFREE_KIT_MCP_FROM_SOURCE=1 forces the
// source even when a build exists. stdin and stdout are the MCP channel, so they are passed through
// untouched.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/bin.js', import.meta.url);

if (process.env.CASHFREE_KIT_MCP_FROM_SOURCE !== '1' && existsSync(built)) {
  await import(built.href);
} else {
  let tsx;
  try {
    tsx = import.meta.resolve('tsx');
  } catch {
    process.stderr.write(
      'cashfree-mcp: this checkout has no build of the server (packages/mcp/dist) and tsx is not installed. ' +
        'Run `npm install` at the repository root, or `npm run build -w @cashfree-kit/mcp`.\n',
    );
    process.exit(1);
  }
  const source = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--conditions=cashfree-kit-source', '--import', tsx, source, ...process.argv.slice(2)],
    // The IPC channel lets the child notice when this process dies (even by SIGKILL) and exit too,
    // instead of keeping an in-process sandbox's port open with nobody to stop it.
    { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] },
  );
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1) : 1));
  });
}
