import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of every file below `dir` (symlinks not followed). */
export function treeBytes(dir: string): { bytes: number; allocated: number; files: number } {
  const total = { bytes: 0, allocated: 0, files: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = treeBytes(path);
      total.bytes += sub.bytes;
      total.allocated += sub.allocated;
      total.files += sub.files;
    } else if (entry.isFile()) {
      const stat = statSync(path);
      total.bytes += stat.size;
      // What `du` counts: whole file-system blocks, so many small files cost more than their size.
      total.allocated += stat.blocks * 512;
      total.files++;
    }
  }
  return total;
}

/** Packages npm put in node_modules, from its own record (`node_modules/.package-lock.json`). */
export function installedPackages(project: string): string[] {
  const lock = JSON.parse(readFileSync(join(project, 'node_modules', '.package-lock.json'), 'utf8')) as {
    packages: Record<string, { link?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, info]) => path !== '' && !info.link)
    .map(([path]) => path.replace(/^.*node_modules\//, ''));
}
