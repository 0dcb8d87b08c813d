/**
 * `cashfree webhooks verify|trigger|listen`: check a delivery's signature and say why it fails,
 * send a correctly signed sample event to your endpoint, and forward the local sandbox's
 * deliveries to your endpoint while printing each one.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectionError, isWebhookVerificationError } from 'cashfree-kit';
import { signWebhook, verifyWebhook, WEBHOOK_VERSIONS, type WebhookVersion } from 'cashfree-kit/webhooks';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { amountFlag } from '../input/data.js';
import { CliError, EXIT, ExitWith } from '../output/exit-codes.js';
import { formatKeyValues } from '../output/format.js';
import { maskSecret } from '../output/mask.js';
import type { Output } from '../output/output.js';
import { createPayoutsClient } from '../payouts/client.js';
import { readAll } from '../runtime.js';
import { detectLocalSandbox } from '../sandbox/detect.js';
import {
  type DeliveryAttempt,
  sandboxOrigin,
  WebhookAdmin,
  type WebhookDeliveryRecord,
} from '../webhooks/admin.js';
import { diagnoseSignature } from '../webhooks/diagnose.js';
import { triggerOnLocalSandbox } from '../webhooks/local-trigger.js';
import { PAYOUTS_TRIGGER_TYPES, triggerPayoutsOnLocalSandbox } from '../webhooks/payouts-trigger.js';
import { SAMPLE_EVENT_TYPES, sampleWebhookBody } from '../webhooks/samples.js';
import {
  SUBSCRIPTION_TRIGGER_TYPES,
  triggerSubscriptionOnLocalSandbox,
} from '../webhooks/subscriptions-trigger.js';

/**
 * Every type `trigger` takes: PG's (a sample anywhere, real on the local sandbox), and Payouts'
 * and subscriptions' (local sandbox only).
 */
const TRIGGER_TYPES: readonly string[] = [
  ...SAMPLE_EVENT_TYPES,
  ...PAYOUTS_TRIGGER_TYPES,
  ...SUBSCRIPTION_TRIGGER_TYPES,
];

/** `--webhook-version`, checked. */
export function parseWebhookVersion(value: string | undefined): WebhookVersion | undefined {
  if (value === undefined) return undefined;
  if ((WEBHOOK_VERSIONS as readonly string[]).includes(value)) return value as WebhookVersion;
  throw new CliError(`--webhook-version must be ${WEBHOOK_VERSIONS.join(' or ')}; received '${value}'.`);
}

function secretFrom(flag: string | undefined, env: Record<string, string | undefined>): string {
  const secret = flag ?? env['CASHFREE_SECRET_KEY'];
  if (secret === undefined || secret === '') {
    throw new CliError(
      'No webhook secret: pass --secret or set CASHFREE_SECRET_KEY to the client secret of the environment that sends the webhooks.',
      EXIT.auth,
    );
  }
  return secret;
}

function httpUrl(value: string, flag: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // reported below
  }
  throw new CliError(
    `${flag} must be an http(s) URL such as http://127.0.0.1:3000/webhooks/cashfree; received '${value}'.`,
  );
}

interface VerifyFlags {
  secret?: string;
  timestamp?: string;
  signature?: string;
  file?: string;
  tolerance?: string;
}

