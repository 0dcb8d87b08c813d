import type { Operation } from 'cashfree-kit';

/**
 * The pattern an operation's row gives a field (`{ kind: 'pattern' }` checks), as the sandbox's
 * string rule: the same regular expression and its description in words, so the sandbox refuses
 * exactly what the SDK refuses before the wire, from the one copy of the rule.
 *
 * @example
 * const planId = rowPattern(OPERATIONS.plans.create, 'plan_id'); // [/^[A-Za-z0-9._-]+$/, 'should be …']
 */
export function rowPattern(operation: Operation, field: string): readonly [RegExp, string] {
  const rule = operation.request?.checks.find((r) => r.field === field);
  if (rule?.check.kind !== 'pattern') {
    throw new Error(`[cashfree-sandbox] ${operation.operationId} has no pattern rule for ${field}`);
  }
  return [new RegExp(rule.check.pattern), `should be ${rule.check.means}`];
}
