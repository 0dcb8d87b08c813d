/**
 * Cashfree's Payouts contract (API 2024-01-01, OpenAPI 3 JSON from Cashfree's MCP server), read
 * from `../shared/` next to the repository or `CASHFREE_PAYOUTS_OPENAPI_PATH`, never copied into
 * the repository. Like the PG contract, a missing file skips the suites loudly on a developer's
 * machine and fails them under CI (`CASHFREE_KIT_REQUIRE_ALL=1`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestContext } from 'node:test';
import { prerequisite } from '../../support/prerequisites.js';
import { applyOverlay } from '../overlay.js';
import { payoutsOverlay } from '../payouts-overlay.js';
import { type OpenApiDocument, repoRoot } from './contract.js';
import { ContractValidator } from './validator.js';

/** Where the Payouts contract is read from. */
export const payoutsContractPath = resolve(
  process.env['CASHFREE_PAYOUTS_OPENAPI_PATH'] ??
    join(repoRoot, '..', 'shared', 'cashfree-payouts-openapi-2024-01-01.json'),
);

/** The server URL's path in the Payouts contract (`https://sandbox.cashfree.com/payout`). */
export const PAYOUTS_BASE_PATH = '/payout';

/** Whether the Payouts contract file exists. */
export function payoutsContractAvailable(): boolean {
  return existsSync(payoutsContractPath);
}

/**
 * Returns true when the Payouts contract is present; otherwise skips the test loudly (fails
 * under CI). Call it first in every test that needs the contract.
 */
export function requirePayoutsContract(t: TestContext): boolean {
  return prerequisite(
    t,
    payoutsContractAvailable(),
    `Cashfree's Payouts OpenAPI contract (${payoutsContractPath})`,
    'Put cashfree-payouts-openapi-2024-01-01.json in ../shared/ next to the repository, or set CASHFREE_PAYOUTS_OPENAPI_PATH to its path.',
  );
}

let loaded: OpenApiDocument | undefined;

/** The Payouts contract as Cashfree publishes it, without the overlay. Parsed once per process. */
export function loadPayoutsContract(): OpenApiDocument {
  loaded ??= JSON.parse(readFileSync(payoutsContractPath, 'utf8')) as OpenApiDocument;
  return loaded;
}

let shared: ContractValidator | undefined;

/** The validator over the Payouts contract with the Payouts overlay applied, built once per process. */
export function payoutsValidator(): ContractValidator {
  shared ??= new ContractValidator(applyOverlay(structuredClone(loadPayoutsContract()), payoutsOverlay));
  return shared;
}
