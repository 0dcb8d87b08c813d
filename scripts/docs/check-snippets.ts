/**
 * Compiles every code block of the README and docs with the TypeScript compiler, so a snippet that
 * no longer matches the SDK fails CI (test/docs/guides-snippets.test.ts) instead of a merchant.
 *
 *   node --conditions=cashfree-kit-source --import tsx scripts/docs/check-snippets.ts [file.md …]
 *
 * - `ts` / `tsx` blocks are server code: strict TypeScript with the repository's compiler options,
 *   Node's types, and the workspace packages resolved from source (`cashfree-kit-source`), so
 *   `import { Cashfree } from 'cashfree-kit'` means today's SDK. Only
 *   `noPropertyAccessFromIndexSignature` is off, so `process.env.CASHFREE_APP_ID` reads as
 *   merchants write it.
 * - `js` blocks and the inline `<script>`s of `html` blocks are browser code: DOM types only, plus
 *   cashfree.js's `Cashfree()` global (./cashfree-js-global.ts), compiled as
 *   TypeScript without `noImplicitAny`, so plain JavaScript passes and null checks still bite.
 * - `yaml` blocks must parse (and a GitHub Actions workflow must have jobs with steps); `json`
 *   blocks must parse.
 *
 * Each block is its own module. Conventions (`nocheck`, `id=`, preludes) are in ./snippets.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { CASHFREE_JS_GLOBAL } from './cashfree-js-global.ts';
import { type Snippet, type SnippetLanguage, snippetsOfFile } from './snippets.ts';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The command that runs the check by hand. */
export const CHECK_COMMAND =
  'node --conditions=cashfree-kit-source --import tsx scripts/docs/check-snippets.ts';

/** A block that does not compile or parse, at a line of its Markdown file. */
export interface SnippetProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** What a check looked at and what it found. */
export interface SnippetReport {
  problems: SnippetProblem[];
  /** Blocks checked, per language (each inline script of an html block counts once). */
  checked: Partial<Record<SnippetLanguage | 'html-script', number>>;
  /** `nocheck` blocks, left out on purpose. */
  skipped: Snippet[];
}

/** `docs/guides/refunds.md:42:7 TS2345: …`. */
export function formatProblem(problem: SnippetProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
}

/**
 * The hand-written docs whose blocks are checked: README.md, docs/*.md, docs/guides/*.md, and the
 * README of every workspace package and example (what npm shows for a package, and where a reader
 * of the code lands first).
 */
export function docFiles(root = REPO_ROOT): string[] {
  const markdownIn = (dir: string) =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => join(dir, entry.name))
      .sort();
  const readmesIn = (dir: string) =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, dir, entry.name, 'README.md')))
      .map((entry) => join(dir, entry.name, 'README.md'))
      .sort();
  return [
    'README.md',
    ...markdownIn('docs'),
    ...markdownIn('docs/guides'),
    ...readmesIn('packages'),
    ...readmesIn('examples'),
  ];
}

/** One compiled unit: a block (or an html block's script) as a virtual file beside its Markdown. */
interface Unit {
  snippet: Snippet;
  path: string;
  text: string;
  /** Lines before the block's first line in `text` (the prelude). */
  preludeLines: number;
  /** Markdown line of the unit's first code line. */
  firstLine: number;
}

/** Checks `snippets` (from any number of files) and reports every problem. */
export function checkSnippets(snippets: readonly Snippet[], root = REPO_ROOT): SnippetReport {
  const report: SnippetReport = { problems: [], checked: {}, skipped: [] };
  const count = (kind: SnippetLanguage | 'html-script') => {
    report.checked[kind] = (report.checked[kind] ?? 0) + 1;
  };
  const server: Unit[] = [];
  const browser: Unit[] = [];
  for (const snippet of snippets) {
    if (!snippet.language) continue;
    if (snippet.nocheck) {
      report.skipped.push(snippet);
      continue;
    }
    report.problems.push(...checkPrelude(snippet));
    switch (snippet.language) {
      case 'ts':
      case 'tsx':
        count(snippet.language);
        server.push(unit(root, snippet, snippet.code, snippet.line, `.${snippet.language}`));
        break;
      case 'js':
        count('js');
        browser.push(unit(root, snippet, snippet.code, snippet.line, '.ts'));
        break;
      case 'html':
        for (const script of inlineScripts(snippet.code)) {
          count('html-script');
          browser.push(unit(root, snippet, script.code, snippet.line + script.lineOffset, '.ts'));
        }
        break;
      case 'yaml':
        count('yaml');
        report.problems.push(...checkYaml(snippet));
        break;
      case 'json':
        count('json');
        report.problems.push(...checkJson(snippet));
        break;
    }
  }
  report.problems.push(...compile(root, server, 'server'), ...compile(root, browser, 'browser'));
  report.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return report;
}

