/**
 * Where Cashfree's contract is wrong or silent, this overlay says what we validate instead. Each
 * entry names one place in the contract (a JSON pointer), what it says there today (`original`,
 * checked by overlay.test.ts so a fixed or moved contract makes the entry fail as stale), the
 * change, why, and the source. Nothing here loosens the contract wholesale: every entry is one
 * field or one schema, and `docs/fidelity.md` lists them all.
 */
import { parentOf, valueAt } from './support/pointer.js';

/** What an entry does to the node at its target. */
export type OverlayChange =
  /** Also accept `null` (OpenAPI 3.0 `nullable`; a `$ref` is wrapped in `anyOf [ref, null]`). */
  | { kind: 'nullable' }
  /** Merge these keywords into the schema (e.g. an `enum` the prose lists). */
  | { kind: 'set'; keywords: Record<string, unknown> }
  /** Drop these keywords from the schema. */
  | { kind: 'remove'; keywords: string[] }
  /** Replace the node entirely. */
  | { kind: 'replace'; value: unknown }
  /** Rename the key the target sits under (the target's last token) to `to`. */
  | { kind: 'rename'; to: string };

export interface OverlayEntry {
  /** JSON pointer into the contract. */
  target: string;
  /** Keywords the target has today (a subset match); proves the entry still describes the contract. */
  original: Record<string, unknown>;
  /** Keywords the target must not have today (e.g. the `enum` we add). */
  absent?: string[];
  change: OverlayChange;
  /** The change in one line, for the coverage table. */
  summary: string;
  why: string;
  /** Where the truth comes from: a Cashfree docs page, the official SDK, or the contract itself. */
  source: string;
}

/** Every change we make to the contract before validating against it. */
export const overlay: readonly OverlayEntry[] = [
  {
    target: '/components/schemas/FetchSettlementsRequest_pagination/properties/cursor',
    original: { type: 'string' },
    absent: ['nullable'],
    change: { kind: 'nullable' },
    summary: 'Settlement and settlement-recon `pagination.cursor` may be `null`.',
    why: 'The first page is asked for with `cursor: null`, which `type: string` forbids.',
    source:
      'The contract itself: FetchSettlementsRequest_pagination.description, "To receive the data for the first time, pass the cursor as null".',
  },
];

/** Applies every overlay entry to `document` in place and returns it. */
export function applyOverlay<T>(document: T, entries: readonly OverlayEntry[] = overlay): T {
  for (const entry of entries) applyEntry(document, entry);
  return document;
}

function applyEntry(document: unknown, entry: OverlayEntry): void {
  const { parent, key } = parentOf(document, entry.target);
  const node = valueAt(document, entry.target);
  if (node === undefined) throw new Error(`Overlay target ${entry.target} does not exist in the contract.`);
  const change = entry.change;
  switch (change.kind) {
    case 'nullable':
      parent[key] = nullable(node);
      return;
    case 'set':
      parent[key] = { ...(node as object), ...change.keywords };
      return;
    case 'remove': {
      const copy = { ...(node as Record<string, unknown>) };
      for (const keyword of change.keywords) delete copy[keyword];
      parent[key] = copy;
      return;
    }
    case 'replace':
      parent[key] = structuredClone(change.value);
      return;
    case 'rename':
      delete parent[key];
      parent[change.to] = node;
      return;
  }
}

function nullable(schema: unknown): unknown {
  const record = schema as Record<string, unknown>;
  // ajv's `nullable` needs a `type` beside it; a bare $ref or combinator gets an explicit branch.
  if (typeof record['type'] === 'string') return { ...record, nullable: true };
  return { anyOf: [record, { type: 'null' }] };
}
