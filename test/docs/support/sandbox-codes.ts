/**
 * The error codes the local sandbox can answer with, read from its source with the TypeScript
 * compiler rather than by running it: a code is a string literal passed to a parameter named
 * `code` (`badRequest('order_not_found', …)`, `new SandboxHttpError(404, 'x', …)`, `refuse(…)`),
 * a string literal `code:` property (`{ code: 'internal_error', … }`, payment error templates), or
 * a field code built by `missing('field')` / `invalid('field', …)` from a literal field path.
 *
 * Per route, the codes are those reachable from its handler through the calls it makes (services,
 * validators, status machines), so each endpoint's documented errors can be checked against them.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { compilerOptions, repoRoot } from '../../../scripts/docs/public-api.ts';

export const sandboxSrc = join(repoRoot, 'packages/sandbox/src');

/** Field-code builders of `validation/fields.ts`: their first argument is a field path. */
const FIELD_CODE_BUILDERS: Record<string, string> = {
  missing: '_missing',
  invalid: '_invalid',
  invalidAmount: '_invalid',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Where a code was found, for messages: `routes/orders.ts:12`. */
export interface CodeSite {
  readonly code: string;
  readonly where: string;
}

/**
 * One route registration: `route(OPERATIONS.orders.get, handler)`, or on a Hono router
 * `r.get('/orders/:order_id', handler)` / `r.on(m, p, handler)`.
 */
export interface RouteSite {
  /** `GET /orders/{order_id}`, as the contract and the operation table write it. */
  readonly key: string;
  /** Whether the method and path are read from the operation table (`route(<row>, …)`, `honoPath(<row>)`). */
  readonly fromTable: boolean;
  readonly where: string;
  /** The codes reachable from its handlers. */
  readonly codes: readonly CodeSite[];
}

export class SandboxCodeScanner {
  readonly program: ts.Program;
  readonly #checker: ts.TypeChecker;
  readonly #files: string[];

  constructor() {
    this.#files = sourceFiles(sandboxSrc);
    this.program = ts.createProgram(this.#files, compilerOptions());
    this.#checker = this.program.getTypeChecker();
  }

  /** Every code anywhere in the sandbox's source. */
  allCodes(): CodeSite[] {
    const found: CodeSite[] = [];
    for (const file of this.#files) {
      const source = this.program.getSourceFile(file);
      if (source) this.#collect(source, found, undefined);
    }
    return found;
  }

  /**
   * The codes reachable from `node`: its own, and those of every sandbox function it calls or
   * passes along, transitively. An over-approximation (every branch counts), as "can return" is.
   */
  reachableCodes(node: ts.Node): CodeSite[] {
    const found: CodeSite[] = [];
    this.#collect(node, found, new Set());
    return found;
  }

  /**
   * The route registrations of a route list, e.g. `PG_ROUTES` in `routes/pg.ts`: those written in
   * it, and those of every list it spreads (`...ORDER_ROUTES`), wherever that list is declared. So
   * a route file added to the list is scanned without being named here too.
   */
  routesOfList(relativePath: string, listName: string): RouteSite[] {
    const source = this.program.getSourceFile(join(sandboxSrc, relativePath));
    if (!source) throw new Error(`${relativePath} is not a sandbox source file`);
    const list = this.#arrayOf(source, listName);
    if (!list) throw new Error(`${relativePath} has no array ${listName}`);
    return this.#routesOfArray(list, new Set());
  }

  #arrayOf(source: ts.SourceFile, name: string): ts.ArrayLiteralExpression | undefined {
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name) continue;
        const initialiser = declaration.initializer;
        if (initialiser && ts.isArrayLiteralExpression(initialiser)) return initialiser;
      }
    }
    return undefined;
  }

  #routesOfArray(list: ts.ArrayLiteralExpression, seen: Set<ts.Node>): RouteSite[] {
    if (seen.has(list)) return [];
    seen.add(list);
    const routes: RouteSite[] = [];
    for (const element of list.elements) {
      if (ts.isSpreadElement(element) && ts.isIdentifier(element.expression)) {
        let symbol = this.#checker.getSymbolAtLocation(element.expression);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.#checker.getAliasedSymbol(symbol);
        const declaration = symbol?.valueDeclaration;
        const initialiser =
          declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
        if (!initialiser || !ts.isArrayLiteralExpression(initialiser)) {
          throw new Error(`${this.#where(element)}: cannot read the routes of ${element.expression.text}`);
        }
        routes.push(...this.#routesOfArray(initialiser, seen));
        continue;
      }
      const visit = (node: ts.Node): void => {
        const route = ts.isCallExpression(node) ? this.#route(node) : undefined;
        if (route) routes.push(route);
        else ts.forEachChild(node, visit);
      };
      visit(element);
    }
    return routes;
  }

  /** The functions passed to `<app>.<method>(…)` calls in a file, e.g. `app.onError(handler)`. */
  callbacksOf(relativePath: string, methods: readonly string[]): ts.Node[] {
    const source = this.program.getSourceFile(join(sandboxSrc, relativePath));
    if (!source) throw new Error(`${relativePath} is not a sandbox source file`);
    const found: ts.Node[] = [];
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        methods.includes(node.expression.name.text)
      ) {
        found.push(...node.arguments.filter((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a)));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  /** The declaration of an exported function of a file, e.g. `requestGuard` in `http/pipeline.ts`. */
  functionIn(relativePath: string, name: string): ts.Node {
    const source = this.program.getSourceFile(join(sandboxSrc, relativePath));
    const found = source?.statements.find((s) => ts.isFunctionDeclaration(s) && s.name?.text === name);
    if (!found) throw new Error(`${relativePath} has no function ${name}`);
    return found;
  }

  #where(node: ts.Node): string {
    const source = node.getSourceFile();
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    return `${relative(sandboxSrc, source.fileName)}:${line + 1}`;
  }

  #route(call: ts.CallExpression): RouteSite | undefined {
    if (ts.isIdentifier(call.expression) && call.expression.text === 'route')
      return this.#operationRoute(call);
    if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
    const verb = call.expression.name.text;
    const args = [...call.arguments];
    let method: string | undefined;
    if (verb === 'on') method = this.#literal(args.shift());
    else if (['get', 'post', 'patch', 'put', 'delete'].includes(verb)) method = verb.toUpperCase();
    const pathArg = args.shift();
    const path = this.#literal(pathArg);
    if (!method || !path?.startsWith('/') || args.length === 0) return undefined;
    // Make sure this is a router: the receiver is a Hono instance.
    const receiver = this.#checker.getTypeAtLocation(call.expression.expression);
    if (!receiver.getProperty('route') || !receiver.getProperty('onError')) return undefined;
    const fromTable =
      pathArg !== undefined &&
      ts.isCallExpression(pathArg) &&
      ts.isIdentifier(pathArg.expression) &&
      pathArg.expression.text === 'honoPath';
    const seen = new Set<ts.Node>();
    const codes: CodeSite[] = [];
    for (const handler of args) this.#collect(handler, codes, seen);
    return {
      key: `${method.toUpperCase()} ${path.replaceAll(/:([A-Za-z_]+)/g, '{$1}')}`,
      fromTable,
      where: this.#where(call),
      codes,
    };
  }

  /** `route(OPERATIONS.orders.get, handler)` of `http/mount.ts`: the route is the row's method and path. */
  #operationRoute(call: ts.CallExpression): RouteSite | undefined {
    const [operation, ...handlers] = call.arguments;
    const declaration = this.#checker.getResolvedSignature(call)?.getDeclaration();
    if (!operation || !declaration?.getSourceFile().fileName.endsWith('http/mount.ts')) return undefined;
    const type = this.#checker.getTypeAtLocation(operation);
    const field = (name: string): string | undefined => {
      const property = type.getProperty(name);
      const value = property && this.#checker.getTypeOfSymbolAtLocation(property, operation);
      return value?.isStringLiteral() ? value.value : undefined;
    };
    const method = field('method');
    const path = field('path');
    if (!method || !path) return undefined;
    const seen = new Set<ts.Node>();
    const codes: CodeSite[] = [];
    for (const handler of handlers) this.#collect(handler, codes, seen);
    return { key: `${method} ${path}`, fromTable: true, where: this.#where(call), codes };
  }

  /** The string literal type of an expression, if it has one. */
  #literal(node: ts.Node | undefined): string | undefined {
    if (!node) return undefined;
    const type = this.#checker.getTypeAtLocation(node);
    return type.isStringLiteral() ? type.value : undefined;
  }

  /**
   * Collects the codes under `node`. With `seen`, follows every sandbox function the code calls
   * or references; without, reads the node alone (the whole-source scan visits every file anyway).
   */
  #collect(node: ts.Node, found: CodeSite[], seen: Set<ts.Node> | undefined): void {
    const visit = (current: ts.Node): void => {
      if (ts.isCallExpression(current) || ts.isNewExpression(current)) this.#codesOfCall(current, found);
      if (
        ts.isPropertyAssignment(current) &&
        (ts.isIdentifier(current.name) || ts.isStringLiteral(current.name)) &&
        current.name.text === 'code' &&
        ts.isStringLiteralLike(current.initializer)
      ) {
        found.push({ code: current.initializer.text, where: this.#where(current) });
      }
      if (seen && ts.isIdentifier(current)) {
        for (const target of this.#sandboxFunctions(current)) {
          if (seen.has(target)) continue;
          seen.add(target);
          visit(target);
        }
      }
      ts.forEachChild(current, visit);
    };
    visit(node);
  }

  /** Literal arguments given to a `code` parameter, and the field codes of `missing`/`invalid`. */
  #codesOfCall(call: ts.CallExpression | ts.NewExpression, found: CodeSite[]): void {
    const signature = this.#checker.getResolvedSignature(call);
    const declaration = signature?.getDeclaration();
    if (!signature || !declaration || !this.#inSandbox(declaration)) return;
    const args = call.arguments ?? ts.factory.createNodeArray();
    signature.getParameters().forEach((parameter, index) => {
      const arg = args[index];
      if (parameter.name === 'code' && arg && ts.isStringLiteralLike(arg)) {
        found.push({ code: arg.text, where: this.#where(arg) });
      }
    });
    const name = ts.isFunctionDeclaration(declaration) ? declaration.name?.text : undefined;
    const suffix = name ? FIELD_CODE_BUILDERS[name] : undefined;
    const field = args[0];
    if (suffix && declaration.getSourceFile().fileName.endsWith('validation/fields.ts') && field) {
      if (ts.isStringLiteralLike(field)) found.push({ code: field.text + suffix, where: this.#where(field) });
    }
  }

  #inSandbox(node: ts.Node): boolean {
    return node.getSourceFile().fileName.startsWith(sandboxSrc);
  }

  /** The function bodies an identifier stands for, when they are sandbox code. */
  #sandboxFunctions(identifier: ts.Identifier): ts.Node[] {
    let symbol = this.#checker.getSymbolAtLocation(identifier);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.#checker.getAliasedSymbol(symbol);
    const targets: ts.Node[] = [];
    for (const declaration of symbol?.declarations ?? []) {
      if (!this.#inSandbox(declaration)) continue;
      if (
        ts.isFunctionDeclaration(declaration) ||
        ts.isMethodDeclaration(declaration) ||
        ts.isGetAccessorDeclaration(declaration)
      ) {
        if (declaration.body) targets.push(declaration.body);
      } else if (
        ts.isVariableDeclaration(declaration) &&
        declaration.initializer &&
        (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))
      ) {
        targets.push(declaration.initializer);
      } else if (ts.isClassDeclaration(declaration) && ts.isNewExpression(identifier.parent)) {
        const initialiser = declaration.members.find(ts.isConstructorDeclaration);
        if (initialiser?.body) targets.push(initialiser.body);
      }
    }
    return targets;
  }
}
