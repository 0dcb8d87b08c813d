// Types of types-versions.mjs for the TypeScript tests.
export function typesVersionsFromExports(
  exportsMap: Record<string, unknown>,
): { '*': Record<string, [string]> } | undefined;
