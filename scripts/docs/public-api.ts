/**
 * The public surface of the published packages, read with the TypeScript compiler: every
 * `exports` subpath of `cashfree-kit` and the entries of `@cashfree-kit/sandbox` and
 * `@cashfree-kit/cli`, each export with its TSDoc. The TSDoc coverage test, the `@example` typecheck and the API reference all start
 * from this list, so a new subpath or export is covered as soon as it exists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** One published entry point: `cashfree-kit/webhooks` and its source file. */
export interface PublicEntry {
  /** The import specifier users write, e.g. `cashfree-kit/webhooks/express`. */
  readonly specifier: string;
  /** Absolute path of its TypeScript source. */
  readonly source: string;
}

/** The packages whose exports are public, relative to the repository root: every published one. */
export const PUBLIC_PACKAGES = ['packages/cashfree', 'packages/sandbox', 'packages/cli'] as const;

/** The npm names of {@link PUBLIC_PACKAGES}: `cashfree-kit`, `@cashfree-kit/sandbox`… */
export function publicPackageNames(): string[] {
  return PUBLIC_PACKAGES.map(
    (dir) => (JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as { name: string }).name,
  );
}

/** Every entry point of the public packages, from their package.json `exports` maps. */
export function publicEntries(): PublicEntry[] {
  return PUBLIC_PACKAGES.flatMap((dir) => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as {
      name: string;
      exports: Record<string, string | { 'cashfree-kit-source'?: string }>;
    };
    return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
      const source = typeof target === 'object' ? target['cashfree-kit-source'] : undefined;
      if (!source) return [];
      return [{ specifier: pkg.name + subpath.slice(1), source: join(repoRoot, dir, source) }];
    });
  });
}

/** The compiler options of the repository (tsconfig.base.json), for reading the sources. */
export function compilerOptions(): ts.CompilerOptions {
  const file = join(repoRoot, 'tsconfig.json');
  const config = ts.readConfigFile(file, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  return { ...parsed.options, noEmit: true };
}

/** One exported name of an entry and the declarations it stands for. */
export interface PublicExport {
  readonly entry: PublicEntry;
  readonly name: string;
  readonly symbol: ts.Symbol;
  /** The declarations behind the export (aliases resolved). */
  readonly declarations: readonly ts.Declaration[];
}

/** The exports of every entry point, read from one program over all of them. */
export function publicExports(program: ts.Program, entries: readonly PublicEntry[]): PublicExport[] {
  const checker = program.getTypeChecker();
  return entries.flatMap((entry) => {
    const file = program.getSourceFile(entry.source);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) throw new Error(`${entry.source} is not in the program`);
    return checker.getExportsOfModule(moduleSymbol).map((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      return { entry, name: exported.name, symbol, declarations: symbol.declarations ?? [] };
    });
  });
}
