/**
 * The tools that only the local sandbox has, so an agent can test a whole flow without a browser:
 * pay an order (test card, UPI id or net banking, or fail it), advance the sandbox clock, register
 * a webhook endpoint, list webhook deliveries with their responses, resend one, and trigger an event.
 */
import { type Cashfree, type PaymentEntity, SUBSCRIPTION_PAYMENT_METHODS } from 'cashfree-kit';
import type { JsonSchema } from './json-schema.js';
import type { SandboxAdmin } from './sandbox-admin.js';
import { stringArgument, type Tool, ToolInputError, type ToolResult } from './tool.js';

/** What the sandbox tools need: its admin API and a PG client pointed at it, both made on first use. */
export interface SandboxAccess {
  admin(): Promise<SandboxAdmin>;
  pg(): Promise<Cashfree>;
}

const METHODS = ['card', 'upi', 'netbanking'] as const;
type Method = (typeof METHODS)[number];

const local = (readOnly: boolean, idempotent: boolean) => ({
  readOnlyHint: readOnly,
  destructiveHint: false,
  idempotentHint: idempotent,
  // Only the local sandbox is touched.
  openWorldHint: false,
});

const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
});

/** The sandbox tools. */
export function sandboxTools(access: SandboxAccess): Tool[] {
  return [
    {
      name: 'sandbox_pay_order',
      description:
        "Local sandbox only: pays an ACTIVE order as a customer would, by test card (OTP step done), UPI collect or net banking, or fails it (outcome: 'failure'). Answers the order and the payment.",
      inputSchema: object(
        {
          order_id: { type: 'string', minLength: 1, description: 'the order to pay' },
          method: { type: 'string', enum: METHODS, description: 'how the customer pays; default card' },
          outcome: { type: 'string', enum: ['success', 'failure'], description: 'default success' },
          card_number: {
            type: 'string',
            description: 'a sandbox test card (method card); default by outcome',
          },
          upi_id: { type: 'string', description: 'a sandbox test VPA (method upi); default by outcome' },
        },
        ['order_id'],
      ),
      annotations: { title: 'Pay an order in the local sandbox', ...local(false, false) },
      writes: true,
      run: (args) => payOrder(access, args),
    },
    {
      name: 'sandbox_authorize_subscription',
      description:
        "Local sandbox only: the customer authorises a subscription's mandate now, without a browser (outcome 'failure' declines it); answers the subscription.",
      inputSchema: object(
        {
          subscription_id: { type: 'string', minLength: 1 },
          payment_method: {
            type: 'string',
            enum: SUBSCRIPTION_PAYMENT_METHODS,
            description: 'the mandate; default the one the subscription allows',
          },
          reference: {
            type: 'string',
            description:
              'the VPA, card number or bank account the mandate is on (its test data decide later debits)',
          },
          outcome: {
            type: 'string',
            enum: ['success', 'failure'],
            description: 'default: what the reference decides',
          },
          wait_for_bank: {
            type: 'boolean',
            description: 'leave a UPI or NACH mandate in BANK_APPROVAL_PENDING',
          },
        },
        ['subscription_id'],
      ),
      annotations: { title: 'Authorise a subscription in the local sandbox', ...local(false, false) },
      writes: true,
      run: async (args) => {
        const id = stringArgument(args, 'subscription_id', 'the subscription to authorise');
        const outcome =
          args['outcome'] === undefined
            ? {}
            : { outcome: args['outcome'] === 'failure' ? 'FAILED' : 'SUCCESS' };
        const body = { ...pick(args, ['payment_method', 'reference', 'wait_for_bank']), ...outcome };
        const subscription = await (await access.admin()).call<Record<string, unknown>>(
          'POST',
          `/_sandbox/subscriptions/${encodeURIComponent(id)}/authorize`,
          body,
        );
        return {
          line: `subscription ${id} ${String(subscription['subscription_status'])}`,
          data: subscription,
        };
      },
    },
    {
      name: 'sandbox_advance_clock',
      description:
        'Local sandbox only: moves the sandbox clock forward and runs what became due (order and link expiry, settlements, webhook retries).',
      inputSchema: object({
        seconds: { type: 'number', minimum: 0 },
        minutes: { type: 'number', minimum: 0 },
        hours: { type: 'number', minimum: 0 },
        days: { type: 'number', minimum: 0 },
      }),
      annotations: { title: 'Advance the sandbox clock', ...local(false, false) },
      writes: true,
      run: async (args) => {
        const body = Object.fromEntries(
          ['seconds', 'minutes', 'hours', 'days']
            .filter((k) => args[k] !== undefined)
            .map((k) => [k, args[k]]),
        );
        if (Object.keys(body).length === 0) {
          throw new ToolInputError(
            'seconds, minutes, hours or days: give at least one, e.g. { "hours": 1 }.',
          );
        }
        const clock = await (await access.admin()).call<Record<string, unknown>>(
          'POST',
          '/_sandbox/clock/advance',
          body,
        );
        return {
          line: `sandbox clock now ${String(clock['now'])} (${String(clock['jobs_run'])} job(s) ran)`,
          data: clock,
        };
      },
    },
    {
      name: 'sandbox_webhook_endpoint_create',
      description:
        "Local sandbox only: registers a URL (e.g. your app's webhook route on localhost) to receive every webhook the sandbox sends, signed as Cashfree signs them.",
      inputSchema: object(
        {
          url: { type: 'string', format: 'uri', description: 'http(s) URL the sandbox POSTs to' },
          version: { type: 'string', description: 'x-webhook-version of the payloads; default the newest' },
        },
        ['url'],
      ),
      annotations: { title: 'Register a webhook endpoint', ...local(false, false) },
      writes: true,
      run: async (args) => {
        const body = {
          url: stringArgument(args, 'url', 'the URL to deliver to'),
          ...pick(args, ['version']),
        };
        const endpoint = await (await access.admin()).call<Record<string, unknown>>(
          'POST',
          '/_sandbox/webhooks/endpoints',
          body,
        );
        return {
          line: `webhook endpoint ${String(endpoint['id'])} → ${String(endpoint['url'])}`,
          data: endpoint,
        };
      },
    },
    {
      name: 'sandbox_webhook_deliveries',
      description:
        "Local sandbox only: lists webhook deliveries oldest first, with each attempt's HTTP status and response body, filtered by order_id or endpoint_id.",
      inputSchema: object({
        order_id: { type: 'string' },
        endpoint_id: { type: 'string' },
        limit: { type: 'number', minimum: 1, maximum: 1000 },
      }),
      annotations: { title: 'List webhook deliveries', ...local(true, true) },
      writes: false,
      run: async (args) => {
        const query = new URLSearchParams(
          Object.entries(pick(args, ['order_id', 'endpoint_id', 'limit'])).map(([k, v]) => [k, String(v)]),
        );
        const page = await (await access.admin()).call<{ data: unknown[]; cursor: unknown }>(
          'GET',
          `/_sandbox/webhooks/deliveries?${query}`,
        );
        return {
          line: `${page.data.length} webhook deliver${page.data.length === 1 ? 'y' : 'ies'}`,
          data: page,
        };
      },
    },
    {
      name: 'sandbox_webhook_resend',
      description:
        'Local sandbox only: sends a webhook delivery once more, now, and answers it with its attempts.',
      inputSchema: object({ delivery_id: { type: 'string', minLength: 1 } }, ['delivery_id']),
      annotations: { title: 'Resend a webhook', ...local(false, false) },
      writes: true,
      run: async (args) => {
        const id = stringArgument(args, 'delivery_id', 'the id from sandbox_webhook_deliveries');
        const delivery = await (await access.admin()).call<Record<string, unknown>>(
          'POST',
          `/_sandbox/webhooks/deliveries/${encodeURIComponent(id)}/resend`,
        );
        return { line: `webhook delivery ${id} resent (${String(delivery['status'])})`, data: delivery };
      },
    },
    {
      name: 'sandbox_webhook_trigger',
      description:
        'Local sandbox only: makes a real event of a type for an order (PAYMENT_SUCCESS_WEBHOOK pays an ACTIVE order; on a finished order the latest event is repeated) and delivers it.',
      inputSchema: object(
        {
          type: { type: 'string', description: 'the webhook type, e.g. PAYMENT_SUCCESS_WEBHOOK' },
          order_id: { type: 'string', minLength: 1 },
        },
        ['type', 'order_id'],
      ),
      annotations: { title: 'Trigger a webhook event', ...local(false, false) },
      writes: true,
      run: async (args) => {
        const { TRIGGER_TYPES } = await import('@cashfree-kit/sandbox');
        const type = stringArgument(args, 'type', `one of ${TRIGGER_TYPES.join(', ')}`);
        if (!(TRIGGER_TYPES as readonly string[]).includes(type)) {
          throw new ToolInputError(
            `type: ${JSON.stringify(type)} is not a trigger type. Use one of ${TRIGGER_TYPES.join(', ')}.`,
          );
        }
        const body = { type, order_id: stringArgument(args, 'order_id', 'the order the event is about') };
        const answer = await (await access.admin()).call<{ event_id: unknown; deliveries: unknown[] }>(
          'POST',
          '/_sandbox/webhooks/trigger',
          body,
        );
        return {
          line: `${type} for ${body.order_id}: ${answer.deliveries.length} delivery(ies)`,
          data: answer,
        };
      },
    },
  ];
}

