/**
 * Builds the API reference of the published packages (every `exports` entry of `cashfree-kit`, and
 * the entries of `@cashfree-kit/sandbox` and `@cashfree-kit/cli`) from their TSDoc with TypeDoc,
 * into docs/api/ (not committed: `npm run docs` builds it). Warnings are errors, and every export must be documented,
 * so test/docs/api-reference.test.ts fails the build on an undocumented or broken reference.
 */
import { fileURLToPath } from 'node:url';
import { Application, LogLevel, type ProjectReflection, ReflectionKind, type TypeDocOptions } from 'typedoc';
import { publicEntries, publicPackageNames, repoRoot } from './public-api.ts';

/** Where the reference is written. */
export const API_REFERENCE_DIR = fileURLToPath(new URL('../../docs/api/', import.meta.url));

/** The TypeDoc options: strict validation, so a gap in the TSDoc fails instead of warning. */
export function typedocOptions(): Partial<TypeDocOptions> {
  return {
    entryPoints: publicEntries().map((entry) => entry.source),
    entryPointStrategy: 'resolve',
    tsconfig: `${repoRoot}tsconfig.json`,
    name: 'cashfree-kit',
    readme: 'none',
    excludeInternal: true,
    excludePrivate: true,
    excludeProtected: true,
    sort: ['source-order'],
    githubPages: false,
    hideGenerator: true,
    disableSources: true,
    treatWarningsAsErrors: true,
    validation: {
      notExported: true,
      invalidLink: true,
      invalidPath: true,
      rewrittenLink: true,
      notDocumented: true,
      unusedMergeModuleWith: true,
    },
    requiredToBeDocumented: [
      'Enum',
      'EnumMember',
      'Variable',
      'Function',
      'Class',
      'Interface',
      'Method',
      'Accessor',
      'TypeAlias',
    ],
    // TypeDoc checks only the packages named here (default: the root package, which has no code).
    packagesRequiringDocumentation: publicPackageNames(),
    logLevel: LogLevel.Warn,
  };
}

export interface ApiReferenceResult {
  project: ProjectReflection | undefined;
  warnings: string[];
}

/** Converts (and, with `out`, renders) the reference; returns every warning and error TypeDoc logged. */
export async function buildApiReference(out?: string): Promise<ApiReferenceResult> {
  const warnings: string[] = [];
  const app = await Application.bootstrap(typedocOptions());
  const log = app.logger.log.bind(app.logger);
  app.logger.log = (message, level) => {
    if (level >= LogLevel.Warn) warnings.push(String(message));
    log(message, level);
  };
  const project = await app.convert();
  if (project) {
    app.validate(project);
    if (out) await app.generateDocs(project, out);
  }
  return { project, warnings };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { warnings, project } = await buildApiReference(API_REFERENCE_DIR);
  const modules = project?.getChildrenByKind(ReflectionKind.Module).map((m) => m.name) ?? [];
  console.error(`[cashfree-kit docs] API reference of ${modules.join(', ')} in ${API_REFERENCE_DIR}`);
  if (warnings.length > 0) process.exitCode = 1;
}
