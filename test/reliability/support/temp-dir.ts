import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir, removed when the test ends; returns a path builder. */
export function tempDir(t: { after(fn: () => void): void }, prefix: string): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), `cashfree-kit-${prefix}-`));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return (name) => join(dir, name);
}