async function verifyAction(flags: VerifyFlags, context: CliContext): Promise<void> {
  const { output, runtime } = context;
  if (!flags.signature)
    throw new CliError('--signature is required: the x-webhook-signature header of the delivery.');
  if (!flags.timestamp)
    throw new CliError('--timestamp is required: the x-webhook-timestamp header of the delivery.');
  // A secret of only whitespace is a real (broken) secret worth diagnosing, so it is not trimmed.
  const secret = secretFrom(flags.secret, runtime.env);
  const tolerance =
    flags.tolerance === undefined
      ? undefined
      : flags.tolerance === 'off'
        ? Number.POSITIVE_INFINITY
        : Number(flags.tolerance);
  if (tolerance !== undefined && (Number.isNaN(tolerance) || tolerance < 0)) {
    throw new CliError(`--tolerance must be seconds (e.g. 300) or 'off'; received '${flags.tolerance}'.`);
  }
  let body: Uint8Array;
  if (flags.file) {
    const { readFile } = await import('node:fs/promises');
    body = await readFile(flags.file).catch((error: { code?: string }) => {
      throw new CliError(`--file: cannot read '${flags.file}' (${error.code ?? 'error'}).`);
    });
  } else {
    if ((runtime.stdin as { isTTY?: boolean }).isTTY) {
      throw new CliError(
        'Pipe the raw webhook body on stdin, e.g. cashfree webhooks verify ... < body.json (or pass --file body.json).',
      );
    }
    body = await readAll(runtime.stdin);
  }

  try {
    const event = await verifyWebhook({
      rawBody: body,
      signature: flags.signature,
      timestamp: flags.timestamp,
      secret,
      // One window either way, as the flag says; without it, the SDK's (a day old, 300 s ahead).
      ...(tolerance !== undefined ? { toleranceSeconds: tolerance, maxAgeSeconds: tolerance } : {}),
    });
    const data = ('data' in event ? event.data : undefined) as Record<string, unknown> | undefined;
    const order = data?.['order'] as { order_id?: string } | undefined;
    const result = {
      valid: true,
      type: event.type === 'unknown' ? event.receivedType : event.type,
      order_id: order?.order_id ?? null,
      timestamp: flags.timestamp,
      secret: maskSecret(secret),
    };
    output.result(result, () =>
      [
        `${output.color.green('✓')} Valid signature: ${result.type}${result.order_id ? ` for ${result.order_id}` : ''}`,
        `  signed ${new Date(event.delivery.timestamp).toISOString()} with secret ${result.secret}`,
      ].join('\n'),
    );
  } catch (error) {
    if (!isWebhookVerificationError(error)) throw error;
    const diagnoses =
      error.reason === 'invalid_signature'
        ? await diagnoseSignature({ body, signature: flags.signature, timestamp: flags.timestamp, secret })
        : [];
    const hints = diagnoses.map((diagnosis) => diagnosis.hint);
    if (error.reason === 'timestamp_outside_tolerance') {
      hints.push('To check an old delivery on purpose, add --tolerance off.');
    }
    const result = {
      valid: false,
      reason: error.reason,
      message: error.message,
      causes: diagnoses.map(({ cause, confirmed }) => ({ cause, confirmed })),
      hints,
      secret: maskSecret(secret),
    };
    output.result(result, () =>
      [
        `${output.color.red('✗')} ${error.reason}: ${error.message}`,
        ...hints.map((hint) => `  ${output.color.yellow('hint:')} ${hint}`),
        `  (verified with secret ${result.secret})`,
      ].join('\n'),
    );
    if (output.json)
      output.note(`cashfree: webhook rejected (${error.reason}). ${hints[0] ?? error.message}`);
    throw new ExitWith(EXIT.failure);
  }
}

interface TriggerFlags {
  to?: string;
  secret?: string;
  orderId?: string;
  amount?: string;
  webhookVersion?: string;
}

/** What `trigger` sent and what the endpoint answered, however it was sent. */
interface TriggerReport {
  type: string;
  url: string;
  statusCode: number;
  latencyMs: number;
  responseBody: string;
  request: { headers: Record<string, string>; body: string };
  /** Lines printed under the result (headers, secret, objects made). */
  details: [string, string | undefined][];
  /** How the report is made (`local-sandbox` or `sample`), and the objects the event is about. */
  extra: Record<string, unknown>;
}

