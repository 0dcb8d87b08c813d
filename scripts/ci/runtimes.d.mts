// Types of runtimes.mjs for the TypeScript tests that find the runtimes it installed.
export interface Runtime {
  name: string;
  pkg: string;
  version: string;
  bin: string;
}
export interface InstalledRuntime extends Runtime {
  pkgDir: string;
  binary: string;
}
export const RUNTIMES: Runtime[];
export function runtimesDir(): string;
export function runtimePaths(dir?: string): Record<string, InstalledRuntime>;
export function installRuntimes(dir?: string, log?: (line: string) => void): Record<string, InstalledRuntime>;
