/**
 * Reads the fenced code blocks of a Markdown file, so docs can be compiled and run by tests.
 *
 * Conventions a doc can use (all invisible once GitHub renders the page):
 *
 * - The fence's first word is the language; `ts`, `tsx`, `js`, `html`, `yaml` and `json` blocks are
 *   checked, others (`sh`, `console`, `text`) are not.
 * - More words after the language are flags: `nocheck` leaves a block out of every check (use it for
 *   code that is wrong on purpose), `id=<name>` names a block so a test can run it.
 * - An HTML comment opening with `prelude`, right before a block (blank lines between are fine), holds
 *   declarations the block assumes, e.g. `declare const db: Db;`, so the block stays short. Preludes
 *   are compiled with the block but never run: a test that runs a block supplies those names itself.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The languages the checks know, after aliases (`typescript` → `ts`, `yml` → `yaml`, …). */
export type SnippetLanguage = 'ts' | 'tsx' | 'js' | 'html' | 'yaml' | 'json';

const LANGUAGES: Record<string, SnippetLanguage> = {
  ts: 'ts',
  typescript: 'ts',
  tsx: 'tsx',
  js: 'js',
  javascript: 'js',
  mjs: 'js',
  html: 'html',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
};

/** One fenced block. */
export interface Snippet {
  /** The Markdown file, relative to the repository root (`docs/guides/refunds.md`). */
  file: string;
  /** 1-based line in the Markdown file of the block's first code line. */
  line: number;
  /** Spaces of indentation stripped from every line (a block inside a list item). */
  indent: number;
  /** The checked language, or undefined for blocks no check reads (`sh`, `text`…). */
  language: SnippetLanguage | undefined;
  /** The fence's first word as written. */
  info: string;
  /** True for `nocheck` blocks. */
  nocheck: boolean;
  /** The `id=<name>` flag. */
  id: string | undefined;
  /** The code, without the fences. */
  code: string;
  /** Declarations from a `<!-- prelude … -->` comment right before the block. */
  prelude: { code: string; line: number } | undefined;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)\s*(.*)$/;

/** Every fenced block of `markdown`; `file` is only recorded for messages. */
export function extractSnippets(markdown: string, file: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  let prelude: { code: string; line: number } | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    if (/^\s*<!--\s*prelude\b/.test(text)) {
      const start = index;
      const body: string[] = [];
      const first = text.replace(/^\s*<!--\s*prelude\b/, '');
      let closed = first.includes('-->');
      const inline = first.replace(/-->.*$/, '');
      if (inline.trim() !== '') body.push(inline);
      while (!closed && index + 1 < lines.length) {
        index += 1;
        const next = lines[index] ?? '';
        closed = next.includes('-->');
        const content = next.replace(/-->.*$/, '');
        if (!closed || content.trim() !== '') body.push(content);
      }
      if (!closed) throw new Error(`${file}:${start + 1}: a prelude comment is never closed with -->`);
      // The prelude's first code line: the comment's own line when code follows `prelude` there.
      prelude = { code: body.join('\n'), line: inline.trim() === '' ? start + 2 : start + 1 };
      continue;
    }
    const fence = FENCE.exec(text);
    if (!fence) {
      if (prelude && text.trim() !== '') prelude = undefined;
      continue;
    }
    const [, indentText = '', marker = '```', info = '', rest = ''] = fence;
    const indent = indentText.length;
    const start = index;
    const body: string[] = [];
    let closed = false;
    while (index + 1 < lines.length) {
      index += 1;
      const next = lines[index] ?? '';
      const closing = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(next);
      if (closing?.[1]?.startsWith(marker[0] ?? '`') && (closing[1]?.length ?? 0) >= marker.length) {
        closed = true;
        break;
      }
      body.push(next.slice(Math.min(indent, next.length - next.trimStart().length)));
    }
    if (!closed) throw new Error(`${file}:${start + 1}: a \`${marker}\` code block is never closed`);
    const flags = rest.split(/\s+/).filter(Boolean);
    snippets.push({
      file,
      line: start + 2,
      indent,
      language: LANGUAGES[info.toLowerCase()],
      info,
      nocheck: flags.includes('nocheck'),
      id: flags.find((flag) => flag.startsWith('id='))?.slice(3),
      code: body.join('\n'),
      prelude,
    });
    prelude = undefined;
  }
  return snippets;
}

/** The snippets of a Markdown file given by its path relative to `root`. */
export function snippetsOfFile(root: string, file: string): Snippet[] {
  return extractSnippets(readFileSync(join(root, file), 'utf8'), relative(root, join(root, file)));
}

/** The one block of `file` flagged `id=<id>`, or an error saying which ids the file has. */
export function snippetById(root: string, file: string, id: string): Snippet {
  const snippets = snippetsOfFile(root, file);
  const found = snippets.filter((snippet) => snippet.id === id);
  if (found.length !== 1) {
    const ids = snippets.flatMap((snippet) => (snippet.id ? [snippet.id] : []));
    throw new Error(
      `${file} has ${found.length} blocks flagged id=${id}; expected exactly one (ids in the file: ${ids.join(', ') || 'none'}).`,
    );
  }
  return found[0] as Snippet;
}
