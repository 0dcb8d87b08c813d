/**
 * Renders docs/endpoints.md from the SDK's operation table (`OPERATIONS`, which the SDK's resources
 * and the sandbox's routes also read), the request checks in it, the SDK's request types, the error
 * catalogue, the CLI's own list of the commands that call an operation, and the operations the local
 * sandbox serves. test/docs/endpoints-md.test.ts fails when the committed page is stale.
 */
import { fileURLToPath } from 'node:url';
import { operationCommands } from '@cashfree-kit/cli';
import { servedOperations } from '@cashfree-kit/sandbox';
import {
  COMMON_ERROR_CODES,
  type Effect,
  ERROR_CATALOGUE,
  type ErrorCatalogueEntry,
  type FieldCheck,
  type FieldRule,
  OPERATIONS,
  type Operation,
  PAYOUT_OPERATIONS,
  PRODUCTS,
  type ProductName,
  type QueryParameter,
} from 'cashfree-kit';
import { SdkSource } from './sdk-source.ts';

/** Where the generated page lives. */
export const ENDPOINTS_MD_PATH = fileURLToPath(new URL('../../docs/endpoints.md', import.meta.url));

const RESOURCE_TITLES: Record<keyof typeof OPERATIONS, string> = {
  orders: 'Orders',
  payments: 'Payments',
  refunds: 'Refunds',
  links: 'Payment links',
  settlements: 'Settlements',
  simulations: 'Simulations (sandbox only)',
  eligibility: 'Eligibility',
  plans: 'Subscriptions: plans',
  subscriptions: 'Subscriptions',
  subscriptionPayments: 'Subscriptions: payments (authorisation and charges)',
  subscriptionRefunds: 'Subscriptions: refunds',
};

/** Payouts' groups, under the `payouts.` calls of a `CashfreePayouts` client. */
const PAYOUT_TITLES: Record<keyof typeof PAYOUT_OPERATIONS, string> = {
  beneficiaries: 'Payouts: beneficiaries',
  transfers: 'Payouts: transfers',
  batchTransfers: 'Payouts: batch transfers',
};

/** Every group of the page in order: its resource as called (`orders`, `payouts.transfers`), its title, its rows. */
function groupsOfRows(): [string, string, Record<string, Operation>][] {
  return [
    ...(Object.entries(OPERATIONS) as [keyof typeof OPERATIONS, Record<string, Operation>][]).map(
      ([resource, rows]) =>
        [resource, RESOURCE_TITLES[resource], rows] as [string, string, Record<string, Operation>],
    ),
    ...(
      Object.entries(PAYOUT_OPERATIONS) as [keyof typeof PAYOUT_OPERATIONS, Record<string, Operation>][]
    ).map(
      ([resource, rows]) =>
        [`payouts.${resource}`, PAYOUT_TITLES[resource], rows] as [string, string, Record<string, Operation>],
    ),
  ];
}

/** The number of dotted levels the checks reach: 2 for `customer_details.customer_phone`. */
function levelsOf(checks: readonly FieldRule[]): number {
  return Math.max(2, ...checks.map((rule) => rule.field.split('.').length));
}

