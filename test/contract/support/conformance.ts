/**
 * The two questions the contract suite asks of every exchange: does this request match the
 * operation it calls (method and path, path parameters, query, headers, credentials, body), and
 * does this response match what the operation declares for its status (body and headers)?
 */
import { type HttpMethod, type OperationIndex, type OperationSpec, responseFor } from './operations.js';
import type { ContractValidator, Issue } from './validator.js';

/** The server URL's path in the contract (`https://sandbox.cashfree.com/pg`). */
export const CONTRACT_BASE_PATH = '/pg';

/** A request as sent on the wire. Header names lower-case. */
export interface WireRequest {
  method: string;
  /** The URL path including the `/pg` base, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** The raw body text, if any. */
  body: string | undefined;
}

/** A response as received. Header names lower-case. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body (`undefined` for an empty body). */
  body: unknown;
}

export interface RequestVerdict {
  operation: OperationSpec | undefined;
  issues: Issue[];
}

/** Checks one request against the operation it calls (below `basePath`: `/payout` for Payouts). */
export function checkRequest(
  index: OperationIndex,
  validator: ContractValidator,
  request: WireRequest,
  basePath: string = CONTRACT_BASE_PATH,
): RequestVerdict {
  if (!request.path.startsWith(`${basePath}/`)) {
    return {
      operation: undefined,
      issues: [{ where: 'path', message: `not below ${basePath}: ${request.path}` }],
    };
  }
  const matched = index.match(request.method, request.path.slice(basePath.length));
  if (!matched) {
    return {
      operation: undefined,
      issues: [{ where: 'path', message: `the contract has no operation ${request.method} ${request.path}` }],
    };
  }
  const { operation, pathParams } = matched;
  const issues: Issue[] = [];

  for (const parameter of operation.parameters) {
    const raw =
      parameter.in === 'path'
        ? pathParams[parameter.name]
        : parameter.in === 'query'
          ? (request.query.get(parameter.name) ?? undefined)
          : parameter.in === 'header'
            ? request.headers[parameter.name]
            : undefined;
    const label = `${parameter.in}.${parameter.name}`;
    if (raw === undefined) {
      if (parameter.required)
        issues.push({ where: label, message: 'is required by the contract but was not sent' });
      continue;
    }
    issues.push(...validator.validate(parameter.schema, coerce(validator, parameter.schema, raw), label));
  }

  const declaredQuery = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of new Set(request.query.keys())) {
    if (!declaredQuery.has(name))
      issues.push({ where: `query.${name}`, message: 'is not a parameter of this operation' });
  }

  issues.push(...checkCredentials(operation, request.headers));
  issues.push(...checkRequestBody(validator, operation, request));
  return { operation, issues };
}

function checkCredentials(operation: OperationSpec, headers: Record<string, string>): Issue[] {
  if (operation.security.length === 0 || operation.security.some((set) => set.length === 0)) return [];
  const satisfied = operation.security.some((set) => set.every((name) => headers[name] !== undefined));
  if (satisfied) return [];
  const options = operation.security.map((set) => set.join(' + ')).join(' | ');
  return [{ where: 'headers', message: `carry none of the contract's credential sets (${options})` }];
}

function checkRequestBody(
  validator: ContractValidator,
  operation: OperationSpec,
  request: WireRequest,
): Issue[] {
  const declared = operation.requestBody;
  const hasBody = request.body !== undefined && request.body !== '';
  if (!declared) {
    return hasBody ? [{ where: 'body', message: 'sent, but the operation declares no request body' }] : [];
  }
  if (!hasBody) {
    return declared.required
      ? [{ where: 'body', message: 'is required by the contract but was not sent' }]
      : [];
  }
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/json')) {
    return [{ where: 'headers.content-type', message: `must be application/json, was "${contentType}"` }];
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body as string);
  } catch {
    return [{ where: 'body', message: 'is not JSON' }];
  }
  return declared.schema ? validator.validate(declared.schema, body, 'body') : [];
}

export interface ResponseExpectations {
  /** Headers that must be present (lower case); each is also validated against its declaration. */
  requiredHeaders?: readonly string[];
}

/** Checks one response against what `operation` declares for its status. */
export function checkResponse(
  validator: ContractValidator,
  operation: OperationSpec,
  response: WireResponse,
  expectations: ResponseExpectations = {},
): Issue[] {
  const declared = responseFor(operation, response.status);
  if (!declared) {
    const statuses = [...operation.responses.keys()].join(', ');
    return [
      {
        where: 'status',
        message: `${response.status} is not declared by ${operation.key} (declares ${statuses})`,
      },
    ];
  }
  const issues: Issue[] = [];
  for (const name of expectations.requiredHeaders ?? []) {
    if (!declared.headers.has(name)) {
      issues.push({
        where: `headers.${name}`,
        message: `expected, but ${operation.key} ${declared.status} does not declare it`,
      });
    } else if (response.headers[name] === undefined) {
      issues.push({
        where: `headers.${name}`,
        message: 'declared by the contract and promised by the sandbox, but missing',
      });
    }
  }
  for (const [name, schema] of declared.headers) {
    const value = response.headers[name];
    if (value !== undefined)
      issues.push(...validator.validate(schema, coerce(validator, schema, value), `headers.${name}`));
  }
  if (declared.schema) {
    if (response.body === undefined)
      issues.push({ where: 'body', message: 'is empty, but the contract declares a JSON body' });
    else issues.push(...validator.validate(declared.schema, response.body, 'body'));
  }
  return issues;
}

/**
 * Header, path and query values travel as text; a parameter declared `integer` or `number` is
 * compared as the number the text spells (and stays text when it spells none, so it fails).
 */
function coerce(validator: ContractValidator, schemaPointer: string, raw: string): unknown {
  const type = (validator.schemaAt(schemaPointer) as Record<string, unknown> | undefined)?.['type'];
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/** `GET /orders/{order_id}` → `{ method, template }`. */
export function parseOperationKey(key: string): { method: HttpMethod; template: string } {
  const [method, template] = key.split(' ') as [HttpMethod, string];
  return { method, template };
}