function pick(args: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => args[key] !== undefined).map((key) => [key, args[key]]));
}

async function payOrder(access: SandboxAccess, args: Record<string, unknown>): Promise<ToolResult> {
  const orderId = stringArgument(args, 'order_id', 'the order to pay');
  const method = (args['method'] ?? 'card') as Method;
  if (!METHODS.includes(method)) throw new ToolInputError(`method: use one of ${METHODS.join(', ')}.`);
  const succeed = (args['outcome'] ?? 'success') !== 'failure';
  const cashfree = await access.pg();
  const instruments = await import('@cashfree-kit/sandbox');
  const order = await cashfree.orders.get(orderId);
  const session = order.payment_session_id;
  if (order.order_status !== 'ACTIVE' || !session) {
    throw new ToolInputError(
      `order_id: ${orderId} is ${order.order_status}, not ACTIVE; only an ACTIVE order can be paid.`,
    );
  }
  const outcome = succeed ? 'SUCCESS' : 'FAILED';
  let cfPaymentId: string;
  let paidWith: string;
  if (method === 'card') {
    const number =
      typeof args['card_number'] === 'string'
        ? args['card_number'].replace(/\s/g, '')
        : firstKey(instruments.TEST_CARDS, (card) => card.outcome === outcome);
    const pay = await cashfree.orders.pay({
      payment_session_id: session,
      payment_method: {
        card: {
          channel: 'post',
          card_number: number,
          card_holder_name: 'Test Customer',
          card_expiry_mm: instruments.TEST_CARD_EXPIRY.mm,
          card_expiry_yy: instruments.TEST_CARD_EXPIRY.yy,
          card_cvv: '123',
        },
      },
    });
    cfPaymentId = String(pay.cf_payment_id);
    await cashfree.orders.authenticate(cfPaymentId, { otp: instruments.TEST_CARD_OTP, action: 'SUBMIT_OTP' });
    paidWith = `card ${number}`;
  } else if (method === 'upi') {
    const vpa =
      typeof args['upi_id'] === 'string'
        ? args['upi_id']
        : firstKey(instruments.TEST_VPAS, (entry) => entry.outcome === outcome);
    const pay = await cashfree.orders.pay({
      payment_session_id: session,
      payment_method: { upi: { channel: 'collect', upi_id: vpa } },
    });
    cfPaymentId = String(pay.cf_payment_id);
    paidWith = `UPI ${vpa}`;
  } else {
    const pay = await cashfree.orders.pay({
      payment_session_id: session,
      payment_method: { netbanking: { channel: 'link', netbanking_bank_code: instruments.TEST_BANK.code } },
    });
    cfPaymentId = String(pay.cf_payment_id);
    await (await access.admin()).pressPaymentButton(cfPaymentId, succeed ? 'success' : 'failed');
    paidWith = `net banking (${instruments.TEST_BANK.name})`;
  }
  const payment = await settled(cashfree, orderId, cfPaymentId, instruments.DEFAULT_UPI_RESOLVE_DELAY_MS);
  const after = await cashfree.orders.get(orderId);
  return {
    line: `${orderId} ${after.order_status}: ${paidWith} → payment ${cfPaymentId} ${payment.payment_status}`,
    data: { order: after, payment },
  };
}

/**
 * The payment once it leaves PENDING: a UPI collect to a test VPA resolves on its own after the
 * sandbox's UPI delay (real time), so it is read until then, up to a bounded number of times.
 */
async function settled(
  cashfree: Cashfree,
  orderId: string,
  cfPaymentId: string,
  delayMs: number,
): Promise<PaymentEntity> {
  for (let reads = 0; ; reads += 1) {
    const payment = await cashfree.payments.get(orderId, cfPaymentId);
    if (payment.payment_status !== 'PENDING' || reads >= 40) return payment;
    await new Promise((resolve) => setTimeout(resolve, Math.max(50, delayMs / 4)));
  }
}

function firstKey<T>(table: Readonly<Record<string, T>>, wanted: (value: T) => boolean): string {
  const found = Object.entries(table).find(([, value]) => wanted(value));
  if (!found) throw new Error('The sandbox has no test instrument with that outcome.');
  return found[0];
}
