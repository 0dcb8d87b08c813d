/**
 * The TSDoc of the published packages' public surface, read with the TypeScript compiler: each
 * export of every entry point (and each public method of an exported class, and each entry's
 * module comment) with its summary and its `@example` blocks, and a compiler for those examples.
 */
import { join } from 'node:path';
import ts from 'typescript';
import {
  compilerOptions,
  type PublicEntry,
  publicEntries,
  publicExports,
  repoRoot,
} from '../../../scripts/docs/public-api.ts';

/** One documented thing of the public surface. */
export interface DocumentedItem {
  /** `cashfree-kit: Orders.create`, for messages. */
  readonly name: string;
  /** The entry point whose exports an example may use without importing them. */
  readonly entry: PublicEntry;
  readonly summary: string;
  readonly examples: readonly string[];
  /** `file:line` of the declaration. */
  readonly where: string;
}

function where(node: ts.Node): string {
  const source = node.getSourceFile();
  const { line } = source.getLineAndCharacterOfPosition(node.getStart());
  return `${source.fileName.slice(repoRoot.length)}:${line + 1}`;
}

function examplesOf(tags: readonly ts.JSDocTag[]): string[] {
  return tags
    .filter((tag) => tag.tagName.text === 'example')
    .map((tag) => (ts.getTextOfJSDocComment(tag.comment) ?? '').replace(/^```\w*\n|\n```$/g, ''));
}

/** The public members of a class: its methods and accessors that are not private, protected or internal. */
function publicMembers(declaration: ts.ClassDeclaration): ts.ClassElement[] {
  return declaration.members.filter((member) => {
    if (!(ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member))) return false;
    if (!member.name || ts.isPrivateIdentifier(member.name)) return false;
    const flags = ts.getCombinedModifierFlags(member);
    if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return false;
    // Overloads: only the declaration with a body carries the docs we check.
    if (ts.isMethodDeclaration(member) && !member.body) return false;
    return !ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'internal');
  });
}

/** Reads the public surface once. */
export class PublicSurface {
  readonly program: ts.Program;
  readonly entries: PublicEntry[];
  readonly #checker: ts.TypeChecker;

  constructor() {
    this.entries = publicEntries();
    this.program = ts.createProgram(
      this.entries.map((entry) => entry.source),
      compilerOptions(),
    );
    this.#checker = this.program.getTypeChecker();
  }

