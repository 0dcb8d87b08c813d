/**
 * Validates values against schemas of the contract (with the overlay applied), compiling each
 * schema the first time it is used: compiling all 303 schemas up front takes ~2 s per process.
 *
 * The contract is OpenAPI 3.0, not plain JSON Schema, so ajv runs with `strict: false`: OpenAPI's
 * `example` and the generator's `x-ignore` are registered as annotations, `nullable` is ajv's own,
 * and the contract's non-standard formats are registered explicitly below, each with what it means.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { applyOverlay } from '../overlay.js';
import { loadContract, type OpenApiDocument } from './contract.js';
import { deref, valueAt } from './pointer.js';

/** One way a value departs from its schema: where (`body/order_status`) and what. */
export interface Issue {
  where: string;
  message: string;
}

const DOCUMENT_ID = 'cashfree-openapi';

/**
 * Formats the contract uses that no JSON Schema vocabulary defines. Each is checked for what its
 * name says; `format: string` and `BANKR` carry no rule beyond the schema's own `pattern`.
 */
const CONTRACT_FORMATS: Record<string, RegExp | true | { type: 'number'; validate: (n: number) => boolean }> =
  {
    // x-idempotency-key on every operation.
    UUID: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    // CreateOrderRequest.order_expiry_time: "a valid ISO 8601 time format", with an offset or Z.
    ISO8601: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/,
    // The x-api-version response header.
    'YYYY-MM-DD': /^\d{4}-\d{2}-\d{2}$/,
    // The x-idempotency-replayed response header: a string holding a boolean.
    boolean: /^(?:true|false)$/,
    float64: { type: 'number', validate: Number.isFinite },
    // The Payouts contract's amounts, charges and taxes (transfer_amount, transfer_service_tax).
    double: { type: 'number', validate: Number.isFinite },
    float: { type: 'number', validate: Number.isFinite },
    // netbanking_bank_name: "String code for bank"; its `pattern` (^[A-Z]{5}$) does the checking.
    BANKR: true,
    // Two order_id fields say `format: string`, which adds nothing to `type: string`.
    string: true,
  };

/** The contract compiled on demand. One instance per process is plenty; see `contractValidator()`. */
export class ContractValidator {
  readonly document: OpenApiDocument;
  readonly #ajv: Ajv;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.document = document;
    this.#ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, validateFormats: true });
    addFormats.default(this.#ajv);
    for (const [name, rule] of Object.entries(CONTRACT_FORMATS)) this.#ajv.addFormat(name, rule);
    for (const keyword of ['example', 'x-ignore']) this.#ajv.addKeyword({ keyword });
    this.#ajv.addSchema(document, DOCUMENT_ID);
  }

  /** The schema at `pointer` (e.g. `/components/schemas/OrderEntity`), compiled once. */
  compile(pointer: string): ValidateFunction {
    let validate = this.#compiled.get(pointer);
    if (!validate) {
      if (valueAt(this.document, pointer) === undefined) throw new Error(`No schema at ${pointer}`);
      // A pointer is a URI fragment to ajv: tokens such as `{$request.body#/…}` must be %-encoded.
      const fragment = pointer.split('/').map(encodeURIComponent).join('/');
      validate = this.#ajv.getSchema(`${DOCUMENT_ID}#${fragment}`);
      if (!validate) throw new Error(`ajv could not compile the schema at ${pointer}`);
      this.#compiled.set(pointer, validate);
    }
    return validate;
  }

  /** The schema object at `pointer`, with a top-level `$ref` followed. */
  schemaAt(pointer: string): unknown {
    return deref(this.document, valueAt(this.document, pointer));
  }

  /** Every way `value` departs from the schema at `pointer`; empty when it conforms. */
  validate(pointer: string, value: unknown, label = 'body'): Issue[] {
    const validate = this.compile(pointer);
    if (validate(value)) return [];
    return describeErrors(validate.errors ?? [], label);
  }
}

let shared: ContractValidator | undefined;

/** The validator over the contract with the overlay applied, built once per process. */
export function contractValidator(): ContractValidator {
  shared ??= new ContractValidator(applyOverlay(structuredClone(loadContract())));
  return shared;
}

/**
 * ajv's errors in words a reader can act on. A failed `oneOf`/`anyOf` also reports every branch's
 * own failures; those are kept, since they say why no branch fit.
 */
export function describeErrors(errors: readonly ErrorObject[], label: string): Issue[] {
  return errors.map((error) => {
    const where = `${label}${error.instancePath}`;
    const params = error.params as Record<string, unknown>;
    let message = error.message ?? error.keyword;
    if (error.keyword === 'enum') message += ` (${(params['allowedValues'] as unknown[]).join(', ')})`;
    if (error.keyword === 'required') message = `must have "${String(params['missingProperty'])}"`;
    return { where, message: `${message} [schema ${error.schemaPath}]` };
  });
}

/** Issues as one line each, for assertion messages. */
export function formatIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => `  - ${issue.where}: ${issue.message}`).join('\n');
}
