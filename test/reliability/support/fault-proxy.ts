/**
 * A fault-injecting TCP proxy for the reliability suite: it sits between an HTTP client and a
 * server on 127.0.0.1 and, chunk by chunk in both directions, either passes the bytes on or
 * injects one fault. Deciding per chunk rather than per connection means that keep-alive
 * connections (which fetch reuses) are hit in the middle of their life too.
 *
 * Faults on a chunk from the client (the request; the server has done nothing yet):
 * - `reset_before_request`: the connection is reset and the request never forwarded.
 * - `hang_before_request`: the request is swallowed and nothing ever comes back.
 * - `status_before_request`: the proxy answers 500, 502, 503 or 429 (with `x-ratelimit-retry`)
 *   itself, like a gateway or rate limiter in front of the server.
 *
 * Faults on a chunk from the server (the server has done the work: the case idempotency keys
 * exist for):
 * - `reset_after_request`: the connection is reset instead of passing the response on.
 * - `hang_after_request`: the response is swallowed and the client waits past its timeout.
 * - `truncate_response`: part of the chunk is sent, then the connection ends mid-response.
 * - `status_after_request`: the response is replaced by a gateway 500, 502 or 503 (only on the
 *   first chunk of a response, where a gateway could still choose the status line).
 *
 * Synthetic answers carry `connection: close` and end the connection, so the client never has to
 * resynchronise its framing. The HTTP is parsed no further than that: the proxy tracks only
 * whether a response has started since the last request chunk (HTTP/1.1 without pipelining).
 * It logs every request it saw (`exchanges`: its first bytes, whether it reached the server whole,
 * and the fault it met), so a test can tell which of a call's attempts the server acted on.
 */
import { createServer, type Server, Socket } from 'node:net';

export type FaultKind =
  | 'reset_before_request'
  | 'hang_before_request'
  | 'status_before_request'
  | 'reset_after_request'
  | 'hang_after_request'
  | 'truncate_response'
  | 'status_after_request';

const BEFORE: readonly FaultKind[] = ['reset_before_request', 'hang_before_request', 'status_before_request'];
const AFTER_FIRST_CHUNK: readonly FaultKind[] = [
  'reset_after_request',
  'hang_after_request',
  'truncate_response',
  'status_after_request',
];
const AFTER_LATER_CHUNK: readonly FaultKind[] = [
  'reset_after_request',
  'hang_after_request',
  'truncate_response',
];

export interface FaultProxyOptions {
  /** Where the proxy forwards to (127.0.0.1). */
  targetPort: number;
  /** The seeded generator that decides every fault. */
  random: () => number;
  /**
   * Probability that a request/response exchange meets a fault, between 0 and 1. Split evenly
   * between the request and the response direction (each chunk decides on its own).
   */
  faultRate: number;
  /** Seconds put in `x-ratelimit-retry` of a synthetic 429. Default 1. */
  rateLimitRetrySeconds?: number;
}

export interface FaultProxyStats {
  connections: number;
  /** Chunks from the client that started a request (≈ HTTP requests seen). */
  requests: number;
  faults: Record<FaultKind, number>;
  /** Synthetic statuses sent, by status code. */
  statuses: Record<string, number>;
  /** Faults that hit a connection which had already carried a complete exchange (keep-alive). */
  faultsOnReusedConnections: number;
}

/** One request the proxy saw, and what became of it. */
export interface ExchangeRecord {
  /** The request's first bytes (head and, as fetch writes it, body), up to 4 KiB, as latin1 text. */
  request: string;
  /** True when every chunk of the request was passed on: the server got it whole and acted on it. */
  forwarded: boolean;
  /** The fault this exchange met, on the way in or on the way back. */
  fault?: FaultKind;
}

const LOGGED_REQUEST_BYTES = 4096;

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  stats: FaultProxyStats;
  /** Every request seen, in order of arrival. */
  exchanges: ExchangeRecord[];
  /** Total faults injected. */
  faultCount(): number;
  /** Stops injecting faults (the proxy then only forwards). */
  setFaultRate(rate: number): void;
  close(): Promise<void>;
}

