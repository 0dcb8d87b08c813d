/**
 * The prompt "integrate Cashfree checkout into this app": the steps of the flow (create an order
 * on the server, open checkout, verify on return, handle webhooks, refund), each with the tool that
 * tests it against the local sandbox, and the guides it follows attached as resources, so the
 * guides stay the one place the details are written.
 */
import { listDocResources, readDocResource } from './docs-resources.js';

/** The prompt's name in `prompts/list`. */
export const INTEGRATE_PROMPT = 'integrate_cashfree_checkout';

/** The guides the flow follows, in its order. */
const GUIDES = [
  'guides/accept-a-payment.md',
  'guides/verify-payment-on-return.md',
  'guides/handle-webhooks.md',
  'guides/refunds.md',
  'guides/testing-with-the-local-sandbox.md',
];

/** The listing of the prompt. */
export const integratePromptListing = {
  name: INTEGRATE_PROMPT,
  title: 'Integrate Cashfree checkout into this app',
  description:
    'Walks an agent through adding Cashfree checkout with cashfree-kit: create order, checkout, verify on return, webhooks, refund; each step tested on the local sandbox.',
  arguments: [
    {
      name: 'framework',
      description: 'the web framework of the app, e.g. Express, Next.js, Hono',
      required: false,
    },
  ],
};

/** The prompt's messages. */
export function integratePromptMessages(framework: string | undefined) {
  const app = framework ? `this ${framework} app` : 'this app';
  const steps = [
    `Integrate Cashfree checkout into ${app} with cashfree-kit (npm install cashfree-kit), in TypeScript, server-side keys only.`,
    '1. Create the order on the server: `cashfree.orders.create()` with an order_id you store, the amount in rupees, customer_details and order_meta.return_url. Try it with the `orders_create` tool first; it shows each field rule before anything is sent.',
    '2. Checkout: hand the payment_session_id (never the keys) to the browser and open cashfree.js checkout with it. In the local sandbox, pay with the `sandbox_pay_order` tool (card, UPI or net banking; outcome failure to test the unhappy path).',
    '3. Verify on return: on the return_url route, fetch the order on the server (`cashfree.orders.get`, tool `orders_get`) and trust only its order_status (PAID); never the query string.',
    '4. Webhooks: add a route that reads the raw body and verifies it with `constructWebhookEvent` (or the framework adapter from cashfree-kit/webhooks), answers 200 fast and makes fulfilment idempotent. Register it with `sandbox_webhook_endpoint_create`, then check `sandbox_webhook_deliveries` for the response it gave; `webhooks_verify` says why a signature failed.',
    '5. Refund: `cashfree.refunds.create(orderId, { refund_id, refund_amount })` from an admin action (tool `refunds_create`), then follow its refund_status.',
    'Look up any error code with `errors_explain`. Keep the keys in environment variables (CASHFREE_APP_ID, CASHFREE_SECRET_KEY, CASHFREE_ENV) and never log them. The guides attached below are the reference for each step.',
  ].join('\n');
  const directory = listDocResources();
  const attached = GUIDES.flatMap((page) => {
    const resource = directory.find((entry) => entry.name === page);
    const text = resource && readDocResource(resource.uri);
    return resource && text
      ? [
          {
            role: 'user' as const,
            content: {
              type: 'resource' as const,
              resource: { uri: resource.uri, mimeType: resource.mimeType, text },
            },
          },
        ]
      : [];
  });
  return [{ role: 'user' as const, content: { type: 'text' as const, text: steps } }, ...attached];
}