/** What a check means, in the words of the page. */
export function describeCheck(check: FieldCheck): string {
  switch (check.kind) {
    case 'id':
      return `${check.min === 1 ? 'up to ' : `${check.min}–`}${check.max} letters, digits, \`_\`, \`-\``;
    case 'rupees': {
      const bound = `${check.exclusive ? '>' : '≥'} ${check.min}`;
      const below = check.belowField ? `, < \`${check.belowField}\`` : '';
      const atMost = check.atMostField ? `, ≤ \`${check.atMostField}\`` : '';
      return `rupees ${bound}${below}${atMost}, at most 2 decimals`;
    }
    case 'text': {
      const min = check.min ?? 1;
      if (check.max === undefined) return min > 1 ? `text, ≥ ${min} characters` : 'non-empty text';
      return min > 1 ? `text, ${min}–${check.max} characters` : `non-empty text, ≤ ${check.max} characters`;
    }
    case 'email':
      return 'an email address, 3–100 characters';
    case 'currency':
      return 'ISO 4217 code, e.g. `INR`';
    case 'phone':
      return '10 digits, no `+91`';
    case 'iso-time':
      return 'ISO 8601 time with an offset';
    case 'webhook-url':
      return 'https URL (http only for 127.0.0.1 / localhost)';
    case 'one-of':
      return `one of ${check.values.map((v) => `\`${v}\``).join(', ')}`;
    case 'object':
      return 'an object';
    case 'pattern':
      return `${check.means}, e.g. \`${check.example}\``;
    case 'list': {
      const items = check.items.map((rule) => `\`${rule.field}\`${rule.required ? '' : ' (optional)'}`);
      return `a list of ${check.min}–${check.max} items, each checked as a single one (${items.join(', ')})`;
    }
  }
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return `\`${text}\``;
}

