import { join } from 'node:path';
import { loadContract, repoRoot } from '../contract/support/contract.js';
import { type HttpMethod, OperationIndex } from '../contract/support/operations.js';
import { loadPayoutsContract } from '../contract/support/payouts-contract.js';

/** The generated coverage table, relative to the repository root. */
export const FIDELITY_DOC = 'docs/fidelity.md';
export const fidelityDocPath = join(repoRoot, FIDELITY_DOC);

/** The command that regenerates it. */
export const REGENERATE = 'node --conditions=cashfree-kit-source --import tsx test/fidelity/write.ts';

let index: OperationIndex | undefined;
let payoutsIndex: OperationIndex | undefined;

/** The contract's operationId of `METHOD /path`, or an empty string. */
export function contractOperationId(key: string): string {
  index ??= new OperationIndex(loadContract());
  return operationIdIn(index, key);
}

/** The Payouts contract's operationId of `METHOD /path` (a path under /payout), or an empty string. */
export function payoutsContractOperationId(key: string): string {
  payoutsIndex ??= new OperationIndex(loadPayoutsContract());
  return operationIdIn(payoutsIndex, key);
}

function operationIdIn(operations: OperationIndex, key: string): string {
  const [method, template] = key.split(' ') as [HttpMethod, string];
  return operations.has(method, template) ? operations.get(method, template).operationId : '';
}
