/**
 * The CLI's version, printed by `cashfree --version`. A test keeps it equal to package.json.
 *
 * @example
 * ```ts
 * console.log(`@cashfree-kit/cli ${CLI_VERSION}`);
 * ```
 */
export const CLI_VERSION = '0.1.0';
