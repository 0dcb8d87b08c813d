/**
 * cashfree-kit's docs as MCP resources (`cashfree-kit://docs/endpoints.md`, `…/guides/refunds.md`):
 * the endpoint and error tables generated from the SDK, the webhooks and sandbox pages and the
 * guides. An installed package reads the copies its build put in `dist/docs/`; a checkout run from
 * source reads the repository's `docs/`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The top-level pages served, besides every guide. */
export const DOC_PAGES = ['endpoints.md', 'errors.md', 'webhooks.md', 'sandbox.md'] as const;

const URI_PREFIX = 'cashfree-kit://docs/';

/** One doc page as a resource. */
export interface DocResource {
  readonly uri: string;
  readonly name: string;
  readonly title: string;
  readonly mimeType: 'text/markdown';
}

/** The docs directory: `dist/docs` beside the built module, else the repository's `docs/`. */
export function docsDirectory(): string | undefined {
  const candidates = [new URL('./docs/', import.meta.url), new URL('../../../docs/', import.meta.url)];
  const found = candidates.find((url) => existsSync(new URL('endpoints.md', url)));
  return found ? fileURLToPath(found) : undefined;
}

/** Every page there is, each with its first heading as its title. */
export function listDocResources(directory = docsDirectory()): DocResource[] {
  if (!directory) return [];
  const guides = existsSync(`${directory}/guides`)
    ? readdirSync(`${directory}/guides`)
        .filter((name) => name.endsWith('.md') && name !== 'README.md')
        .sort()
        .map((name) => `guides/${name}`)
    : [];
  return [...DOC_PAGES, ...guides]
    .filter((page) => existsSync(`${directory}/${page}`))
    .map((page) => ({
      uri: `${URI_PREFIX}${page}`,
      name: page,
      title: firstHeading(readFileSync(`${directory}/${page}`, 'utf8')) ?? page,
      mimeType: 'text/markdown',
    }));
}

/** The text of the page at `uri`, or undefined when it is not one of the listed pages. */
export function readDocResource(uri: string, directory = docsDirectory()): string | undefined {
  if (!directory) return undefined;
  const known = listDocResources(directory).find((resource) => resource.uri === uri);
  return known ? readFileSync(`${directory}/${known.name}`, 'utf8') : undefined;
}

function firstHeading(markdown: string): string | undefined {
  return /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
}