/** `{ "order_status": "TERMINATED" }`: a body as JSON, spaced for reading. */
function jsonText(body: Readonly<Record<string, string>>): string {
  const fields = Object.entries(body).map(
    ([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return `{ ${fields.join(', ')} }`;
}

function anchor(call: string, operation: Operation): string {
  return `${call} ${operation.method} ${operation.path}`
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

/** `pg GET /orders/{order_id}`: how the CLI's and the sandbox's lists are matched to a row. */
function key(operation: Operation): string {
  return `${operation.product} ${operation.method} ${operation.path}`;
}

/** What the page says of each effect, in the words of `Effect`'s own documentation. */
const EFFECTS: Record<Effect, string> = {
  read: 'read: changes nothing',
  write: 'write: creates or changes something that can still be undone or left to expire',
  destructive: 'destructive: moves money or closes something for good',
};

/** `optional; one of `PAID`, `ALL``. */
function describeQuery(parameter: QueryParameter): string {
  const needed = parameter.required ? 'required' : 'optional';
  return parameter.values ? `${needed}; one of ${parameter.values.map(code).join(', ')}` : needed;
}

/**
 * What the page needs from the packages around the table: which CLI command calls each operation
 * (the CLI's own list) and which operations the local sandbox serves (the sandbox's own list).
 */
export interface Consumers {
  /** CLI command (`orders get`) by {@link key} of the operation it calls. */
  readonly cli: ReadonlyMap<string, string>;
  /** The {@link key} of every operation the local sandbox serves. */
  readonly sandbox: ReadonlySet<string>;
}

/** The CLI's and the sandbox's answers, read from the packages themselves. */
export function consumers(): Consumers {
  return {
    cli: new Map(operationCommands().map(({ command, operation }) => [key(operation), command])),
    sandbox: new Set(servedOperations().map(key)),
  };
}

function catalogueEntry(errorCode: string): ErrorCatalogueEntry {
  const entry = ERROR_CATALOGUE.find((e) => e.code === errorCode && (e.kind === 'code' || e.kind === 'type'));
  if (!entry) {
    throw new Error(
      `error code ${errorCode} is in the operation table but not in ERROR_CATALOGUE; add a row to packages/cashfree/src/core/error-catalogue.ts`,
    );
  }
  return entry;
}

function errorsTable(codes: readonly string[]): string[] {
  const lines = ['| Code | HTTP | Meaning |', '| --- | --- | --- |'];
  for (const errorCode of codes) {
    const entry = catalogueEntry(errorCode);
    lines.push(`| ${code(errorCode)} | ${entry.status.join(', ') || '—'} | ${cell(entry.meaning)} |`);
  }
  return lines;
}

function requestTable(entity: string, checks: readonly FieldRule[], source: SdkSource): string[] {
  const byField = new Map(checks.map((rule) => [rule.field, rule]));
  const lines = [
    '| Field | Type | Required | Checked before sending | Notes |',
    '| --- | --- | --- | --- | --- |',
  ];
  const fields = source.requestFields(entity, levelsOf(checks));
  for (const field of fields) {
    const rule = byField.get(field.path);
    const checked = rule ? describeCheck(rule.check) : '';
    const parent = field.path.includes('.') ? field.path.slice(0, field.path.lastIndexOf('.')) : undefined;
    const when = rule?.requiredWhen;
    const required =
      field.required || rule?.required
        ? parent
          ? `yes, in ${code(parent)}`
          : 'yes'
        : when
          ? `when ${code(when.field)} ${when.values ? `is ${when.values.map(code).join(' or ')}` : 'is given'}`
          : 'no';
    lines.push(
      `| ${code(field.path)} | ${code(cell(field.type))} | ${required} | ${cell(checked)} | ${cell(field.doc)} |`,
    );
  }
  const unknown = checks.filter((rule) => !fields.some((field) => field.path === rule.field));
  if (unknown.length > 0) {
    throw new Error(
      `${entity} has no field ${unknown.map((rule) => rule.field).join(', ')}, which is checked`,
    );
  }
  return lines;
}

function operationSection(
  resource: string,
  method: string,
  operation: Operation,
  source: SdkSource,
  uses: Consumers,
): string[] {
  const call = `${resource}.${method}`;
  const product = PRODUCTS[operation.product];
  const pathParams = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  const command = uses.cli.get(key(operation));
  const facts: [string, string][] = [
    [
      'SDK',
      operation.product === 'payouts'
        ? `${code(`${call}${source.methodParameters(resource, method)}`)} of a \`CashfreePayouts\` (\`cashfree-kit/payouts\`)`
        : code(`cashfree.${call}${source.methodParameters(resource, method)}`),
    ],
    ['CLI', command ? code(`cashfree ${command}`) : '—'],
    [
      'Local sandbox',
      uses.sandbox.has(key(operation)) ? 'emulated by `@cashfree-kit/sandbox`' : 'not emulated',
    ],
    [
      'Product',
      `${product.title}: ${code(`${product.basePath}${operation.path}`)}, \`x-api-version: ${product.apiVersion}\``,
    ],
    ['Operation', `${code(operation.operationId)} ([Cashfree docs](${operation.docs}))`],
    ['Effect', EFFECTS[operation.effect]],
    [
      'Credentials',
      operation.auth === 'api-keys'
        ? `API keys: \`x-client-id\`, \`x-client-secret\` (${code(product.credentials.idVariable)}, ${code(product.credentials.secretVariable)})`
        : 'none: the `payment_session_id` in the body authorises it (safe from a browser)',
    ],
    [
      'Rate limit',
      `${operation.rateLimit.perMinute} a minute per ${operation.rateLimit.per === 'ip' ? 'caller IP' : 'app id'}, counted in bucket ${code(operation.rateLimit.bucket)} (Cashfree sandbox)`,
    ],
  ];
  if (pathParams.length > 0) {
    const what = pathParams.length === 1 ? 'a non-empty string' : 'non-empty strings';
    facts.push([
      'Path parameters',
      `${pathParams.map(code).join(', ')}: ${what}, percent-encoded by the SDK`,
    ]);
  }
  for (const [name, parameter] of Object.entries(operation.query ?? {})) {
    facts.push([`Query ${code(name)}`, describeQuery(parameter)]);
  }
  if (operation.sentBody) {
    facts.push([
      'Request body',
      `${code(jsonText(operation.sentBody))}, sent by the SDK (the method takes no body)`,
    ]);
  }
  facts.push(['Response', code(operation.response)]);
  if (operation.statuses) {
    facts.push([code(operation.statuses.field), operation.statuses.values.map(code).join(', ')]);
  } else {
    facts.push([
      'Status values',
      `none: ${code(operation.response)} has no status field with documented values`,
    ]);
  }

  const lines = [
    `### ${code(call)}: ${code(`${operation.method} ${operation.path}`)}`,
    '',
    operation.summary,
    '',
  ];
  lines.push('| | |', '| --- | --- |', ...facts.map(([k, v]) => `| ${k} | ${cell(v)} |`), '');
  if (operation.request) {
    const checked =
      operation.request.checks.length > 0 ? '; the SDK checks the marked fields before anything is sent' : '';
    lines.push(`Request body ${code(operation.request.entity)}${checked}:`, '');
    lines.push(...requestTable(operation.request.entity, operation.request.checks, source), '');
  }
  lines.push(
    'Errors, besides [those of every endpoint](#errors-every-endpoint-can-return) and the `<field>_missing` / `<field>_invalid` codes of the request:',
    '',
    ...errorsTable(operation.errors),
    '',
  );
  return lines;
}

/** `Payment Gateway (`/pg`, `x-api-version: 2025-01-01`): sandbox `…`, production `…``. */
function productLine(name: ProductName): string {
  const product = PRODUCTS[name];
  return `- ${product.title}: sandbox ${code(product.baseUrls.sandbox)}, production ${code(product.baseUrls.production)}; every request carries \`x-api-version: ${product.apiVersion}\`; keys from ${code(product.credentials.idVariable)} and ${code(product.credentials.secretVariable)}.`;
}

/** The full text of docs/endpoints.md. */
export function renderEndpointsMarkdown(
  source: SdkSource = new SdkSource(),
  uses: Consumers = consumers(),
): string {
  const groups = groupsOfRows();
  const products = [
    ...new Set(groups.flatMap(([, , operations]) => Object.values(operations).map((o) => o.product))),
  ];
  const lines = [
    '# Cashfree API operations',
    '',
    '<!-- Generated by scripts/docs/endpoints-md.ts from OPERATIONS (packages/cashfree/src/operations/) with `npm run docs`. Do not edit by hand. -->',
    '',
    "Every Cashfree API operation cashfree-kit covers. The SDK's resource methods send each call to its",
    "row's method and path and run its checks; the local sandbox mounts its routes from the same rows; the",
    "CLI's help and this page are rendered from them (`OPERATIONS` in `cashfree-kit`), and tests check the",
    "rows against Cashfree's OpenAPI contract and what the sandbox can answer, so this page cannot drift",
    'from the code. Error codes are explained in [errors.md](errors.md); why a row holds what it does is',
    '[decision 0005](decisions/0005-operation-table.md).',
    '',
    'Base URLs, per product (a path below is relative to its base URL):',
    '',
    ...products.map(productLine),
    '',
    'Every PG write carries an `x-idempotency-key` the SDK keeps across its retries. Payouts has no such',
    'header: `transfer_id` and `batch_transfer_id` are the keys, and after an ambiguous failure the SDK looks',
    'the transfer or batch up by its id and sends it again only when Cashfree answers that it does not exist.',
    '',
    '| SDK call | Method | Path | Effect | CLI | Local sandbox |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [resource, , operations] of groups) {
    for (const [method, operation] of Object.entries(operations)) {
      const call = `${resource}.${method}`;
      const command = uses.cli.get(key(operation));
      lines.push(
        `| [${code(call)}](#${anchor(call, operation)}) | ${operation.method} | ${code(operation.path)} | ${operation.effect} | ${command ? code(`cashfree ${command}`) : '—'} | ${uses.sandbox.has(key(operation)) ? 'yes' : 'no'} |`,
      );
    }
  }
  lines.push(
    '',
    '## Errors every endpoint can return',
    '',
    'Wrong or missing credentials (401 `request_failed`, type `authentication_error`), a rate limit (429',
    '`request_failed`, type `rate_limit_error`), a missing or unknown `x-api-version`, an idempotency key',
    "reused with another body (writes only), and failures on Cashfree's side:",
    '',
    ...errorsTable(COMMON_ERROR_CODES),
    '',
  );
  for (const [resource, title, operations] of groups) {
    lines.push(`## ${title}`, '');
    for (const [method, operation] of Object.entries(operations)) {
      lines.push(...operationSection(resource, method, operation, source, uses));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