function printTriggerReport(output: Output, report: TriggerReport): void {
  const delivered = report.statusCode >= 200 && report.statusCode < 300;
  const result = {
    delivered,
    type: report.type,
    url: report.url,
    status_code: report.statusCode,
    latency_ms: report.latencyMs,
    response_body: report.responseBody,
    ...report.extra,
    request: report.request,
  };
  output.result(result, () =>
    [
      `${delivered ? output.color.green('✓') : output.color.red('✗')} ${report.type} → ${report.url}: HTTP ${report.statusCode} in ${report.latencyMs} ms`,
      formatKeyValues([...report.details, ['response', report.responseBody || undefined]])
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    ].join('\n'),
  );
  if (delivered) return;
  if (report.statusCode >= 500) {
    // A 5xx is the handler's own failure (the adapters answer 400 for a refused signature).
    output.note(
      `cashfree: your handler failed: it answered HTTP ${report.statusCode} with ${report.responseBody ? JSON.stringify(report.responseBody) : 'an empty body'}. ` +
        'The delivery was signed correctly; look in your server log for the error your handler threw. Cashfree retries a failed delivery.',
    );
  } else {
    output.note(
      `cashfree: your endpoint answered HTTP ${report.statusCode}; Cashfree treats any non-2xx answer (redirects too) as a failure and retries the delivery. ` +
        'If it rejected the signature, check that it verifies the raw body with the same secret.',
    );
  }
  throw new ExitWith(EXIT.failure);
}

function unreachable(to: string, cause: string, error?: unknown): ConnectionError {
  return new ConnectionError(
    `Could not deliver to ${to} (${cause}). Is your server running and listening on that address?`,
    { cause: error },
  );
}

/** Signs a sample body and posts it to `to` from here. */
async function sendSample(
  output: Output,
  type: string,
  to: string,
  body: string,
  secret: string,
  version: WebhookVersion,
  extra: Record<string, unknown>,
): Promise<void> {
  const signed = await signWebhook({ body, secret, version });
  let response: Response;
  const started = performance.now();
  try {
    response = await output.during(`Sending ${type}`, () =>
      fetch(to, {
        method: 'POST',
        headers: signed.headers,
        body: signed.rawBody,
        signal: AbortSignal.timeout(15_000),
        redirect: 'manual',
      }),
    );
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw unreachable(to, cause, error);
  }
  const latencyMs = Math.round(performance.now() - started);
  printTriggerReport(output, {
    type,
    url: to,
    statusCode: response.status,
    latencyMs,
    responseBody: (await response.text()).slice(0, 500),
    request: { headers: signed.headers, body: signed.rawBody },
    details: [
      ['x-webhook-timestamp', signed.timestamp],
      ['x-webhook-signature', signed.signature],
      ['x-webhook-version', version],
      ['signed with', maskSecret(secret)],
    ],
    extra,
  });
}

/** What a sample names (`order order_x, refund refund_y`), read from its body. */
function namedObjects(body: string): string {
  const data =
    (JSON.parse(body) as { data?: Record<string, Record<string, unknown> | undefined> }).data ?? {};
  const names: string[] = [];
  const add = (label: string, value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') names.push(`${label} ${value}`);
  };
  add('order', data['order']?.['order_id'] ?? data['refund']?.['order_id']);
  add('refund', data['refund']?.['refund_id']);
  add('payment link', (data as Record<string, unknown>)['link_id']);
  add('settlement', data['settlement']?.['settlement_id']);
  add('dispute', data['dispute']?.['dispute_id']);
  return names.join(', ');
}

/** Reports the sandbox's own delivery of a triggered event: its first attempt's answer. */
function reportSandboxDelivery(
  output: Output,
  origin: string,
  type: string,
  to: string,
  made: { delivery: WebhookDeliveryRecord; attempt: DeliveryAttempt; objects: object },
  objectLines: [string, string | undefined][],
): void {
  const { delivery, attempt } = made;
  if (attempt.status_code === null) throw unreachable(to, attempt.error ?? 'no response');
  printTriggerReport(output, {
    type,
    url: to,
    statusCode: attempt.status_code,
    latencyMs: attempt.latency_ms,
    responseBody: (attempt.response_body ?? '').slice(0, 500),
    request: delivery.request,
    details: [
      ['sent by', `the local sandbox (${origin}), delivery ${delivery.id}`],
      ...objectLines,
      ['x-webhook-version', delivery.version],
    ],
    extra: { source: 'local-sandbox', delivery_id: delivery.id, objects: made.objects },
  });
}

