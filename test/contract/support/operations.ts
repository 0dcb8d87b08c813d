/**
 * The contract's operations with their `$ref`s resolved: for each, the parameters (path, query,
 * header, with `x-api-version` required), the request body schema, and per response status the
 * body schema and the declared headers. Schemas are returned as JSON pointers into the document
 * so the validator compiles each one once, whichever operation uses it.
 */
import type { OpenApiDocument } from './contract.js';
import { deref, pointerFrom, refOf, valueAt } from './pointer.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** Pointer to the parameter's schema. */
  schema: string;
}

export interface ResponseSpec {
  /** `200`, `4XX`, `default`… as the contract writes it. */
  status: string;
  /** Pointer to the `application/json` body schema, if the response declares one. */
  schema: string | undefined;
  /** Declared response headers: lower-case name → pointer to the header's schema. */
  headers: Map<string, string>;
}

export interface OperationSpec {
  method: HttpMethod;
  /** The path template below the server URL, e.g. `/orders/{order_id}`. */
  template: string;
  operationId: string;
  /** `POST /orders`: how the coverage table names the operation. */
  key: string;
  parameters: ParameterSpec[];
  requestBody: { required: boolean; schema: string | undefined } | undefined;
  responses: Map<string, ResponseSpec>;
  /** Alternatives of credential headers; an empty list means no credentials are needed. */
  security: string[][];
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Indexes the operations of one document. */
export class OperationIndex {
  readonly #document: OpenApiDocument;
  readonly #byKey = new Map<string, OperationSpec>();
  readonly #matchers: { method: HttpMethod; regex: RegExp; params: string[]; spec: () => OperationSpec }[] =
    [];

