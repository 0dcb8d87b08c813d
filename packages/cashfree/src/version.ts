/**
 * This package's version, sent as `x-sdk-platform: cashfree-kit/<version>`. A test keeps it equal to package.json.
 *
 * @example console.log(`cashfree-kit ${VERSION}`);
 */
export const VERSION = '0.1.0';