async function triggerAction(
  eventType: string,
  flags: TriggerFlags,
  command: Command,
  context: CliContext,
): Promise<void> {
  const { output, runtime } = context;
  const type = eventType.trim().toUpperCase();
  if (!TRIGGER_TYPES.includes(type)) {
    throw new CliError(`Unknown event type '${eventType}'. Use one of: ${TRIGGER_TYPES.join(', ')}.`);
  }
  if (!flags.to)
    throw new CliError(
      '--to is required: the URL of your webhook endpoint, e.g. --to http://127.0.0.1:3000/webhooks/cashfree.',
    );
  const to = httpUrl(flags.to, '--to');
  const version = parseWebhookVersion(flags.webhookVersion) ?? WEBHOOK_VERSIONS[0];
  const amount = amountFlag(flags.amount ?? '499.00');
  if (typeof amount !== 'number' || !(amount > 0)) {
    throw new CliError(`--amount must be rupees greater than 0, e.g. 499.00; received '${flags.amount}'.`);
  }
  const sample = (orderId: string) =>
    sampleWebhookBody(type, { orderId, amount, version, now: new Date() }).then((body) => {
      if (body === undefined) throw new CliError(`No sample payload for ${type}.`);
      return body;
    });

  const config = context.config(command);
  const admin = await detectLocalSandbox(config.baseUrl);
  if (PAYOUTS_TRIGGER_TYPES.includes(type)) {
    if (!admin) {
      throw new CliError(
        `${type} is a Payouts event, about a transfer: trigger makes one for real on the local sandbox only ` +
          "('cashfree sandbox start', CASHFREE_BASE_URL set to the URL it prints). On Cashfree's sandbox, add your " +
          'endpoint under Payouts → Developers → Webhooks and pay one of its test accounts.',
      );
    }
    const payouts = createPayoutsClient(config, runtime.env);
    const made = await output.during(`Making a real ${type} on the local sandbox`, () =>
      triggerPayoutsOnLocalSandbox(payouts, admin, { type, to, version, amount }),
    );
    return reportSandboxDelivery(output, admin.origin, type, to, made, [
      ['beneficiary', made.objects.beneficiary_id],
      ['transfer', made.objects.transfer_id],
      ['batch', made.objects.batch_transfer_id],
      [
        'clock',
        made.objects.clock_advanced_minutes
          ? `advanced ${made.objects.clock_advanced_minutes} min for the bank's steps`
          : undefined,
      ],
    ]);
  }
  if (SUBSCRIPTION_TRIGGER_TYPES.includes(type)) {
    if (!admin) {
      throw new CliError(
        `${type} is a subscription event, about a subscription and its mandate: trigger makes them for real on the local ` +
          "sandbox only ('cashfree sandbox start', CASHFREE_BASE_URL set to the URL it prints). On Cashfree's sandbox, add " +
          'your endpoint under Developers → Webhooks (Subscriptions) and authorise a test subscription on its mandate page.',
      );
    }
    const client = context.client(command);
    const made = await output.during(`Making a real ${type} on the local sandbox`, () =>
      triggerSubscriptionOnLocalSandbox(client, admin, { type, to, version, amount }),
    );
    return reportSandboxDelivery(output, admin.origin, type, to, made, [
      ['plan', made.objects.plan_id],
      ['subscription', made.objects.subscription_id],
      ['payment', made.objects.payment_id],
      ['refund', made.objects.refund_id],
      [
        'clock',
        made.objects.clock_advanced_hours
          ? `advanced ${made.objects.clock_advanced_hours} h for the bank's steps`
          : undefined,
      ],
    ]);
  }
  if (admin) {
    const client = context.client(command);
    const outcome = await output.during(`Making a real ${type} on the local sandbox`, () =>
      triggerOnLocalSandbox(client, admin, { type, to, version, amount, orderId: flags.orderId }),
    );
    const objects = { ...outcome.objects };
    if (outcome.kind === 'sample') {
      // Disputes are not emulated: a sample, about a real paid order of the sandbox.
      output.note(
        `cashfree: the local sandbox does not emulate ${type}; sending a sample about its paid order ${objects.order_id}.`,
      );
      const secret = secretFrom(flags.secret, { CASHFREE_SECRET_KEY: config.secretKey });
      const body = await sample(objects.order_id);
      return sendSample(output, type, to, body, secret, version, { source: 'sample', objects });
    }
    return reportSandboxDelivery(output, admin.origin, type, to, outcome, [
      ['order', objects.order_id],
      ['payment link', objects.link_id],
      [
        'clock',
        objects.clock_advanced_days
          ? `advanced ${objects.clock_advanced_days} days so the payment settles`
          : undefined,
      ],
    ]);
  }

  const secret = secretFrom(flags.secret, runtime.env);
  const body = await sample(flags.orderId ?? `order_${Date.now().toString(36)}`);
  const named = namedObjects(body);
  // Only the local sandbox can make the objects: elsewhere a handler that looks them up finds nothing.
  output.note(
    `cashfree: this is a sample${named ? ` about ${named}` : ''}, made up here: a handler that fetches ` +
      "them from Cashfree gets a 404. Against the local sandbox ('cashfree sandbox start', CASHFREE_BASE_URL " +
      'set to the URL it prints), trigger makes them for real and the sandbox sends the webhook.',
  );
  await sendSample(output, type, to, body, secret, version, { source: 'sample', refers_to: named });
}