  constructor(document: OpenApiDocument) {
    this.#document = document;
    const paths = (document['paths'] ?? {}) as Record<string, Record<string, unknown>>;
    for (const [template, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        if (!item[method.toLowerCase()]) continue;
        const params = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
        const pattern = template
          .split(/\{[^}]+\}/)
          .map((literal) => literal.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
          .join('([^/]+)');
        this.#matchers.push({
          method,
          regex: new RegExp(`^${pattern}$`),
          params,
          spec: () => this.get(method, template),
        });
      }
    }
    // Literal segments win over parameters: `/orders/sessions` is not `/orders/{order_id}`.
    this.#matchers.sort((a, b) => a.params.length - b.params.length);
  }

  /** The operation `METHOD template`, e.g. `get('GET', '/orders/{order_id}')`. */
  get(method: HttpMethod, template: string): OperationSpec {
    const key = `${method} ${template}`;
    let spec = this.#byKey.get(key);
    if (!spec) {
      spec = this.#resolve(method, template);
      this.#byKey.set(key, spec);
    }
    return spec;
  }

  /** Whether the contract has `METHOD template`. */
  has(method: HttpMethod, template: string): boolean {
    return valueAt(this.#document, pointerFrom('paths', template, method.toLowerCase())) !== undefined;
  }

  /**
   * The operation a concrete request path (below the server URL, still percent-encoded) belongs
   * to, with its decoded path parameters; `undefined` when the contract has none.
   */
  match(
    method: string,
    path: string,
  ): { operation: OperationSpec; pathParams: Record<string, string> } | undefined {
    for (const matcher of this.#matchers) {
      if (matcher.method !== method.toUpperCase()) continue;
      const found = matcher.regex.exec(path);
      if (!found) continue;
      const pathParams: Record<string, string> = {};
      matcher.params.forEach((name, index) => {
        pathParams[name] = decodeURIComponent(found[index + 1] as string);
      });
      return { operation: matcher.spec(), pathParams };
    }
    return undefined;
  }

  #resolve(method: HttpMethod, template: string): OperationSpec {
    const itemPointer = pointerFrom('paths', template);
    const opPointer = pointerFrom('paths', template, method.toLowerCase());
    const operation = valueAt(this.#document, opPointer) as Record<string, unknown> | undefined;
    if (!operation) throw new Error(`The contract has no operation ${method} ${template}`);

    // Operation-level parameters override path-level ones with the same name and location.
    const parameters = new Map<string, ParameterSpec>();
    for (const base of [`${itemPointer}/parameters`, `${opPointer}/parameters`]) {
      const list = (valueAt(this.#document, base) ?? []) as unknown[];
      list.forEach((_, index) => {
        const parameter = this.#parameter(`${base}/${index}`);
        parameters.set(`${parameter.in}:${parameter.name}`, parameter);
      });
    }

    return {
      method,
      template,
      operationId: String(operation['operationId'] ?? ''),
      key: `${method} ${template}`,
      parameters: [...parameters.values()],
      requestBody: this.#requestBody(`${opPointer}/requestBody`),
      responses: this.#responses(`${opPointer}/responses`),
      security: this.#security(operation),
    };
  }

  /** Resolves a `$ref` at `pointer` to the pointer of what it names. */
  #follow(pointer: string): string {
    let current = pointer;
    for (let hops = 0; hops < 20; hops++) {
      const ref = refOf(valueAt(this.#document, current));
      if (ref === undefined) return current;
      current = ref;
    }
    throw new Error(`$ref chain from ${pointer} is longer than 20 hops`);
  }

  #parameter(pointer: string): ParameterSpec {
    const at = this.#follow(pointer);
    const parameter = valueAt(this.#document, at) as Record<string, unknown>;
    const location = parameter['in'] as ParameterSpec['in'];
    const name = String(parameter['name']);
    return {
      // Header names are case-insensitive; everything downstream compares lower case.
      name: location === 'header' ? name.toLowerCase() : name,
      in: location,
      required: parameter['required'] === true || location === 'path',
      schema: `${at}/schema`,
    };
  }

  #requestBody(pointer: string): OperationSpec['requestBody'] {
    if (valueAt(this.#document, pointer) === undefined) return undefined;
    const at = this.#follow(pointer);
    const body = valueAt(this.#document, at) as Record<string, unknown>;
    const schema = at + pointerFrom('content', 'application/json', 'schema');
    return {
      required: body['required'] === true,
      schema: valueAt(this.#document, schema) === undefined ? undefined : schema,
    };
  }

  #responses(pointer: string): Map<string, ResponseSpec> {
    const responses = new Map<string, ResponseSpec>();
    const declared = (valueAt(this.#document, pointer) ?? {}) as Record<string, unknown>;
    for (const status of Object.keys(declared)) {
      const at = this.#follow(pointer + pointerFrom(status));
      const schema = at + pointerFrom('content', 'application/json', 'schema');
      const headers = new Map<string, string>();
      const headersPointer = `${at}/headers`;
      for (const name of Object.keys((valueAt(this.#document, headersPointer) ?? {}) as object)) {
        const header = this.#follow(headersPointer + pointerFrom(name));
        headers.set(name.toLowerCase(), `${header}/schema`);
      }
      responses.set(status, {
        status,
        schema: valueAt(this.#document, schema) === undefined ? undefined : schema,
        headers,
      });
    }
    return responses;
  }

  #security(operation: Record<string, unknown>): string[][] {
    const requirements = (operation['security'] ?? this.#document['security'] ?? []) as Record<
      string,
      unknown
    >[];
    const schemes = (valueAt(this.#document, '/components/securitySchemes') ?? {}) as Record<
      string,
      Record<string, unknown>
    >;
    return requirements.map((requirement) =>
      Object.keys(requirement).map((scheme) =>
        String(deref<Record<string, unknown>>(this.#document, schemes[scheme])['name']).toLowerCase(),
      ),
    );
  }
}

/** The response spec for `status`: the exact code, then `4XX`-style ranges, then `default`. */
export function responseFor(operation: OperationSpec, status: number): ResponseSpec | undefined {
  return (
    operation.responses.get(String(status)) ??
    operation.responses.get(`${String(status).charAt(0)}XX`) ??
    operation.responses.get('default')
  );
}
