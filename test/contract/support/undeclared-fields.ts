/**
 * The contract's schemas allow any extra property, so a misspelt field (`ifsc` for `bank_ifsc`,
 * `remarks` for `transfer_remarks`) passes ajv unseen. This walk names every property of a value
 * that its schema (with the overlay applied) does not declare, so the Payouts suites catch a
 * renamed or invented field, and each overlay entry that declares one is needed.
 */
import { deref } from './pointer.js';
import type { ContractValidator, Issue } from './validator.js';

type Schema = Record<string, unknown>;

/** The properties `value` has that the schema at `pointer` does not declare, as issues. */
export function undeclaredFields(
  validator: ContractValidator,
  pointer: string,
  value: unknown,
  label = 'body',
): Issue[] {
  const issues: Issue[] = [];
  walk(validator.document, validator.schemaAt(pointer), value, label, issues);
  return issues;
}

function walk(document: unknown, node: unknown, value: unknown, where: string, issues: Issue[]): void {
  if (node === undefined || value === null || typeof value !== 'object') return;
  const schema = deref<Schema>(document, node);
  const branches = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (schema[k] as unknown[] | undefined) ?? []);
  if (Array.isArray(value)) {
    if (schema['items'] === undefined) return;
    for (const [i, item] of value.entries()) walk(document, schema['items'], item, `${where}/${i}`, issues);
    return;
  }
  const properties = { ...((schema['properties'] as Record<string, unknown> | undefined) ?? {}) };
  for (const branch of branches) {
    Object.assign(properties, deref<Schema>(document, branch)['properties'] ?? {});
  }
  // A map (additionalProperties with a schema) or a schema that says nothing of its keys is open.
  if (Object.keys(properties).length === 0 || typeof schema['additionalProperties'] === 'object') return;
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (!(key in properties)) {
      issues.push({ where: `${where}/${key}`, message: 'is not a property the contract declares' });
    } else {
      walk(document, properties[key], field, `${where}/${key}`, issues);
    }
  }
}