function unit(root: string, snippet: Snippet, code: string, firstLine: number, extension: string): Unit {
  const prelude = snippet.prelude?.code;
  return {
    snippet,
    path: join(root, `${snippet.file}.L${firstLine}${extension}`).replaceAll('\\', '/'),
    text: prelude === undefined ? code : `${prelude}\n${code}`,
    preludeLines: prelude === undefined ? 0 : prelude.split('\n').length,
    firstLine,
  };
}

/** The inline scripts of an html block (not `src=` ones, not data blocks), with their line offsets. */
function inlineScripts(html: string): { code: string; lineOffset: number }[] {
  const scripts: { code: string; lineOffset: number }[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    const start = (match.index ?? 0) + match[0].indexOf('>') + 1;
    scripts.push({ code: match[2] ?? '', lineOffset: html.slice(0, start).split('\n').length - 1 });
  }
  return scripts;
}

function compilerOptions(root: string, kind: 'server' | 'browser'): ts.CompilerOptions {
  const base = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
  if (base.error) throw new Error(ts.flattenDiagnosticMessageText(base.error.messageText, '\n'));
  const { options } = ts.convertCompilerOptionsFromJson(base.config.compilerOptions, root);
  return {
    ...options,
    noEmit: true,
    declaration: false,
    sourceMap: false,
    jsx: ts.JsxEmit.Preserve,
    moduleDetection: ts.ModuleDetectionKind.Force,
    // Merchants write process.env.CASHFREE_APP_ID and req.query.order_id; everything else stays strict.
    noPropertyAccessFromIndexSignature: false,
    // Browser code is plain JavaScript, compiled as TypeScript (so a prelude can `declare`) without
    // noImplicitAny; null checks and the DOM's types still apply.
    ...(kind === 'browser'
      ? { types: [], lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'], noImplicitAny: false }
      : { types: ['node'] }),
  };
}

function compile(root: string, units: readonly Unit[], kind: 'server' | 'browser'): SnippetProblem[] {
  if (units.length === 0) return [];
  const options = compilerOptions(root, kind);
  // The blocks (and, for browser code, cashfree.js's global) live beside their Markdown files but
  // only in memory, so imports resolve from the repository's node_modules.
  const files = new Map(units.map((u) => [u.path, u.text]));
  if (kind === 'browser') files.set(join(root, 'docs/cashfree-js-global.d.ts'), CASHFREE_JS_GLOBAL);
  const host = ts.createCompilerHost(options, true);
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = files.get(fileName);
    return text === undefined
      ? readFromDisk(fileName, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  host.fileExists = (fileName) => files.has(fileName) || ts.sys.fileExists(fileName);
  host.readFile = (fileName) => files.get(fileName) ?? ts.sys.readFile(fileName);
  const roots = [...files.keys()];
  const program = ts.createProgram({ rootNames: roots, options, host });

  const problems: SnippetProblem[] = [];
  for (const diagnostic of [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]) {
    problems.push({ file: '(compiler)', line: 0, column: 0, message: describe(diagnostic) });
  }
  for (const u of units) {
    const source = program.getSourceFile(u.path);
    if (!source) throw new Error(`the compiler lost ${u.path}`);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    for (const diagnostic of diagnostics) {
      const { line, character } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      const inPrelude = line < u.preludeLines;
      problems.push({
        file: u.snippet.file,
        line: inPrelude ? (u.snippet.prelude?.line ?? 0) + line : u.firstLine + line - u.preludeLines,
        column: character + 1 + (inPrelude ? 0 : u.snippet.indent),
        message: `${inPrelude ? 'in the prelude: ' : ''}${describe(diagnostic)}`,
      });
    }
  }
  return problems;
}

function describe(diagnostic: ts.Diagnostic): string {
  return `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ')}`;
}

/**
 * Preludes are compiled but never run (tests that run a block provide those names themselves), so
 * they may only declare: `import type`, `declare …`, `interface`, `type`.
 */
function checkPrelude(snippet: Snippet): SnippetProblem[] {
  const prelude = snippet.prelude;
  if (!prelude) return [];
  if (!['ts', 'tsx', 'js', 'html'].includes(snippet.language ?? '')) {
    return [
      {
        file: snippet.file,
        line: prelude.line,
        column: 1,
        message: `a prelude before a ${snippet.info} block means nothing`,
      },
    ];
  }
  const source = ts.createSourceFile('prelude.ts', prelude.code, ts.ScriptTarget.ES2022, true);
  return source.statements.flatMap((statement) => {
    const declaresOnly =
      (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly === true) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      (ts.canHaveModifiers(statement) &&
        (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword));
    if (declaresOnly) return [];
    const { line } = source.getLineAndCharacterOfPosition(statement.getStart());
    return [
      {
        file: snippet.file,
        line: prelude.line + line,
        column: 1,
        message:
          'in the prelude: only declarations are allowed (import type, declare, interface, type), ' +
          `because a prelude is never run; found \`${statement.getText().split('\n')[0]}\``,
      },
    ];
  });
}

function checkYaml(snippet: Snippet): SnippetProblem[] {
  const problems: SnippetProblem[] = [];
  for (const document of parseAllDocuments(snippet.code)) {
    for (const error of document.errors) {
      const position = error.linePos?.[0];
      problems.push({
        file: snippet.file,
        line: snippet.line + (position ? position.line - 1 : 0),
        column: (position?.col ?? 1) + snippet.indent,
        message: `YAML: ${error.message.split('\n')[0]}`,
      });
    }
    if (document.errors.length === 0) {
      const problem = workflowProblem(document.toJS());
      if (problem) problems.push({ file: snippet.file, line: snippet.line, column: 1, message: problem });
    }
  }
  return problems;
}

/** A GitHub Actions workflow (a document with `jobs`) needs `on` and jobs with `runs-on` and steps. */
function workflowProblem(document: unknown): string | undefined {
  if (typeof document !== 'object' || document === null || !('jobs' in document)) return undefined;
  const workflow = document as { on?: unknown; jobs: unknown };
  if (workflow.on === undefined) return 'GitHub Actions: the workflow has no `on:` trigger';
  if (typeof workflow.jobs !== 'object' || workflow.jobs === null) return 'GitHub Actions: `jobs:` is empty';
  for (const [name, job] of Object.entries(workflow.jobs as Record<string, unknown>)) {
    const { 'runs-on': runsOn, steps } = (job ?? {}) as { 'runs-on'?: unknown; steps?: unknown };
    if (runsOn === undefined) return `GitHub Actions: job ${name} has no runs-on`;
    if (!Array.isArray(steps) || steps.length === 0) return `GitHub Actions: job ${name} has no steps`;
    const index = steps.findIndex(
      (step) => typeof step !== 'object' || step === null || !('uses' in step || 'run' in step),
    );
    if (index !== -1) return `GitHub Actions: step ${index + 1} of job ${name} has neither uses nor run`;
  }
  return undefined;
}

function checkJson(snippet: Snippet): SnippetProblem[] {
  try {
    JSON.parse(snippet.code);
    return [];
  } catch (error) {
    return [
      { file: snippet.file, line: snippet.line, column: 1, message: `JSON: ${(error as Error).message}` },
    ];
  }
}

/** Checks the blocks of `files` (default: every doc) and prints the problems. */
export function main(files: string[] = docFiles()): number {
  const report = checkSnippets(files.flatMap((file) => snippetsOfFile(REPO_ROOT, file)));
  for (const problem of report.problems) console.error(formatProblem(problem));
  const checked = Object.entries(report.checked)
    .map(([language, n]) => `${n} ${language}`)
    .join(', ');
  console.log(
    `[docs] ${files.length} files: checked ${checked || 'no blocks'}; ${report.skipped.length} nocheck; ` +
      `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}.`,
  );
  return report.problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.length > 2 ? process.argv.slice(2) : undefined);
}
