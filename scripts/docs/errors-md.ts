/**
 * Renders docs/errors.md from the SDK's ERROR_CATALOGUE, so the docs, `cashfree errors` and apps
 * share one table. `npm run docs` writes it; test/docs/errors-md.test.ts fails when it is stale.
 */
import { fileURLToPath } from 'node:url';
import { ERROR_CATALOGUE, type ErrorCatalogueEntry, type ErrorCatalogueKind } from 'cashfree-kit';

/** Where the generated page lives. */
export const ERRORS_MD_PATH = fileURLToPath(new URL('../../docs/errors.md', import.meta.url));

/** The command that regenerates every generated page. */
export const REGENERATE_COMMAND = 'npm run docs';

const sections: { kind: ErrorCatalogueKind; title: string; intro: string }[] = [
  {
    kind: 'type',
    title: 'Error types',
    intro: 'The `type` field of every Cashfree error body `{ message, code, type }`.',
  },
  {
    kind: 'code',
    title: 'Error codes',
    intro:
      'The `code` field of an error body. Field validation codes follow the pattern `<field>_missing` / ' +
      '`<field>_invalid` and name a nested field by its path: `customer_details.customer_phone_invalid` ' +
      'has no row of its own and is explained by the row of the field its path ends with, ' +
      '`customer_phone_invalid`. A field with no row at all gets general advice for the pattern. ' +
      '`cashfree errors explain` and `explainErrorCode()` do both, and say which row answered.',
  },
  {
    kind: 'payment',
    title: 'Payment failure codes',
    intro: '`error_details.error_code` of a FAILED payment (GET payments, payment webhooks).',
  },
  {
    kind: 'webhook',
    title: 'Webhook verification reasons',
    intro:
      '`WebhookVerificationError.reason`, raised by `cashfree-kit/webhooks` when a delivery cannot be trusted.',
  },
];

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(entry: ErrorCatalogueEntry): string {
  const status = entry.status.length > 0 ? entry.status.join(', ') : '—';
  const thrown = entry.sdkError ?? '—';
  return `| \`${entry.code}\` | ${status} | ${cell(thrown)} | ${cell(entry.meaning)} | ${cell(entry.cause)} | ${cell(entry.fix)} |`;
}

/** The full text of docs/errors.md. */
export function renderErrorsMarkdown(): string {
  const lines = [
    '# Cashfree errors',
    '',
    '<!-- Generated from packages/cashfree/src/core/error-catalogue.ts by scripts/docs/errors-md.ts with `npm run docs`. Do not edit by hand. -->',
    '',
    'Every Cashfree error type and code cashfree-kit knows: what it means, what usually causes it and how',
    'to fix it. The same table is `ERROR_CATALOGUE` in `cashfree-kit`, and `cashfree errors list` /',
    '`cashfree errors explain <code>` in the CLI.',
    '',
    'In code, `explainError(error)` turns a caught `ApiError` into its row (by `code`, or by `type` when',
    'the code is the catch-all `request_failed`), and `explainErrorCode(code)` looks up one code. An',
    "`ApiError`'s own `help` is only the text Cashfree sent, if any; the advice below is not on the error",
    'itself, so that code which never explains errors (such as a webhook handler) does not load this table.',
    '',
    "<!-- prelude declare const cashfree: import('cashfree-kit').Cashfree; declare const order: import('cashfree-kit').CreateOrderRequest; -->",
    '```ts',
    "import { explainError, isApiError } from 'cashfree-kit';",
    '',
    'try {',
    '  await cashfree.orders.create(order);',
    '} catch (error) {',
    '  if (isApiError(error)) console.error(error.message, explainError(error)?.fix);',
    '  else throw error;',
    '}',
    '```',
    '',
  ];
  for (const section of sections) {
    const entries = ERROR_CATALOGUE.filter((entry) => entry.kind === section.kind);
    lines.push(`## ${section.title}`, '', section.intro, '');
    lines.push('| Code | HTTP | cashfree-kit error | Meaning | Likely cause | Fix |');
    lines.push('| --- | --- | --- | --- | --- | --- |');
    for (const entry of entries) lines.push(row(entry));
    lines.push('');
  }
  return lines.join('\n');
}
