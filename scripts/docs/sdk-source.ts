/**
 * Reads what `docs/endpoints.md` needs from the SDK's own TypeScript: the fields of a request type
 * (with their TSDoc) and the parameters of a resource method, so the page shows the code as it is.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { compilerOptions, repoRoot } from './public-api.ts';

/** One field of a request body. Nested object fields are listed after their parent, dotted. */
export interface RequestField {
  /** `customer_details.customer_phone`. */
  readonly path: string;
  /** The declared type as written, e.g. `'STANDARD' | 'INSTANT'` (`object` for an expanded one). */
  readonly type: string;
  readonly required: boolean;
  /** The TSDoc of the field, on one line. */
  readonly doc: string;
}

const sdkEntry = join(repoRoot, 'packages/cashfree/src/index.ts');
/** `cashfree-kit/payouts`, whose client and types the Payouts rows name. */
const payoutsEntry = join(repoRoot, 'packages/cashfree/src/payouts/index.ts');

export class SdkSource {
  readonly #checker: ts.TypeChecker;
  readonly #exports: Map<string, ts.Symbol>;

  constructor() {
    const program = ts.createProgram([sdkEntry, payoutsEntry], compilerOptions());
    this.#checker = program.getTypeChecker();
    this.#exports = new Map(
      [sdkEntry, payoutsEntry].flatMap((entry) => {
        const source = program.getSourceFile(entry);
        const moduleSymbol = source && this.#checker.getSymbolAtLocation(source);
        if (!moduleSymbol) throw new Error(`cannot read ${entry}`);
        return this.#checker
          .getExportsOfModule(moduleSymbol)
          .map(
            (s) => [s.name, s.flags & ts.SymbolFlags.Alias ? this.#checker.getAliasedSymbol(s) : s] as const,
          );
      }),
    );
  }

  /**
   * The fields of an exported interface, with `levels - 1` levels of nested objects expanded (one
   * by default; Payouts' transfer checks reach `beneficiary_details.beneficiary_instrument_details.…`).
   */
  requestFields(entity: string, levels = 2): RequestField[] {
    const symbol = this.#exports.get(entity);
    const declaration = symbol?.declarations?.find(ts.isInterfaceDeclaration);
    if (!declaration) throw new Error(`cashfree-kit exports no interface ${entity}`);
    return this.#fields(this.#checker.getDeclaredTypeOfSymbol(symbol!), '', levels);
  }

  /**
   * `(orderId, body, options?)`: the parameters of `cashfree.<resource>.<method>`, or of a
   * `CashfreePayouts`' method for a resource named `payouts.<resource>`.
   */
  methodParameters(resource: string, method: string): string {
    const payouts = resource.startsWith('payouts.');
    const clientName = payouts ? 'CashfreePayouts' : 'Cashfree';
    const client = this.#exports.get(clientName);
    if (!client) throw new Error(`cashfree-kit exports no ${clientName}`);
    if (payouts) resource = resource.slice('payouts.'.length);
    const instance = this.#checker.getDeclaredTypeOfSymbol(client);
    const resourceSymbol = instance.getProperty(resource);
    const resourceType = resourceSymbol && this.#checker.getTypeOfSymbol(resourceSymbol);
    const methodSymbol = resourceType?.getProperty(method);
    const signature = methodSymbol && this.#checker.getTypeOfSymbol(methodSymbol).getCallSignatures()[0];
    if (!signature) throw new Error(`cashfree.${resource}.${method} is not a method`);
    const names = signature.parameters.map((parameter) => {
      const declaration = parameter.valueDeclaration;
      const optional =
        declaration && ts.isParameter(declaration) && (declaration.questionToken || declaration.initializer);
      return `${parameter.name}${optional ? '?' : ''}`;
    });
    return `(${names.join(', ')})`;
  }

  /**
   * A declared type as written, except that a type built with `typeof` (`(typeof
   * SIMULATED_PAYMENT_STATUSES)[number]`) says where its values come from, not what they are: the
   * page shows the values instead.
   */
  #written(node: ts.TypeNode): string {
    const text = node.getText();
    if (!/\btypeof\b/.test(text)) return text;
    const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType;
    // `(typeof X)[number]` of a tuple: its values in the tuple's order. A printed union follows the
    // compiler's internal type order, which changes with whatever else the program declares.
    const elements = this.#tupleElements(node);
    if (elements)
      return elements.map((type) => this.#checker.typeToString(type, undefined, flags)).join(' | ');
    return this.#checker.typeToString(this.#checker.getTypeFromTypeNode(node), undefined, flags);
  }

  /** The element types of the tuple `node` indexes with `[number]`, if it is such a type. */
  #tupleElements(node: ts.TypeNode): readonly ts.Type[] | undefined {
    let current = node;
    while (ts.isParenthesizedTypeNode(current)) current = current.type;
    if (!ts.isIndexedAccessTypeNode(current) || current.indexType.kind !== ts.SyntaxKind.NumberKeyword) {
      return undefined;
    }
    const tuple = this.#checker.getTypeFromTypeNode(current.objectType);
    return this.#checker.isTupleType(tuple)
      ? this.#checker.getTypeArguments(tuple as ts.TypeReference)
      : undefined;
  }

  #fields(type: ts.Type, prefix: string, depth: number): RequestField[] {
    return type.getProperties().flatMap((property) => {
      const declaration = property.valueDeclaration;
      if (!declaration || !ts.isPropertySignature(declaration)) return [];
      const path = `${prefix}${property.name}`;
      const nested = this.#checker.getNonNullableType(this.#checker.getTypeOfSymbol(property));
      const expand = depth > 1 && isPlainObject(nested);
      const written = oneLine(declaration.type ? this.#written(declaration.type) : 'unknown');
      const field: RequestField = {
        path,
        // An inline `{ … }` type is too long for a table cell; its fields are listed when expanded.
        type: expand || (written.includes('{') && isPlainObject(nested)) ? 'object' : written,
        required: !declaration.questionToken,
        doc: oneLine(ts.displayPartsToString(property.getDocumentationComment(this.#checker))),
      };
      return expand ? [field, ...this.#fields(nested, `${path}.`, depth - 1)] : [field];
    });
  }
}

/** An object type with named fields (not an array, a union, a function or a string map). */
function isPlainObject(type: ts.Type): boolean {
  if (!(type.flags & ts.TypeFlags.Object) || type.isUnion()) return false;
  if (type.getCallSignatures().length > 0 || type.getStringIndexType()) return false;
  const symbol = type.getSymbol();
  if (symbol?.name === 'Array' || symbol?.name === 'ReadonlyArray') return false;
  return type.getProperties().length > 0;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