interface ListenFlags {
  forwardTo?: string;
  webhookVersion?: string;
  interval?: string;
}

function printAttempt(output: Output, delivery: WebhookDeliveryRecord, attemptIndex: number): void {
  const attempt = delivery.attempts[attemptIndex];
  if (!attempt) return;
  const ok = attempt.status_code !== null && attempt.status_code >= 200 && attempt.status_code < 300;
  output.event(
    {
      event: 'delivery',
      id: delivery.id,
      event_id: delivery.event_id,
      event_type: delivery.event_type,
      order_id: delivery.order_id,
      url: delivery.url,
      attempt: attempt.attempt,
      at: attempt.at,
      status_code: attempt.status_code,
      latency_ms: attempt.latency_ms,
      error: attempt.error,
      status: delivery.status,
      next_attempt_at: delivery.next_attempt_at,
    },
    () => {
      const outcome =
        attempt.status_code !== null ? `[${attempt.status_code}]` : `[${attempt.error ?? 'no response'}]`;
      const mark = ok ? output.color.green('✓') : output.color.red('✗');
      const retry = !ok && delivery.next_attempt_at ? ` · retry at ${delivery.next_attempt_at}` : '';
      return `${attempt.at}  ${mark} ${delivery.event_type} ${delivery.order_id ?? ''} → ${outcome} ${attempt.latency_ms} ms · attempt ${attempt.attempt}${retry}`;
    },
  );
}

async function listenAction(flags: ListenFlags, command: Command, context: CliContext): Promise<void> {
  const { output, runtime } = context;
  if (!flags.forwardTo)
    throw new CliError(
      '--forward-to is required, e.g. --forward-to http://127.0.0.1:3000/webhooks/cashfree.',
    );
  const forwardTo = httpUrl(flags.forwardTo, '--forward-to');
  const version = parseWebhookVersion(flags.webhookVersion);
  const interval = flags.interval === undefined ? 250 : Number(flags.interval);
  if (!Number.isInteger(interval) || interval < 20) {
    throw new CliError(`--interval must be milliseconds ≥ 20; received '${flags.interval}'.`);
  }
  const config = context.config(command);
  if (config.baseUrlSource === 'default') {
    throw new CliError(
      "'webhooks listen' works with the local sandbox. Run 'cashfree sandbox start' and set CASHFREE_BASE_URL " +
        '(or pass --base-url) to the URL it prints.',
    );
  }
  if (/(^|\.)cashfree\.com$/i.test(new URL(config.baseUrl).hostname)) {
    // Never send the admin calls (or anything else) to Cashfree itself: it has no such API.
    throw new CliError(
      `'webhooks listen' works with the local sandbox, not ${new URL(config.baseUrl).origin}. For Cashfree's ` +
        'own sandbox or production, add your endpoint in the dashboard (Developers → Webhooks); for local ' +
        "testing, run 'cashfree sandbox start' and point --base-url at the URL it prints.",
    );
  }
  const admin = new WebhookAdmin(sandboxOrigin(config.baseUrl));
  // Listen for Ctrl-C before registering, so the endpoint is always removed again.
  const stop = new AbortController();
  let signal = '';
  void runtime.untilStopped().then((name) => {
    signal = name;
    stop.abort();
  });
  const endpoint = await admin.createEndpoint(forwardTo, version);
  const secret = config.secretKey;
  output.event({ event: 'ready', endpoint, sandbox: admin.origin }, () =>
    [
      `Forwarding webhooks from ${admin.origin} to ${forwardTo} (endpoint ${endpoint.id}, version ${endpoint.version}).`,
      `Deliveries are signed with the sandbox's secret key${secret ? ` (${maskSecret(secret)}, your CASHFREE_SECRET_KEY)` : ''}.`,
      'Waiting for events; Ctrl-C to stop.',
    ].join('\n'),
  );

  const printed = new Map<string, number>();
  let after: number | undefined;
  try {
    while (!stop.signal.aborted) {
      const page = await admin.deliveries({
        endpointId: endpoint.id,
        ...(after !== undefined ? { after } : {}),
      });
      let lowestPending: number | undefined;
      for (const delivery of page.data) {
        const done = printed.get(delivery.id) ?? 0;
        for (let index = done; index < delivery.attempts.length; index += 1)
          printAttempt(output, delivery, index);
        printed.set(delivery.id, delivery.attempts.length);
        if (delivery.status === 'pending')
          lowestPending = Math.min(lowestPending ?? delivery.seq, delivery.seq);
      }
      // Keep reading from the oldest delivery still in flight, so its retries are printed too.
      if (lowestPending !== undefined) after = lowestPending - 1;
      else if (page.cursor !== null) after = page.cursor;
      await sleep(interval, undefined, { signal: stop.signal }).catch(() => {});
    }
  } finally {
    await admin.deleteEndpoint(endpoint.id).catch(() => {});
  }
  output.event(
    { event: 'stopped', endpoint_id: endpoint.id, signal },
    () => `Stopped (${signal}); removed endpoint ${endpoint.id}.`,
  );
}

