/**
 * `@cashfree-kit/mcp`: an MCP server for Cashfree Payments. One tool per operation of cashfree-kit's
 * operation table, the local sandbox (with tools to pay orders, move its clock and watch webhooks)
 * when no keys are set, error lookup, webhook verification and signing, the docs as resources and
 * an integration prompt. Run it with `npx cashfree-mcp` (or `npx cashfree mcp`); from code,
 * `serve()` runs it as the binary does.
 *
 * @example
 * ```ts
 * import { serve } from '@cashfree-kit/mcp';
 *
 * // Streamable HTTP on 127.0.0.1:8790/mcp until SIGINT; no keys set, so the local sandbox.
 * await serve({ http: 8790 });
 * ```
 * @module @cashfree-kit/mcp
 */
export { DEFAULT_HTTP_PORT, MCP_PATH } from './http.js';
export { parseArguments, type ServeOptions, serve, USAGE } from './serve.js';
export type { CashfreeMcpOptions } from './server.js';
export { MCP_VERSION } from './version.js';