const REASONS: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** A synthetic HTTP/1.1 response: JSON like Cashfree's for 429/500, an HTML page like a gateway's for 502/503. */
function syntheticResponse(status: number, rateLimitRetrySeconds: number): Buffer {
  const json = status === 429 || status === 500;
  const body = json
    ? JSON.stringify(
        status === 429
          ? { message: 'Too many requests', code: 'request_limit_breached', type: 'rate_limit_error' }
          : {
              message: 'internal error (injected by the fault proxy)',
              code: 'internal_error',
              type: 'api_error',
            },
      )
    : `<html><body><h1>${status} ${REASONS[status]}</h1></body></html>`;
  const headers = [
    `HTTP/1.1 ${status} ${REASONS[status]}`,
    `content-type: ${json ? 'application/json' : 'text/html'}`,
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  if (status === 429) headers.push(`x-ratelimit-retry: ${rateLimitRetrySeconds}`);
  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}`);
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const { random } = options;
  const retrySeconds = options.rateLimitRetrySeconds ?? 1;
  // Each direction gets the per-chunk probability that makes the exchange fail with `faultRate`.
  let perChunk = 1 - Math.sqrt(1 - options.faultRate);
  const stats: FaultProxyStats = {
    connections: 0,
    requests: 0,
    faults: Object.fromEntries([...BEFORE, ...AFTER_FIRST_CHUNK].map((k) => [k, 0])) as Record<
      FaultKind,
      number
    >,
    statuses: {},
    faultsOnReusedConnections: 0,
  };
  const requestLog: ExchangeRecord[] = [];
  const sockets = new Set<Socket>();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const server: Server = createServer((client) => {
    stats.connections++;
    const upstream = new Socket();
    sockets.add(client);
    sockets.add(upstream);
    let exchanges = 0;
    let awaitingResponse = false;
    let responseStarted = false;
    let hanging = false;
    let done = false;
    let current: ExchangeRecord | undefined;

    const count = (kind: FaultKind) => {
      stats.faults[kind]++;
      if (exchanges > 0) stats.faultsOnReusedConnections++;
      if (current) current.fault = kind;
    };
    const log = (chunk: Buffer) => {
      const room = current ? LOGGED_REQUEST_BYTES - current.request.length : 0;
      if (current && room > 0) current.request += chunk.toString('latin1', 0, Math.min(room, chunk.length));
    };
    const finish = (how: 'reset' | 'end', last?: Buffer) => {
      if (done) return;
      done = true;
      upstream.destroy();
      if (how === 'reset') client.resetAndDestroy();
      else if (last) client.end(last);
      else client.end();
    };
    const answer = (status: number) => {
      stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
      finish('end', syntheticResponse(status, retrySeconds));
    };

    client.on('data', (chunk: Buffer) => {
      if (done || hanging) {
        // The rest of a swallowed request: never forwarded, but it may carry what names the call.
        if (hanging) log(chunk);
        return;
      }
      const startsRequest = !awaitingResponse || responseStarted;
      if (startsRequest) {
        if (responseStarted) exchanges++;
        stats.requests++;
        awaitingResponse = true;
        responseStarted = false;
        current = { request: '', forwarded: true };
        requestLog.push(current);
      }
      log(chunk);
      if (random() < perChunk) {
        const kind = pick(BEFORE);
        count(kind);
        if (current) current.forwarded = false;
        if (kind === 'reset_before_request') return finish('reset');
        if (kind === 'hang_before_request') {
          hanging = true;
          return;
        }
        return answer(pick([429, 500, 502, 503]));
      }
      upstream.write(chunk);
    });

    upstream.on('data', (chunk: Buffer) => {
      if (done || hanging) return;
      const first = !responseStarted;
      responseStarted = true;
      if (random() < perChunk) {
        const kind = pick(first ? AFTER_FIRST_CHUNK : AFTER_LATER_CHUNK);
        count(kind);
        if (kind === 'reset_after_request') return finish('reset');
        if (kind === 'hang_after_request') {
          hanging = true;
          return;
        }
        if (kind === 'truncate_response')
          return finish('end', chunk.subarray(0, Math.floor(chunk.length / 2)));
        return answer(pick([500, 502, 503]));
      }
      client.write(chunk);
    });

    const drop = () => {
      sockets.delete(client);
      sockets.delete(upstream);
      done = true;
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop);
    upstream.on('close', () => {
      // A hanging exchange keeps the client waiting even if the server lets go.
      if (!hanging) drop();
    });
    client.on('error', () => {});
    upstream.on('error', () => {});
    upstream.connect(options.targetPort, '127.0.0.1');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    stats,
    exchanges: requestLog,
    faultCount: () => Object.values(stats.faults).reduce((sum, n) => sum + n, 0),
    setFaultRate(rate) {
      perChunk = 1 - Math.sqrt(1 - rate);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
