/** JSON Pointers (RFC 6901), the way the overlay and the validator name places in the contract. */

/** Splits a pointer such as `/paths/~1orders/post` into its unescaped tokens. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`JSON pointer must start with "/": ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Builds a pointer from unescaped tokens. */
export function pointerFrom(...tokens: string[]): string {
  return tokens.map((token) => `/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The value at `pointer`, or `undefined` when any step is missing. */
export function valueAt(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const token of pointerTokens(pointer)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** The parent object of `pointer` and the last token, for edits in place. */
export function parentOf(
  document: unknown,
  pointer: string,
): { parent: Record<string, unknown>; key: string } {
  const tokens = pointerTokens(pointer);
  const key = tokens.pop();
  const parent = valueAt(document, pointerFrom(...tokens));
  if (key === undefined || typeof parent !== 'object' || parent === null) {
    throw new Error(`No parent object for JSON pointer ${pointer}`);
  }
  return { parent: parent as Record<string, unknown>, key };
}

/** Follows `{ $ref: '#/…' }` chains inside the document. */
export function deref<T = unknown>(document: unknown, node: unknown): T {
  let current = node;
  for (let hops = 0; hops < 20; hops++) {
    const ref = refOf(current);
    if (ref === undefined) return current as T;
    current = valueAt(document, ref);
    if (current === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  }
  throw new Error('$ref chain longer than 20 hops');
}

/** The pointer of a local `$ref` (`#/components/…` → `/components/…`), if `node` is one. */
export function refOf(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const ref = (node as Record<string, unknown>)['$ref'];
  if (typeof ref !== 'string') return undefined;
  if (!ref.startsWith('#')) throw new Error(`Only local $refs are supported: ${ref}`);
  return ref.slice(1);
}
