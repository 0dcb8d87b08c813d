/**
 * A hash of everything a fidelity result depends on: the contract file (size and mtime), the
 * suite's own code, the SDK and sandbox sources, and the installed cashfree-pg version. A results
 * file with another fingerprint was produced by other code and is not trusted by the table.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contractPath, repoRoot } from './contract.js';

const SOURCE_DIRS = ['test/contract', 'test/support', 'packages/cashfree/src', 'packages/sandbox/src'];

let cached: string | undefined;

/** @param fresh hash again instead of returning this process's first answer */
export function sourceFingerprint(fresh = false): string {
  if (cached && !fresh) return cached;
  const hash = createHash('sha256');
  if (existsSync(contractPath)) {
    const { size, mtimeMs } = statSync(contractPath);
    hash.update(`contract:${size}:${Math.trunc(mtimeMs)}\n`);
  }
  const pg = join(repoRoot, 'node_modules', 'cashfree-pg', 'package.json');
  if (existsSync(pg))
    hash.update(`cashfree-pg:${(JSON.parse(readFileSync(pg, 'utf8')) as { version: string }).version}\n`);
  for (const file of SOURCE_DIRS.flatMap((dir) => listFiles(join(repoRoot, dir))).sort()) {
    hash.update(`${relative(repoRoot, file)}\n`);
    hash.update(readFileSync(file));
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(path);
    return /\.(ts|js|json|sql|html|css)$/.test(entry.name) ? [path] : [];
  });
}
