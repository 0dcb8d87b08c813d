/**
 * A hash of everything a suite's fidelity results depend on: the contract files (size and mtime),
 * the suites' code, the SDK (and, for the suites that run it, the sandbox) sources, and the
 * installed cashfree-pg version. Results with another fingerprint came from other code, and the
 * table does not trust them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contractPath, repoRoot } from './contract.js';
import { payoutsContractPath } from './payouts-contract.js';
import type { SuiteName } from './results.js';

const SHARED_DIRS = ['test/contract', 'test/support', 'packages/cashfree/src'];

/** The sources each suite's results depend on: the SDK suite never touches the sandbox. */
const SUITE_DIRS: Record<SuiteName, readonly string[]> = {
  'sdk-requests': SHARED_DIRS,
  'sandbox-responses': [...SHARED_DIRS, 'packages/sandbox/src'],
  'official-sdk': [...SHARED_DIRS, 'packages/sandbox/src'],
  webhooks: [...SHARED_DIRS, 'packages/sandbox/src'],
  'payouts-sdk-requests': SHARED_DIRS,
  'payouts-sandbox-responses': [...SHARED_DIRS, 'packages/sandbox/src'],
};

const cached = new Map<SuiteName, string>();

/** @param fresh hash again instead of returning this process's first answer */
export function sourceFingerprint(suite: SuiteName, fresh = false): string {
  const known = cached.get(suite);
  if (known && !fresh) return known;
  const hash = createHash('sha256');
  for (const [name, path] of [
    ['contract', contractPath],
    ['payouts contract', payoutsContractPath],
  ] as const) {
    if (!existsSync(path)) continue;
    const { size, mtimeMs } = statSync(path);
    hash.update(`${name}:${size}:${Math.trunc(mtimeMs)}\n`);
  }
  const pg = join(repoRoot, 'node_modules', 'cashfree-pg', 'package.json');
  if (existsSync(pg))
    hash.update(`cashfree-pg:${(JSON.parse(readFileSync(pg, 'utf8')) as { version: string }).version}\n`);
  for (const file of SUITE_DIRS[suite].flatMap((dir) => listFiles(join(repoRoot, dir))).sort()) {
    hash.update(`${relative(repoRoot, file)}\n`);
    hash.update(readFileSync(file));
  }
  const fingerprint = hash.digest('hex').slice(0, 16);
  cached.set(suite, fingerprint);
  return fingerprint;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(path);
    return /\.(ts|js|json|sql|html|css)$/.test(entry.name) ? [path] : [];
  });
}
