/**
 * A real HTTP server on 127.0.0.1, on a free port, for tests that need a socket: it records every
 * request (method, raw URL, headers, body) and lets the test decide each answer. The server and
 * its keep-alive connections are closed when the test ends.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the server received it. `url` is the raw path and query, still percent-encoded. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type LoopbackHandler = (
  request: ReceivedRequest,
  response: ServerResponse,
  index: number,
) => void | Promise<void>;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` with no trailing slash. */
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Something with node:test's `after` (a `TestContext` or the `after` of a suite). */
export interface Teardown {
  after(fn: () => void | Promise<void>): void;
}

/** Starts the server and registers its teardown on `t`. */
export async function startLoopbackServer(t: Teardown, handler: LoopbackHandler): Promise<LoopbackServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = requests.length;
      requests.push(received);
      Promise.resolve(handler(received, res, index)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
    return closed;
  };
  t.after(close);
  return { url: `http://127.0.0.1:${port}`, requests, close };
}

/** Writes a JSON answer. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
