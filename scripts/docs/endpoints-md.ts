/**
 * Renders docs/endpoints.md from the SDK's endpoint table (`ENDPOINTS`, which the SDK's resources
 * and the sandbox's routes also read), the request checks in it, the SDK's request types and the
 * error catalogue. test/docs/endpoints-md.test.ts fails when the committed page is stale.
 */
import { fileURLToPath } from 'node:url';
import {
  BASE_URLS,
  COMMON_ERROR_CODES,
  DEFAULT_API_VERSION,
  ENDPOINTS,
  type Endpoint,
  ERROR_CATALOGUE,
  type ErrorCatalogueEntry,
  type FieldCheck,
  type FieldRule,
} from 'cashfree-kit';
import { SdkSource } from './sdk-source.ts';

/** Where the generated page lives. */
export const ENDPOINTS_MD_PATH = fileURLToPath(new URL('../../docs/endpoints.md', import.meta.url));

const RESOURCE_TITLES: Record<keyof typeof ENDPOINTS, string> = {
  orders: 'Orders',
  payments: 'Payments',
  refunds: 'Refunds',
  links: 'Payment links',
  settlements: 'Settlements',
  simulations: 'Simulations (sandbox only)',
};

/** What a check means, in the words of the page. */
export function describeCheck(check: FieldCheck): string {
  switch (check.kind) {
    case 'id':
      return `${check.min === 1 ? 'up to ' : `${check.min}–`}${check.max} letters, digits, \`_\`, \`-\``;
    case 'rupees': {
      const bound = `${check.exclusive ? '>' : '≥'} ${check.min}`;
      const below = check.belowField ? `, < \`${check.belowField}\`` : '';
      return `rupees ${bound}${below}, at most 2 decimals`;
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

function anchor(call: string, endpoint: Endpoint): string {
  return `${call} ${endpoint.method} ${endpoint.path}`
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

function catalogueEntry(errorCode: string): ErrorCatalogueEntry {
  const entry = ERROR_CATALOGUE.find((e) => e.code === errorCode && (e.kind === 'code' || e.kind === 'type'));
  if (!entry) {
    throw new Error(
      `error code ${errorCode} is in the endpoint table but not in ERROR_CATALOGUE; add a row to packages/cashfree/src/core/error-catalogue.ts`,
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
  const fields = source.requestFields(entity);
  for (const field of fields) {
    const rule = byField.get(field.path);
    const checked = rule ? describeCheck(rule.check) : '';
    const parent = field.path.includes('.') ? field.path.slice(0, field.path.lastIndexOf('.')) : undefined;
    const required = field.required || rule?.required ? (parent ? `yes, in ${code(parent)}` : 'yes') : 'no';
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

function endpointSection(resource: string, method: string, endpoint: Endpoint, source: SdkSource): string[] {
  const call = `${resource}.${method}`;
  const pathParams = [...endpoint.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  const facts: [string, string][] = [
    ['SDK', code(`cashfree.${call}${source.methodParameters(resource, method)}`)],
    ['CLI', endpoint.cli ? code(`cashfree ${endpoint.cli}`) : '—'],
    ['Local sandbox', endpoint.sandbox ? 'emulated by `@cashfree-kit/sandbox`' : 'not emulated'],
    ['Operation', `${code(endpoint.operationId)} ([Cashfree docs](${endpoint.docs}))`],
    [
      'Credentials',
      endpoint.auth === 'api-keys'
        ? 'API keys: `x-client-id`, `x-client-secret`'
        : 'none: the `payment_session_id` in the body authorises it (safe from a browser)',
    ],
    [
      'Rate limit',
      `${endpoint.rateLimit.perMinute} a minute per ${endpoint.rateLimit.per === 'ip' ? 'caller IP' : 'app id'} (Cashfree sandbox)`,
    ],
  ];
  if (pathParams.length > 0) {
    const what = pathParams.length === 1 ? 'a non-empty string' : 'non-empty strings';
    facts.push([
      'Path parameters',
      `${pathParams.map(code).join(', ')}: ${what}, percent-encoded by the SDK`,
    ]);
  }
  for (const [name, values] of Object.entries(endpoint.query ?? {})) {
    facts.push([`Query \`${name}\``, `${values.map(code).join(', ')} (default ${code(values[0] ?? '')})`]);
  }
  if (endpoint.sentBody) {
    facts.push([
      'Request body',
      `${code(jsonText(endpoint.sentBody))}, sent by the SDK (the method takes no body)`,
    ]);
  }
  facts.push(['Response', code(endpoint.response)]);
  if (endpoint.statuses) {
    facts.push([code(endpoint.statuses.field), endpoint.statuses.values.map(code).join(', ')]);
  } else {
    facts.push([
      'Status values',
      `none: ${code(endpoint.response)} has no status field with documented values`,
    ]);
  }

  const lines = [
    `### ${code(call)}: ${code(`${endpoint.method} ${endpoint.path}`)}`,
    '',
    endpoint.summary,
    '',
  ];
  lines.push('| | |', '| --- | --- |', ...facts.map(([k, v]) => `| ${k} | ${cell(v)} |`), '');
  if (endpoint.request) {
    const checked =
      endpoint.request.checks.length > 0 ? '; the SDK checks the marked fields before anything is sent' : '';
    lines.push(`Request body ${code(endpoint.request.entity)}${checked}:`, '');
    lines.push(...requestTable(endpoint.request.entity, endpoint.request.checks, source), '');
  }
  lines.push(
    'Errors, besides [those of every endpoint](#errors-every-endpoint-can-return) and the `<field>_missing` / `<field>_invalid` codes of the request:',
    '',
    ...errorsTable(endpoint.errors),
    '',
  );
  return lines;
}

/** The full text of docs/endpoints.md. */
export function renderEndpointsMarkdown(source: SdkSource = new SdkSource()): string {
  const groups = Object.entries(ENDPOINTS) as [keyof typeof ENDPOINTS, Record<string, Endpoint>][];
  const lines = [
    '# Cashfree PG endpoints',
    '',
    '<!-- Generated by scripts/docs/endpoints-md.ts from ENDPOINTS (packages/cashfree/src/endpoints/) with `npm run docs`. Do not edit by hand. -->',
    '',
    `Every Cashfree Payment Gateway endpoint cashfree-kit covers, for API version \`${DEFAULT_API_VERSION}\`. The SDK's`,
    "resource methods and the local sandbox's routes read their method and path from the same table",
    "(`ENDPOINTS` in `cashfree-kit`), and tests check it against Cashfree's OpenAPI contract, the CLI and",
    'what the sandbox can answer, so this page cannot drift from the code. Error codes are explained in',
    '[errors.md](errors.md).',
    '',
    `Base URLs: sandbox \`${BASE_URLS.sandbox}\`, production \`${BASE_URLS.production}\`. Every request carries`,
    `\`x-api-version: ${DEFAULT_API_VERSION}\`; every write carries an \`x-idempotency-key\` the SDK keeps across its retries.`,
    '',
    '| SDK call | Method | Path | CLI | Local sandbox |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [resource, endpoints] of groups) {
    for (const [method, endpoint] of Object.entries(endpoints)) {
      const call = `${resource}.${method}`;
      lines.push(
        `| [${code(call)}](#${anchor(call, endpoint)}) | ${endpoint.method} | ${code(endpoint.path)} | ${endpoint.cli ? code(`cashfree ${endpoint.cli}`) : '—'} | ${endpoint.sandbox ? 'yes' : 'no'} |`,
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
  for (const [resource, endpoints] of groups) {
    lines.push(`## ${RESOURCE_TITLES[resource]}`, '');
    for (const [method, endpoint] of Object.entries(endpoints)) {
      lines.push(...endpointSection(resource, method, endpoint, source));
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
