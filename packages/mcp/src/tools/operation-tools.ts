/**
 * One tool per row of the SDK's operation table (`listOperations()`): its name from the SDK call
 * (`orders.create` → `orders_create`), its description from the row's method, path and summary,
 * its schemas from the row's parameters, checks and response, its hints from the row's effect.
 * Each call goes through the SDK client of the row's product, so the SDK's checks, idempotency keys,
 * retries and redaction all apply.
 */
import { listOperations, type Operation, type ProductName } from 'cashfree-kit';
import {
  acceptsIdempotencyKey,
  inputSchema,
  isListResponse,
  outputSchema,
  pathParameters,
} from './json-schema.js';
import { stringArgument, type Tool, ToolInputError, type ToolResult } from './tool.js';

/**
 * The SDK clients the tools call, by product, made when the first tool needs one; a product
 * without keys throws a ToolInputError that says which variables to set.
 */
export type ClientFor = (product: ProductName) => Promise<object>;

/** `orders.getExtended` → `orders_get_extended`; `payouts.batchTransfers.get` → `payouts_batch_transfers_get`. */
export function toolName(call: string): string {
  return call
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/\./g, '_');
}

/** The tools of every operation the SDK covers, in table order. */
export function operationTools(clientFor: ClientFor): Tool[] {
  return listOperations().map(({ call, operation }) => operationTool(call, operation, clientFor));
}

function operationTool(call: string, operation: Operation, clientFor: ClientFor): Tool {
  const checked =
    (operation.request?.checks.length ?? 0) > 0 ? ' The body is checked before anything is sent.' : '';
  return {
    name: toolName(call),
    description: `${operation.method} ${operation.path}: ${operation.summary}${checked}`,
    inputSchema: inputSchema(operation),
    outputSchema: outputSchema(operation),
    annotations: {
      title: `${call} (${operation.method} ${operation.path})`,
      readOnlyHint: operation.effect === 'read',
      destructiveHint: operation.effect === 'destructive',
      // Reads change nothing; PUT and DELETE land in the same state however often they are sent.
      idempotentHint:
        operation.effect === 'read' || operation.method === 'PUT' || operation.method === 'DELETE',
      openWorldHint: true,
    },
    writes: operation.effect !== 'read',
    run: async (args) => {
      const client = await clientFor(operation.product);
      const method = sdkMethod(client, call, operation.product);
      const answer = await method(...sdkArguments(operation, args));
      return result(call, operation, answer);
    },
  };
}

/**
 * The bound SDK method of a call: `orders.create` on a `Cashfree`, `payouts.transfers.create` on
 * a `CashfreePayouts` (whose resources sit at its top level).
 */
function sdkMethod(client: object, call: string, product: ProductName): (...args: unknown[]) => unknown {
  const path = call.split('.');
  if (product === 'payouts' && path[0] === 'payouts') path.shift();
  let target: unknown = client;
  let owner: unknown = client;
  for (const key of path) {
    owner = target;
    target = (target as Record<string, unknown> | undefined)?.[key];
  }
  if (typeof target !== 'function') {
    throw new Error(`The SDK client has no method ${call}: the operation table and the client disagree.`);
  }
  return (target as (...args: unknown[]) => unknown).bind(owner);
}

/**
 * The SDK's arguments for a call, in the order its resource methods take them: each path
 * parameter in path order, then the body, then the query, then the request options. A query of
 * one required parameter and no path (`beneficiaries.remove(beneficiaryId)`) is passed as its
 * value, as the SDK takes it; any other query as an object of the parameters given.
 */
export function sdkArguments(operation: Operation, args: Record<string, unknown>): unknown[] {
  const values: unknown[] = pathParameters(operation).map((name) =>
    stringArgument(args, name, `the ${name} in ${operation.path}`),
  );
  if (operation.request) {
    if (args['body'] === undefined) {
      throw new ToolInputError(
        `body: is required, the ${operation.request.entity}. Pass it as a JSON object.`,
      );
    }
    values.push(args['body']);
  }
  const query = Object.entries(operation.query ?? {});
  if (query.length > 0) {
    const [only] = query;
    if (query.length === 1 && only && only[1].required && values.length === 0) {
      values.push(stringArgument(args, only[0], `query parameter ${only[0]}`));
    } else {
      const given: Record<string, unknown> = {};
      for (const [name, parameter] of query) {
        if (args[name] !== undefined) given[name] = args[name];
        else if (parameter.required) stringArgument(args, name, `query parameter ${name}`);
      }
      values.push(given);
    }
  }
  const key = args['idempotency_key'];
  if (acceptsIdempotencyKey(operation) && typeof key === 'string' && key !== '') {
    values.push({ idempotencyKey: key });
  }
  return values;
}

function result(call: string, operation: Operation, answer: unknown): ToolResult {
  const data: Record<string, unknown> =
    isListResponse(operation) || Array.isArray(answer)
      ? { items: Array.isArray(answer) ? answer : [] }
      : typeof answer === 'object' && answer !== null
        ? { ...(answer as Record<string, unknown>) }
        : { value: answer };
  return { line: summaryLine(call, operation, data), data };
}

/** `orders.create: order_001 ACTIVE` or `refunds.list: 2 items`. */
function summaryLine(call: string, operation: Operation, data: Record<string, unknown>): string {
  if (Array.isArray(data['items'])) return `${call}: ${data['items'].length} item(s)`;
  const parts: string[] = [];
  for (const name of pathParameters(operation))
    if (typeof data[name] === 'string') parts.push(String(data[name]));
  const idField = Object.keys(data).find((key) => key.endsWith('_id') && !key.startsWith('cf_'));
  if (parts.length === 0 && idField) parts.push(String(data[idField]));
  const status = operation.statuses?.field;
  if (status && typeof data[status] === 'string') parts.push(String(data[status]));
  return `${call}: ${parts.join(' ') || 'done'}`;
}