export function registerWebhooksCommands(program: Command, context: CliContext): void {
  const webhooks = program.command('webhooks').description('verify, send and forward Cashfree webhooks');

  webhooks
    .command('verify')
    .description('check a delivery’s signature (body on stdin) and explain why it fails')
    .option('--signature <base64>', 'the x-webhook-signature header')
    .option('--timestamp <ms>', 'the x-webhook-timestamp header, verbatim')
    .option(
      '--secret <secret>',
      'the client secret (default CASHFREE_SECRET_KEY; prefer the variable, flags land in shell history)',
    )
    .option('--file <path>', 'read the body from a file instead of stdin')
    .option(
      '--tolerance <seconds>',
      "replay window in seconds either way (default: up to a day old, 300 s ahead), or 'off' for stored deliveries",
    )
    .action((flags: VerifyFlags) => verifyAction(flags, context));

  webhooks
    .command('trigger')
    .description(
      'send a signed event to your endpoint: on the local sandbox, for real objects it makes (order, payment, refund, link, transfer, subscription); elsewhere a sample',
    )
    .argument(
      '<event_type>',
      `one of ${TRIGGER_TYPES.join(', ')} (Payouts and subscription events on the local sandbox only)`,
    )
    .option('--to <url>', 'your webhook endpoint')
    .option('--secret <secret>', 'signing secret (default CASHFREE_SECRET_KEY)')
    .option(
      '--order-id <id>',
      'the order the event is about (default: a fresh one; on the local sandbox an existing order is used)',
    )
    .option('--amount <rupees>', 'amount in the payload, or of the transfer or charge made (default 499.00)')
    .option(
      '--webhook-version <version>',
      'payload shape and x-webhook-version: 2025-01-01 (default) or 2023-08-01',
    )
    .action((eventType: string, flags: TriggerFlags, command: Command) =>
      triggerAction(eventType, flags, command, context),
    );

  webhooks
    .command('listen')
    .description('forward the local sandbox’s webhooks to your endpoint and print each delivery')
    .option('--forward-to <url>', 'your webhook endpoint')
    .option('--webhook-version <version>', 'payload version for this endpoint: 2025-01-01 or 2023-08-01')
    .option('--interval <ms>', 'how often to poll the sandbox for deliveries (default 250)')
    .action((flags: ListenFlags, command: Command) => listenAction(flags, command, context));
}
