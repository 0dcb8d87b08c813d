/** Types of secret-spellings.mjs (plain JavaScript, so that scripts/test.mjs can import it). */
export declare const SUITE_SECRET_PREFIX: string;
export declare function generateSuiteSecret(): string;
export declare function secretSpellings(secret: string): Record<string, string>;
export declare function leakScanner(secret: string): { leaks: Set<string>; scan(chunk: string): void };
