/**
 * Cashfree's official OpenAPI contract for PG API 2025-01-01, read from `../shared/` next to the
 * repository (or `CASHFREE_OPENAPI_PATH`). The file is 1.1 MB of YAML and every test file runs in
 * its own process, so the parsed document is cached as JSON in the OS temp directory, keyed by the
 * file's size and modification time; a changed contract is parsed again.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { prerequisite } from '../../support/prerequisites.js';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the contract is read from. */
export const contractPath = resolve(
  process.env['CASHFREE_OPENAPI_PATH'] ??
    join(repoRoot, '..', 'shared', 'cashfree-pg-openapi-2025-01-01.yaml'),
);

/** The parsed OpenAPI document, typed loosely: the suite reads it through JSON pointers. */
export type OpenApiDocument = Record<string, unknown>;

let loaded: OpenApiDocument | undefined;

/** Whether the contract file exists. */
export function contractAvailable(): boolean {
  return existsSync(contractPath);
}

/**
 * Returns true when the contract is present; otherwise skips the test loudly (fails under CI).
 * Call it first in every test that needs the contract.
 */
export function requireContract(t: TestContext): boolean {
  return prerequisite(
    t,
    contractAvailable(),
    `Cashfree's OpenAPI contract (${contractPath})`,
    'Put cashfree-pg-openapi-2025-01-01.yaml in ../shared/ next to the repository, or set CASHFREE_OPENAPI_PATH to its path.',
  );
}

/** The contract as Cashfree publishes it, without the overlay. Parsed once per process. */
export function loadContract(): OpenApiDocument {
  if (loaded) return loaded;
  const { size, mtimeMs } = statSync(contractPath);
  const cacheDir = join(tmpdir(), 'cashfree-kit-contract');
  const cacheFile = join(cacheDir, `openapi-${size}-${Math.trunc(mtimeMs)}.json`);
  if (existsSync(cacheFile)) {
    loaded = JSON.parse(readFileSync(cacheFile, 'utf8')) as OpenApiDocument;
    return loaded;
  }
  // The default YAML 1.2 core schema keeps `2025-01-01` a string, as the contract means it.
  loaded = parse(readFileSync(contractPath, 'utf8'), { maxAliasCount: -1 }) as OpenApiDocument;
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a parallel test process never reads half a file.
  const partial = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(loaded));
  renameSync(partial, cacheFile);
  return loaded;
}
