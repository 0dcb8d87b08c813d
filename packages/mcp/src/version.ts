/** The server's version, reported in `initialize`; kept equal to package.json's by a test. */
export const MCP_VERSION = '0.1.0';