  /** Every export (once, under the first entry that exports it), its class members and module comments. */
  items(): DocumentedItem[] {
    const items: DocumentedItem[] = [];
    const seen = new Set<ts.Symbol>();
    for (const entry of this.entries) {
      const file = this.program.getSourceFile(entry.source);
      const first = file?.statements[0];
      const moduleTags = first ? ts.getJSDocTags(first) : [];
      if (first && moduleTags.some((tag) => tag.tagName.text === 'module')) {
        const comment = ts.getJSDocCommentsAndTags(first).find(ts.isJSDoc);
        items.push({
          name: `${entry.specifier} (module comment)`,
          entry,
          summary: ts.getTextOfJSDocComment(comment?.comment) ?? '',
          examples: examplesOf(moduleTags),
          where: where(first),
        });
      }
    }
    for (const exported of publicExports(this.program, this.entries)) {
      if (seen.has(exported.symbol)) continue;
      seen.add(exported.symbol);
      const declaration = exported.declarations[0];
      if (!declaration) continue;
      items.push({
        name: `${exported.entry.specifier}: ${exported.name}`,
        entry: exported.entry,
        summary: ts.displayPartsToString(exported.symbol.getDocumentationComment(this.#checker)),
        examples: examplesOf(exported.declarations.flatMap((d) => [...ts.getJSDocTags(d)])),
        where: where(declaration),
      });
      for (const classDeclaration of exported.declarations.filter(ts.isClassDeclaration)) {
        for (const member of publicMembers(classDeclaration)) {
          const symbol = member.name && this.#checker.getSymbolAtLocation(member.name);
          items.push({
            name: `${exported.entry.specifier}: ${exported.name}.${member.name?.getText()}`,
            entry: exported.entry,
            summary: symbol ? ts.displayPartsToString(symbol.getDocumentationComment(this.#checker)) : '',
            examples: examplesOf(ts.getJSDocTags(member)),
            where: where(member),
          });
        }
      }
    }
    return items;
  }

  /** The names an entry exports, each marked as a type when it has no value. */
  exportsOf(entry: PublicEntry): { name: string; typeOnly: boolean }[] {
    return publicExports(this.program, [entry]).map((exported) => ({
      name: exported.name,
      typeOnly: (exported.symbol.flags & ts.SymbolFlags.Value) === 0,
    }));
  }
}

/**
 * The names an example may use without declaring them, as the code around it would have them: a
 * client, an order to create, a webhook delivery, an inbox, and the app of the adapter's framework.
 * Anything else an example uses, it declares or imports.
 */
const CONTEXT: Record<string, string> = {
  cashfree: "import('cashfree-kit').Cashfree",
  order: "import('cashfree-kit').CreateOrderRequest",
  payment: "import('cashfree-kit').PaymentEntity",
  appId: 'string',
  secretKey: 'string',
  /** A webhook secret: the client secret of the environment that sends the webhooks. */
  secret: 'string',
  rawBody: 'string',
  headers: 'Record<string, string>',
  request: 'Request',
  inbox: "import('cashfree-kit/webhooks/inbox').WebhookInbox",
  /** A Payouts client, its credentials, a transfer and a beneficiary it returned. */
  payouts: "import('cashfree-kit/payouts').CashfreePayouts",
  clientId: 'string',
  clientSecret: 'string',
  transfer: "import('cashfree-kit/payouts').Transfer",
  beneficiary: "import('cashfree-kit/payouts').Beneficiary",
};

/** The `app` of each framework adapter's examples. */
const APP_OF_ENTRY: Record<string, string> = {
  'cashfree-kit/webhooks/express': "import('express').Express",
  'cashfree-kit/webhooks/fastify': "import('fastify').FastifyInstance",
  'cashfree-kit/webhooks/hono': "import('hono').Hono",
};

/** An example that does not compile, with the compiler's messages. */
export interface ExampleFailure {
  readonly item: string;
  readonly where: string;
  readonly code: string;
  readonly messages: string[];
}

interface VirtualExample {
  readonly item: DocumentedItem;
  readonly code: string;
  /** The module compiled: the imports of its entry's exports, then the example. */
  readonly text: string;
  /** Lines before the example's first line. */
  readonly offset: number;
}

/** The names an example imports or declares at its top level, which its prelude must then leave out. */
function ownNames(code: string): Set<string> {
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const statement of ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest).statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) names.add(element.name.text);
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/**
 * Compiles every example as its own module, next to the tests (so it resolves the workspace
 * packages as users would, from source): the exports of its entry point are imported for it,
 * unless it imports or declares the name itself.
 */
export function compileExamples(surface: PublicSurface, items: readonly DocumentedItem[]): ExampleFailure[] {
  const dir = join(repoRoot, 'test', 'docs');
  const examples = new Map<string, VirtualExample>();
  for (const item of items) {
    const exported = surface.exportsOf(item.entry);
    for (const code of item.examples) {
      const own = ownNames(code);
      const names = exported.filter((e) => !own.has(e.name));
      const context = {
        ...CONTEXT,
        ...(APP_OF_ENTRY[item.entry.specifier] ? { app: APP_OF_ENTRY[item.entry.specifier] } : {}),
      };
      const lines = [
        ...(names.length
          ? [
              `import { ${names.map((e) => (e.typeOnly ? `type ${e.name}` : e.name)).join(', ')} } from '${item.entry.specifier}';`,
            ]
          : []),
        ...Object.entries(context)
          .filter(([name]) => !own.has(name))
          .map(([name, type]) => `declare const ${name}: ${type};`),
      ];
      const text = `${lines.join('\n')}\n${code}\nexport {};\n`;
      examples.set(join(dir, `__example_${examples.size}.ts`), { item, code, text, offset: lines.length });
    }
  }
  // The repository's strict flags, less one that only decides a style (`env['X']` over `env.X`).
  const options = { ...compilerOptions(), noEmit: true, noPropertyAccessFromIndexSignature: false };
  const host = ts.createCompilerHost(options);
  const virtual = (name: string): string | undefined => examples.get(name)?.text;
  const { readFile, fileExists, getSourceFile } = host;
  host.readFile = (name) => virtual(name) ?? readFile.call(host, name);
  host.fileExists = (name) => virtual(name) !== undefined || fileExists.call(host, name);
  host.getSourceFile = (name, language, onError, create) => {
    const text = virtual(name);
    return text === undefined
      ? getSourceFile.call(host, name, language, onError, create)
      : ts.createSourceFile(name, text, language, true);
  };
  const program = ts.createProgram([...examples.keys()], options, host);
  const failures: ExampleFailure[] = [];
  for (const [name, example] of examples) {
    const source = program.getSourceFile(name);
    if (!source) throw new Error(`${name} is not in the example program`);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    if (diagnostics.length === 0) continue;
    failures.push({
      item: example.item.name,
      where: example.item.where,
      code: example.code,
      messages: diagnostics.map((d) => {
        const line =
          d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line - example.offset + 1;
        return `line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      }),
    });
  }
  return failures;
}
