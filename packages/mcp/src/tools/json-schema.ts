/**
 * JSON Schema for a tool's input, built from an operation's row: its path parameters, its query
 * parameters and its request checks (`FieldRule[]`), so an agent sees each field's rule before it
 * calls. The SDK runs the same checks again before anything is sent; the schema is the preview.
 */
import type { FieldCheck, FieldRule, Operation } from 'cashfree-kit';

/** The subset of JSON Schema the tools use. */
export interface JsonSchema {
  type?: 'object' | 'string' | 'number' | 'integer' | 'array' | 'boolean';
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: readonly string[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  examples?: readonly unknown[];
  additionalProperties?: boolean;
}

/** What a field must be, in the words of its check kind (the kinds documented on `FieldCheck`). */
export function schemaOfCheck(check: FieldCheck): JsonSchema {
  switch (check.kind) {
    case 'id':
      return {
        type: 'string',
        pattern: '^[A-Za-z0-9_-]+$',
        minLength: check.min,
        maxLength: check.max,
        description: `an id of ${check.min} to ${check.max} letters, digits, _ and -`,
      };
    case 'rupees': {
      const bound = check.exclusive ? { exclusiveMinimum: check.min } : { minimum: check.min };
      const below = check.belowField ? `; less than ${check.belowField}` : '';
      return { type: 'number', ...bound, description: `rupees with up to 2 decimals${below}` };
    }
    case 'text':
      return {
        type: 'string',
        minLength: check.min ?? 1,
        ...(check.max === undefined ? {} : { maxLength: check.max }),
        ...(check.fix === undefined ? {} : { description: check.fix }),
      };
    case 'email':
      return { type: 'string', format: 'email', description: 'an email address, e.g. priya@example.com' };
    case 'currency':
      return { type: 'string', description: 'an ISO 4217 currency code in upper case, e.g. INR' };
    case 'phone':
      return { type: 'string', description: 'a 10-digit Indian mobile number as a string, no country code' };
    case 'iso-time':
      return { type: 'string', format: 'date-time', description: 'an ISO 8601 time with an offset' };
    case 'webhook-url':
      return { type: 'string', format: 'uri', description: 'an https URL (http only for loopback hosts)' };
    case 'one-of':
      return { type: 'string', enum: check.values };
    case 'object':
      return { type: 'object' };
    case 'pattern':
      return { type: 'string', pattern: check.pattern, description: check.means, examples: [check.example] };
    case 'list':
      return {
        type: 'array',
        minItems: check.min,
        maxItems: check.max,
        items: objectSchema(check.items),
      };
  }
}

/**
 * An object schema from field rules with dotted paths: `customer_details.customer_phone` becomes
 * a property of `customer_details`. A required child makes its parents required too, as the SDK's
 * check of it fails when a parent is absent.
 */
export function objectSchema(rules: readonly FieldRule[], description?: string): JsonSchema {
  const root: JsonSchema = { type: 'object', properties: {}, ...(description ? { description } : {}) };
  for (const rule of rules) {
    const keys = rule.field.split('.');
    let node = root;
    keys.forEach((key, index) => {
      node.properties ??= {};
      const last = index === keys.length - 1;
      if (rule.required && !(node.required ?? []).includes(key))
        node.required = [...(node.required ?? []), key];
      if (last) {
        // A rule for a field that already has children (an `object` check of a parent) keeps them.
        const existing = node.properties[key];
        node.properties[key] = {
          ...schemaOfCheck(rule.check),
          ...pick(existing, ['properties', 'required']),
        };
      } else {
        node.properties[key] ??= { type: 'object', properties: {} };
        node = node.properties[key];
      }
    });
  }
  return root;
}

function pick(schema: JsonSchema | undefined, keys: ('properties' | 'required')[]): JsonSchema {
  const picked: JsonSchema = {};
  for (const key of keys) {
    if (schema?.[key] !== undefined) Object.assign(picked, { [key]: schema[key] });
  }
  return picked;
}

/** `['order_id', 'cf_payment_id']` for `/orders/{order_id}/payments/{cf_payment_id}`, in path order. */
export function pathParameters(operation: Pick<Operation, 'path'>): string[] {
  return [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}

/**
 * The input schema of an operation's tool: one string per path parameter, the query parameters,
 * `body` from the request checks, and `idempotency_key` for a PG write (the SDK makes one per call
 * otherwise; Payouts writes are made once by their own ids).
 */
export function inputSchema(operation: Operation): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const name of pathParameters(operation)) {
    properties[name] = { type: 'string', minLength: 1, description: `the ${name} in ${operation.path}` };
    required.push(name);
  }
  for (const [name, parameter] of Object.entries(operation.query ?? {})) {
    properties[name] = {
      type: 'string',
      ...(parameter.values ? { enum: parameter.values } : {}),
      description: `query parameter ${name}`,
    };
    if (parameter.required) required.push(name);
  }
  if (operation.request) {
    const { entity, checks } = operation.request;
    const checked = checks.length > 0 ? 'checked before anything is sent' : 'not checked before sending';
    properties['body'] = objectSchema(checks, `the ${entity} (${checked})`);
    required.push('body');
  }
  if (acceptsIdempotencyKey(operation)) {
    properties['idempotency_key'] = {
      type: 'string',
      description:
        'x-idempotency-key; pass the same key to retry this call safely (default: a new key per call)',
    };
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

/** PG writes take an `x-idempotency-key`; Payouts' client sends none (its ids make a write happen once). */
export function acceptsIdempotencyKey(operation: Operation): boolean {
  return operation.effect !== 'read' && operation.product === 'pg' && operation.auth === 'api-keys';
}

/**
 * The output schema: Cashfree's JSON object, with its status field's documented values when the
 * row names a top-level one; a list comes as `{ items: [...] }`, since structured content is an object.
 */
export function outputSchema(operation: Operation): JsonSchema {
  if (isListResponse(operation)) {
    return {
      type: 'object',
      properties: { items: { type: 'array', items: { type: 'object' }, description: operation.response } },
      required: ['items'],
    };
  }
  const properties: Record<string, JsonSchema> = {};
  const status = operation.statuses;
  if (status && !status.field.includes('.')) {
    properties[status.field] = { type: 'string', description: `one of ${status.values.join(', ')}` };
  }
  return { type: 'object', properties, description: operation.response };
}

/** `RefundEntity[]`: the SDK answers an array. */
export function isListResponse(operation: Pick<Operation, 'response'>): boolean {
  return operation.response.endsWith('[]');
}
