// Types of pack.mjs for the TypeScript tests that check what it packs.
export interface WorkspaceManifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  exports?: unknown;
  dependencies?: Record<string, string>;
  [field: string]: unknown;
}
export interface Workspace {
  dir: string;
  manifest: WorkspaceManifest;
}
export function publishableWorkspaces(): Workspace[];
export function satisfies(version: string, range: string): boolean;
export function unresolvedInternalDependencies(workspaces: Workspace[]): string[];
