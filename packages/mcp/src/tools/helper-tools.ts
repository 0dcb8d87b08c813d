/**
 * Tools that call no API: explain an error code from the SDK's catalogue, verify a webhook from its
 * raw body and headers (and say why it failed, with the catalogue's row for the reason), and sign
 * a test webhook (optionally POSTing it to a URL, such as the app's own webhook route).
 */
import { explainError, isWebhookVerificationError, WEBHOOK_VERSIONS } from 'cashfree-kit';
import {
  readHeader,
  signWebhook,
  verifyPayoutsWebhook,
  verifyWebhook,
  WEBHOOK_HEADERS,
} from 'cashfree-kit/webhooks';
import type { JsonSchema } from './json-schema.js';
import { stringArgument, type Tool, ToolInputError } from './tool.js';

/** The webhook secret of the server's target, by product: the local sandbox's key, or the env's. */
export type WebhookSecret = (product: 'pg' | 'payouts') => Promise<string>;

const offline = (readOnly: boolean) => ({
  readOnlyHint: readOnly,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
});

const productProperty: JsonSchema = {
  type: 'string',
  enum: ['pg', 'payouts'],
  description: 'whose webhook: Payment Gateway (default) or Payouts',
};

const secretProperty: JsonSchema = {
  type: 'string',
  description:
    "the client secret to use; default the server's own (the local sandbox's key, or the keys in its environment). Never echoed.",
};

/** The helper tools. */
export function helperTools(secretFor: WebhookSecret): Tool[] {
  return [
    {
      name: 'errors_explain',
      description:
        "Explains a Cashfree error code, error type, payment failure code or webhook verification reason from cashfree-kit's catalogue: meaning, cause, fix, HTTP status and SDK error class.",
      inputSchema: {
        type: 'object',
        properties: {
          code: {
            type: 'string',
            minLength: 1,
            description: 'e.g. order_already_exists, TRANSACTION_DECLINED',
          },
          type: {
            type: 'string',
            description: "the error body's type, when the code is generic (request_failed)",
          },
        },
        required: ['code'],
      },
      annotations: { title: 'Explain an error code', ...offline(true) },
      writes: false,
      run: async (args) => {
        const code = stringArgument(args, 'code', 'the error code to explain');
        const entry = explainError({
          code,
          ...(typeof args['type'] === 'string' ? { type: args['type'] } : {}),
        });
        if (!entry) {
          throw new ToolInputError(
            `code: ${JSON.stringify(code)} is not in cashfree-kit's error catalogue (docs/errors.md lists every code).`,
          );
        }
        return { line: `${entry.code}: ${entry.meaning} Fix: ${entry.fix}`, data: { ...entry } };
      },
    },
    {
      name: 'webhooks_verify',
      description:
        "Verifies a webhook delivery from its raw body and headers with cashfree-kit's verifier; answers the event, or why it failed (the reason, and the catalogue's cause and fix).",
      inputSchema: {
        type: 'object',
        properties: {
          raw_body: { type: 'string', description: 'the body exactly as received, byte for byte' },
          headers: {
            type: 'object',
            description: 'the request headers, at least x-webhook-signature and x-webhook-timestamp',
          },
          product: productProperty,
          secret: secretProperty,
          check_timestamp: {
            type: 'boolean',
            description:
              'false to skip the age check (a sandbox whose clock was advanced signs in its future); default true',
          },
        },
        required: ['raw_body', 'headers'],
      },
      annotations: { title: 'Verify a webhook', ...offline(true) },
      writes: false,
      run: async (args) => {
        const rawBody = typeof args['raw_body'] === 'string' ? args['raw_body'] : '';
        const headers = args['headers'];
        if (typeof headers !== 'object' || headers === null) {
          throw new ToolInputError('headers: pass the request headers as an object of name → value.');
        }
        const product = args['product'] === 'payouts' ? 'payouts' : 'pg';
        const secret = typeof args['secret'] === 'string' ? args['secret'] : await secretFor(product);
        const record = headers as Record<string, string>;
        const window =
          args['check_timestamp'] === false ? { toleranceSeconds: Number.POSITIVE_INFINITY } : {};
        const params = {
          rawBody,
          signature: readHeader(record, WEBHOOK_HEADERS.signature),
          timestamp: readHeader(record, WEBHOOK_HEADERS.timestamp),
          ...window,
        };
        try {
          const event =
            product === 'payouts'
              ? await verifyPayoutsWebhook({ ...params, secret })
              : await verifyWebhook({
                  ...params,
                  secret,
                  version: readHeader(record, WEBHOOK_HEADERS.version),
                });
          return { line: `verified: ${event.type}`, data: { verified: true, type: event.type, event } };
        } catch (error) {
          if (!isWebhookVerificationError(error)) throw error;
          const entry = explainError({ code: error.reason });
          return {
            line: `not verified (${error.reason}): ${error.message}`,
            data: {
              verified: false,
              reason: error.reason,
              message: error.message,
              ...(entry ? { cause: entry.cause, fix: entry.fix } : {}),
            },
          };
        }
      },
    },
    {
      name: 'webhooks_sign',
      description:
        'Signs a test webhook body as Cashfree does (x-webhook-signature, -timestamp, -version, -idempotency-key) and, with send_to, POSTs it there and answers the status and response body.',
      inputSchema: {
        type: 'object',
        properties: {
          body: { type: 'string', description: 'the JSON payload to sign, as text (signed byte for byte)' },
          product: productProperty,
          secret: secretProperty,
          version: {
            type: 'string',
            enum: WEBHOOK_VERSIONS,
            description: 'x-webhook-version; default the newest',
          },
          timestamp: { type: 'number', description: 'epoch milliseconds; default now' },
          send_to: {
            type: 'string',
            format: 'uri',
            description: "a URL to POST the signed webhook to (e.g. the app's webhook route)",
          },
        },
        required: ['body'],
      },
      annotations: { title: 'Sign a test webhook', ...offline(false), idempotentHint: false },
      writes: false,
      run: async (args) => {
        const body = stringArgument(args, 'body', 'the JSON payload to sign');
        const product = args['product'] === 'payouts' ? 'payouts' : 'pg';
        const secret = typeof args['secret'] === 'string' ? args['secret'] : await secretFor(product);
        const signed = await signWebhook({
          body,
          secret,
          ...(typeof args['version'] === 'string' ? { version: args['version'] } : {}),
          ...(typeof args['timestamp'] === 'number' ? { timestamp: args['timestamp'] } : {}),
        });
        const data: Record<string, unknown> = { raw_body: signed.rawBody, headers: signed.headers };
        const target = args['send_to'];
        if (typeof target !== 'string') return { line: `signed: ${signed.signature}`, data };
        const response = await fetch(target, {
          method: 'POST',
          headers: signed.headers,
          body: signed.rawBody,
          signal: AbortSignal.timeout(15_000),
        });
        const text = (await response.text()).slice(0, 2000);
        data['sent'] = { url: target, status: response.status, response_body: text };
        return { line: `signed and sent to ${target}: HTTP ${response.status}`, data };
      },
    },
  ];
}
