/**
 * The Streamable HTTP transport on 127.0.0.1, stateless: each POST to `/mcp` gets its own MCP
 * `Server` over the process's shared state (clients, local sandbox), answered as JSON. Host
 * headers other than the loopback address and port are refused, so a web page cannot reach the
 * server by DNS rebinding.
 */
import {
  createServer,
  type Server as HttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { CashfreeMcp } from './server.js';

/** The port `--http` listens on when none is given. */
export const DEFAULT_HTTP_PORT = 8790;

/** The path the MCP endpoint is served at. */
export const MCP_PATH = '/mcp';

/** A listening HTTP server: its endpoint URL, and how to stop it. */
export interface HttpEndpoint {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0 for any free port) and serves `mcp` at {@link MCP_PATH}. */
export async function listenHttp(mcp: CashfreeMcp, port: number): Promise<HttpEndpoint> {
  let allowedHosts: string[] = [];
  const server: HttpServer = createServer((request, response) => {
    void handle(mcp, request, response, allowedHosts).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            jsonrpc: '2.0',
            error: { code: -32603, message: error instanceof Error ? error.message : 'internal error' },
            id: null,
          }),
        );
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${bound}`, `localhost:${bound}`];
  return {
    url: `http://127.0.0.1:${bound}${MCP_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  mcp: CashfreeMcp,
  request: IncomingMessage,
  response: ServerResponse,
  allowedHosts: string[],
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (path !== MCP_PATH) {
    response
      .writeHead(404, { 'content-type': 'text/plain' })
      .end(`Not found: the MCP endpoint is ${MCP_PATH}.\n`);
    return;
  }
  if (request.method !== 'POST') {
    // Stateless: no session to stream to or delete.
    response
      .writeHead(405, { allow: 'POST', 'content-type': 'application/json' })
      .end(
        JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null }),
      );
    return;
  }
  const server = mcp.createServer();
  // No sessionIdGenerator: stateless.
  const transport = new StreamableHTTPServerTransport({
    enableJsonResponse: true,
    allowedHosts,
    enableDnsRebindingProtection: true,
  });
  response.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(request, response);
}
