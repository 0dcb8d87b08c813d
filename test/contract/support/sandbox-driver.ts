/**
 * Drives a started sandbox over HTTP and checks each exchange against the contract: the request's
 * operation is found from its method and path, and the response is validated against what that
 * operation declares for the status that came back, including the headers the sandbox promises
 * (`x-api-version` and `x-ratelimit-*` always, `x-request-id` and `x-idempotency-key` /
 * `x-idempotency-replayed` when the request carried them).
 */
import type { TestContext } from 'node:test';
import { prerequisite } from '../../support/prerequisites.js';
import { CONTRACT_BASE_PATH, checkResponse, type WireRequest, type WireResponse } from './conformance.js';
import { OperationIndex, type OperationSpec } from './operations.js';
import type { ResultRecorder } from './results.js';
import { contractValidator, type Issue } from './validator.js';

/** The subset of `@cashfree-kit/sandbox`'s `RunningSandbox` this suite uses. */
export interface StartedSandbox {
  url: string;
  appId: string;
  secretKey: string;
  sandbox: {
    app: { routes: { method: string; path: string }[] };
    advanceClock(ms: number): void;
    now(): number;
  };
  close(): Promise<void>;
}

type StartSandbox = (options: Record<string, unknown>) => Promise<StartedSandbox>;

/**
 * Starts a sandbox on 127.0.0.1:0 with an in-memory database, closed when the suite ends; skips
 * loudly (fails under CI) when the sandbox package cannot be loaded.
 */
export async function startContractSandbox(
  t: TestContext,
  teardown: (fn: () => Promise<void>) => void,
  options: Record<string, unknown> = {},
): Promise<StartedSandbox | undefined> {
  let start: StartSandbox | undefined;
  let failure = '';
  try {
    start = ((await import('@cashfree-kit/sandbox')) as { startSandbox?: StartSandbox }).startSandbox;
  } catch (error) {
    failure = ` (${(error as Error).message.split('\n')[0]})`;
  }
  const ready = prerequisite(
    t,
    typeof start === 'function',
    `@cashfree-kit/sandbox's startSandbox${failure}`,
    'Build the sandbox package (packages/sandbox) first.',
  );
  if (!ready || !start) return undefined;
  const sandbox = await start({ port: 0, db: ':memory:', ...options });
  teardown(() => sandbox.close());
  return sandbox;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text, sent as is (for malformed JSON). */
  rawBody?: string;
  query?: Record<string, string>;
  /** `false` leaves out the credentials; an object replaces them. */
  auth?: false | { id: string; secret: string };
  /** `x-api-version`; `null` leaves it out. Default `2025-01-01`. */
  version?: string | null;
  requestId?: string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

export interface Exchange {
  request: WireRequest;
  response: WireResponse;
  operation: OperationSpec | undefined;
}

export class SandboxDriver {
  readonly sandbox: StartedSandbox;
  readonly recorder: ResultRecorder;
  readonly index: OperationIndex;
  /** Operation keys that at least one exchange reached. */
  readonly reached = new Set<string>();
  #requestCounter = 0;

  constructor(sandbox: StartedSandbox, recorder: ResultRecorder) {
    this.sandbox = sandbox;
    this.recorder = recorder;
    // The overlaid contract: an overlay entry can also declare what a response lacks (headers).
    this.index = new OperationIndex(contractValidator().document);
  }

  /** Sends one request to the sandbox's `/pg` API. */
  async call(method: string, path: string, options: CallOptions = {}): Promise<Exchange> {
    const url = new URL(`${this.sandbox.url}${CONTRACT_BASE_PATH}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.version !== null) headers['x-api-version'] = options.version ?? '2025-01-01';
    if (options.auth !== false) {
      headers['x-client-id'] = options.auth?.id ?? this.sandbox.appId;
      headers['x-client-secret'] = options.auth?.secret ?? this.sandbox.secretKey;
    }
    headers['x-request-id'] = options.requestId ?? `fidelity-${++this.#requestCounter}`;
    if (options.idempotencyKey !== undefined) headers['x-idempotency-key'] = options.idempotencyKey;
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, options.headers);

    const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    const request: WireRequest = { method, path: url.pathname, query: url.searchParams, headers, body };
    return {
      request,
      response: { status: response.status, headers: responseHeaders, body: parseJson(text) },
      operation: this.index.match(method, url.pathname.slice(CONTRACT_BASE_PATH.length))?.operation,
    };
  }

  /**
   * Checks an exchange: the status is the one expected, and the response conforms to the
   * contract. Records the case and returns its issues.
   */
  check(
    exchange: Exchange,
    expectedStatus: number,
    name: string,
    expectedHeaders: Record<string, string> = {},
  ): string[] {
    const { request, response, operation } = exchange;
    const issues: Issue[] = [];
    for (const [header, value] of Object.entries(expectedHeaders)) {
      if (response.headers[header] !== value) {
        issues.push({
          where: `headers.${header}`,
          message: `expected "${value}", got "${response.headers[header]}"`,
        });
      }
    }
    if (response.status !== expectedStatus) {
      issues.push({
        where: 'status',
        message: `expected ${expectedStatus}, got ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`,
      });
    }
    const key = operation?.key ?? `${request.method} ${request.path}`;
    if (!operation) {
      issues.push({ where: 'path', message: 'the contract has no such operation' });
    } else {
      this.reached.add(operation.key);
      const contentType = response.headers['content-type'] ?? '';
      if (response.body !== undefined && !contentType.startsWith('application/json')) {
        issues.push({
          where: 'headers.content-type',
          message: `must be application/json, was "${contentType}"`,
        });
      }
      issues.push(
        ...checkResponse(contractValidator(), operation, response, {
          requiredHeaders: promisedHeaders(request),
        }),
        ...headerSemantics(operation, request, response),
      );
    }
    return this.recorder.record(key, `${expectedStatus} ${name}`, issues);
  }
}

/**
 * What the contract's header descriptions say beyond their schemas: `x-request-id` and
 * `x-idempotency-key` echo the request's, and `x-ratelimit-type` is `ip` for the calls made without
 * API keys (Order Pay, OTP) and `app_id` for the rest.
 */
function headerSemantics(operation: OperationSpec, request: WireRequest, response: WireResponse): Issue[] {
  const issues: Issue[] = [];
  for (const echoed of ['x-request-id', 'x-idempotency-key']) {
    const sent = request.headers[echoed];
    const got = response.headers[echoed];
    if (sent !== undefined && got !== undefined && got !== sent) {
      issues.push({ where: `headers.${echoed}`, message: `should echo "${sent}", got "${got}"` });
    }
  }
  const type = response.headers['x-ratelimit-type'];
  const expected = operation.security.length === 0 ? 'ip' : 'app_id';
  if (type !== undefined && type !== expected) {
    issues.push({
      where: 'headers.x-ratelimit-type',
      message: `should be "${expected}" for ${operation.key}, got "${type}"`,
    });
  }
  return issues;
}

/** The response headers the sandbox promises for a request. */
export function promisedHeaders(request: WireRequest): string[] {
  const names = [
    'x-api-version',
    'x-ratelimit-limit',
    'x-ratelimit-remaining',
    'x-ratelimit-retry',
    'x-ratelimit-type',
  ];
  if (request.headers['x-request-id'] !== undefined) names.push('x-request-id');
  if (request.headers['x-idempotency-key'] !== undefined && request.method !== 'GET') {
    names.push('x-idempotency-key', 'x-idempotency-replayed');
  }
  return names;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
