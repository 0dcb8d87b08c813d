/**
 * Cashfree's sandbox test bank: payment code 3333, API code TESTR.
 *
 * @example
 * const method = { netbanking: { channel: 'link', netbanking_bank_code: TEST_BANK.code } };
 */
export const TEST_BANK = { code: 3333, name: 'TESTR', displayName: 'TEST Bank' } as const;

/**
 * The bank behind a netbanking request. Every well-formed code or name is accepted and goes to
 * the sandbox's bank simulator page (SUCCESS / PENDING / USER_DROPPED / FAILED), like Cashfree's
 * sandbox; 3333 / TESTR is the documented test bank.
 */
export function lookUpBank(
  code: number | undefined,
  name: string | undefined,
): { code: number; name: string } {
  if (code === TEST_BANK.code || name === TEST_BANK.name)
    return { code: TEST_BANK.code, name: TEST_BANK.displayName };
  if (code !== undefined) return { code, name: `Sandbox Bank ${code}` };
  return { code: TEST_BANK.code, name: `Sandbox Bank ${name ?? ''}`.trim() };
}
