/**
 * Where Cashfree's contract is wrong or silent, this overlay says what we validate instead. Each
 * entry names one place in the contract (a JSON pointer), what it says there today (`original`,
 * checked by overlay.test.ts so a fixed or moved contract makes the entry fail as stale), the
 * change, why, and the source. Nothing here loosens the contract wholesale: every entry is one
 * field or one schema, and `docs/fidelity.md` lists them all.
 */
import { parentOf, valueAt } from './support/pointer.js';
import { PAYMENT_CALLBACK_EXPRESSION } from './support/webhook-schemas.js';

/** What an entry does to the node at its target. */
export type OverlayChange =
  /** Also accept `null` (OpenAPI 3.0 `nullable`; a `$ref` is wrapped in `anyOf [ref, null]`). */
  | { kind: 'nullable' }
  /** Also accept `null` for exactly these properties of the target object schema. */
  | { kind: 'nullable-properties'; properties: string[] }
  /** Merge these keywords into the schema (e.g. an `enum` the prose lists). */
  | { kind: 'set'; keywords: Record<string, unknown> }
  /** Drop these keywords from the schema. */
  | { kind: 'remove'; keywords: string[] }
  /** Replace the node entirely. */
  | { kind: 'replace'; value: unknown }
  /** Rename the key the target sits under (the target's last token) to `to`. */
  | { kind: 'rename'; to: string };

export interface OverlayEntry {
  /** JSON pointer into the contract. */
  target: string;
  /** Keywords the target has today (a subset match); proves the entry still describes the contract. */
  original: Record<string, unknown>;
  /** Keywords the target must not have today (e.g. the `enum` we add). */
  absent?: string[];
  change: OverlayChange;
  /** The change in one line, for the coverage table. */
  summary: string;
  why: string;
  /** Where the truth comes from: a Cashfree docs page, the official SDK, or the contract itself. */
  source: string;
}

// Sources cited by several entries.
const PAYMENT_WEBHOOK_DOCS = 'https://www.cashfree.com/docs/api-reference/payments/latest/payments/webhooks';
const NULLS_NOTE =
  'https://www.cashfree.com/docs/api-reference/payments/previous/v2023-08-01/payments/webhooks ("Some parameters in the API response may return null values depending on the flow type")';
const OFFICIAL_SDK = 'cashfree-pg 6.0.6 (api.ts)';
const REFUND_WEBHOOK_DOCS = 'https://www.cashfree.com/docs/api-reference/payments/latest/refunds/webhooks';
const SETTLEMENT_WEBHOOK_DOCS =
  'https://www.cashfree.com/docs/api-reference/payments/latest/settlements/settlement-webhooks';
/** The payment webhook body POST /orders declares, under the contract's broken callback key. */
const PAYMENT_CALLBACK =
  '/components/callbacks/PaymentWebhook/object Object/post/requestBody/content/application~1json/schema/properties/data';
const schema = (name: string) => `/components/schemas/${name}`;
const ref = (name: string) => `#/components/schemas/${name}`;

/** The branches of a subscription payment's `payment_method`, each with the key that holds it. */
const SUBSCRIPTION_PAYMENT_METHOD_BRANCHES = [
  ['CreateSubscriptonPaymentRequestUpi', 'upi'],
  ['CreateSubscriptionPaymentRequestEnach', 'enach'],
  ['CreateSubscriptionPaymentRequestPnach', 'pnach'],
  ['CreateSubscriptionPaymentRequestCard', 'card'],
] as const;

/** The branches of a payment's `payment_method`, each with the one key it carries. */
const PAYMENT_METHOD_BRANCHES = [
  ['PaymentMethodCardInPaymentsEntity', 'card'],
  ['PaymentMethodNetBankingInPaymentsEntity', 'netbanking'],
  ['PaymentMethodUPIInPaymentsEntity', 'upi'],
  ['PaymentMethodAppInPaymentsEntity', 'app'],
  ['PaymentMethodCardlessEMIInPaymentsEntity', 'cardless_emi'],
  ['PaymentMethodPaylaterInPaymentsEntity', 'paylater'],
  ['PaymentMethodCardEMIInPaymentsEntity', 'emi'],
  ['PaymentMethodBankTransferInPaymentsEntity', 'banktransfer'],
] as const;

/** Every change we make to the contract before validating against it. */
export const overlay: readonly OverlayEntry[] = [
  // --- Request side ---------------------------------------------------------------------------
  {
    target: '/components/schemas/FetchSettlementsRequest_pagination/properties/cursor',
    original: { type: 'string' },
    absent: ['nullable'],
    change: { kind: 'nullable' },
    summary: 'Settlement and settlement-recon `pagination.cursor` may be `null`.',
    why: 'The first page is asked for with `cursor: null`, which `type: string` forbids.',
    source:
      'The contract itself: FetchSettlementsRequest_pagination.description, "To receive the data for the first time, pass the cursor as null".',
  },
  {
    target: schema('UpdateOrderExtendedRequest'),
    original: { required: ['shipment_details'] },
    change: { kind: 'remove', keywords: ['required'] },
    summary:
      'Update Order Extended: `shipment_details` is not required when `order_delivery_status` is sent.',
    why: 'The schema requires shipment_details, but its own description says either shipment_details or order_delivery_status is required, and the request example `order_extended_delivery_status` sends the status alone.',
    source:
      'The contract itself: UpdateOrderExtendedRequest.properties.shipment_details.description and #/components/examples/order_extended_delivery_status.',
  },

  // --- Headers --------------------------------------------------------------------------------
  {
    target: '/components/headers/x-api-version/schema',
    original: { enum: ['2022-09-01'], format: 'YYYY-MM-DD', type: 'string' },
    change: { kind: 'remove', keywords: ['enum'] },
    summary: 'The `x-api-version` response header is any `YYYY-MM-DD` date, not only `2022-09-01`.',
    why: 'A leftover of the 2022-09-01 contract: this file is version 2025-01-01 and its own request parameter defaults to 2025-01-01.',
    source:
      'The contract itself: info.version and #/components/parameters/apiVersionHeader (default 2025-01-01).',
  },

  // --- Webhooks ---------------------------------------------------------------------------------
  {
    target: `${PAYMENT_CALLBACK}/properties/order`,
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['order_tags'] },
    summary: 'Payment webhook (POST /orders callback): `data.order.order_tags` may be null.',
    why: 'An order created without tags has none.',
    source: `${PAYMENT_WEBHOOK_DOCS} (order_tags: null).`,
  },
  {
    target: `${PAYMENT_CALLBACK}/properties/customer_details`,
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['customer_name', 'customer_id', 'customer_email'] },
    summary:
      'Payment webhook (POST /orders callback): `customer_name`, `customer_id`, `customer_email` may be null.',
    why: 'Only customer_phone is always known.',
    source: `${PAYMENT_WEBHOOK_DOCS} (customer_name: null, customer_id: null).`,
  },
  {
    target: PAYMENT_CALLBACK,
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['payment_offers'] },
    summary: 'Payment webhook (POST /orders callback): `data.payment_offers` may be null.',
    why: 'A payment without an offer has no offers to list.',
    source: NULLS_NOTE,
  },
  {
    target: schema('PaymentWebhookOrderEntity'),
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['order_tags'] },
    summary: 'PaymentWebhook: `data.order.order_tags` may be null.',
    why: 'An order created without tags has none.',
    source: `${PAYMENT_WEBHOOK_DOCS} (order_tags: null).`,
  },
  {
    target: schema('PaymentWebhookCustomerEntity'),
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['customer_name', 'customer_id', 'customer_email'] },
    summary: 'PaymentWebhook: `customer_name`, `customer_id`, `customer_email` may be null.',
    why: 'Only customer_phone is always known.',
    source: `${PAYMENT_WEBHOOK_DOCS} (customer_name: null, customer_id: null).`,
  },
  {
    target: schema('PaymentWebhookGatewayDetailsEntity'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: ['gateway_order_reference_id', 'gateway_status_code', 'gateway_reference_name'],
    },
    summary:
      'PaymentWebhook: `gateway_order_reference_id`, `gateway_status_code`, `gateway_reference_name` may be null.',
    why: 'Cashfree’s own gateway does not fill them.',
    source: `${PAYMENT_WEBHOOK_DOCS} (gateway_status_code: null).`,
  },
  {
    target: schema('PaymentWebhookErrorEntity'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: ['error_code_raw', 'error_description_raw'],
    },
    summary: 'PaymentWebhook: `error_details.error_code_raw` and `.error_description_raw` may be null.',
    why: 'Not every failure carries the bank’s own codes.',
    source: `${PAYMENT_WEBHOOK_DOCS}; ${NULLS_NOTE}.`,
  },
  {
    target: schema('PaymentWebhookDataEntity'),
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['payment_offers'] },
    summary: 'PaymentWebhook: `data.payment_offers` may be null.',
    why: 'A payment without an offer has no offers to list.',
    source: NULLS_NOTE,
  },
  {
    target: `${schema('PaymentWebhook')}/properties/type`,
    original: { type: 'string' },
    absent: ['enum'],
    change: {
      kind: 'set',
      keywords: {
        enum: ['PAYMENT_SUCCESS_WEBHOOK', 'PAYMENT_FAILED_WEBHOOK', 'PAYMENT_USER_DROPPED_WEBHOOK'],
      },
    },
    summary:
      'PaymentWebhook `type` is PAYMENT_SUCCESS_WEBHOOK, PAYMENT_FAILED_WEBHOOK or PAYMENT_USER_DROPPED_WEBHOOK.',
    why: 'The contract gives only an example; the three payment events are documented.',
    source: PAYMENT_WEBHOOK_DOCS,
  },
  {
    target: `${schema('RefundWebhook')}/properties/type`,
    original: { type: 'string', example: 'REFUND_SUCCESS_WEBHOOK' },
    absent: ['enum'],
    change: { kind: 'set', keywords: { enum: ['REFUND_STATUS_WEBHOOK'] } },
    summary:
      'RefundWebhook `type` is REFUND_STATUS_WEBHOOK (the contract’s example says REFUND_SUCCESS_WEBHOOK).',
    why: 'Cashfree sends one refund event type for every refund status; REFUND_SUCCESS_WEBHOOK does not exist.',
    source: REFUND_WEBHOOK_DOCS,
  },
  {
    target: `${schema('RefundEntity')}/properties/entity`,
    original: { enum: ['refund'], type: 'string' },
    change: { kind: 'set', keywords: { enum: ['refund', 'Refund'] } },
    summary: 'A refund’s `entity` is "refund" in API answers and "Refund" in REFUND_STATUS_WEBHOOK.',
    why: 'RefundWebhook reuses RefundEntity, but the webhook spells the entity with a capital R.',
    source: `${REFUND_WEBHOOK_DOCS} (entity: "Refund").`,
  },
  {
    target: `${schema('SettlementWebhook')}/properties/type`,
    original: { type: 'string', example: 'PAYMENT_SUCCESS_WEBHOOK' },
    absent: ['enum'],
    change: {
      kind: 'set',
      keywords: {
        enum: ['SETTLEMENT_INITIATED', 'SETTLEMENT_SUCCESS', 'SETTLEMENT_FAILED', 'SETTLEMENT_REVERSED'],
      },
    },
    summary:
      'SettlementWebhook `type` is SETTLEMENT_INITIATED, _SUCCESS, _FAILED or _REVERSED (the contract’s example says PAYMENT_SUCCESS_WEBHOOK).',
    why: 'The example is copied from the payment webhook; these are the documented settlement events.',
    source: SETTLEMENT_WEBHOOK_DOCS,
  },
  {
    target: `${schema('SettlementWebhookDataEntity')}/properties/settlement`,
    original: { allOf: [{ $ref: ref('SettlementEntity') }] },
    change: {
      kind: 'replace',
      value: {
        type: 'object',
        required: ['settlement_id', 'status', 'amount_settled'],
        properties: {
          adjustment: { type: 'number' },
          amount_settled: { type: 'number' },
          payment_amount: { type: 'number' },
          payment_from: { type: 'string' },
          payment_till: { type: 'string' },
          reason: { type: 'string', nullable: true },
          service_charge: { type: 'number' },
          service_tax: { type: 'number' },
          settled_on: { type: 'string', nullable: true },
          settlement_amount: { type: 'number' },
          settlement_charge: { type: 'number' },
          settlement_id: { type: 'integer' },
          settlement_initiated_on: { type: 'string' },
          settlement_tax: { type: 'number' },
          settlement_type: { type: 'string' },
          status: { type: 'string' },
          utr: { type: 'string', nullable: true },
        },
      },
    },
    summary:
      'A settlement webhook’s `data.settlement` is the settlement (amount_settled, utr, settled_on, …), not a payment’s SettlementEntity.',
    why: 'The contract reuses the per-payment SettlementEntity, which shares almost no fields with what Cashfree sends, so any payload passed unchecked.',
    source: `${SETTLEMENT_WEBHOOK_DOCS} (payload fields; settled_on and utr are empty until the transfer).`,
  },
  {
    target: '/components/callbacks/PaymentWebhook/object Object',
    original: { description: 'payment webhook object' },
    change: { kind: 'rename', to: PAYMENT_CALLBACK_EXPRESSION },
    summary:
      'The PaymentWebhook callback of `POST /orders` is keyed by `{$request.body#/order_meta/notify_url}`.',
    why: 'Its key is the string "object Object" (a serialised JavaScript object), not the runtime expression OpenAPI requires.',
    source:
      'OpenAPI 3.0.0 §4.7.17 (Callback Object keys are runtime expressions); Cashfree delivers payment webhooks to the order’s order_meta.notify_url (https://cashfree.com/docs/payments/online/webhooks/overview).',
  },

  // --- Statuses the contract lists only in prose ------------------------------------------------
  {
    target: `${schema('OrderEntity')}/properties/order_status`,
    original: { type: 'string' },
    absent: ['enum'],
    change: {
      kind: 'set',
      keywords: { enum: ['ACTIVE', 'PAID', 'EXPIRED', 'TERMINATED', 'TERMINATION_REQUESTED'] },
    },
    summary: '`order_status` must be one of ACTIVE, PAID, EXPIRED, TERMINATED, TERMINATION_REQUESTED.',
    why: 'The contract lists the values in the description only, so any string would pass; the enum makes a wrong status fail.',
    source: 'The contract itself: OrderEntity.order_status.description.',
  },
  {
    target: `${schema('LinkEntity')}/properties/link_status`,
    original: { type: 'string' },
    absent: ['enum'],
    change: { kind: 'set', keywords: { enum: ['ACTIVE', 'PAID', 'PARTIALLY_PAID', 'EXPIRED', 'CANCELLED'] } },
    summary: '`link_status` must be one of ACTIVE, PAID, PARTIALLY_PAID, EXPIRED, CANCELLED.',
    why: 'The contract gives `link_status` no values at all, so any string would pass.',
    source:
      'https://cashfree.com/docs/payments/no-code/payment-link (link lifecycle) and the payment-link webhook docs.',
  },

  {
    target: '/paths/~1subscriptions~1eligibility~1payment_methods/post/responses/200',
    original: { description: 'Subscrition eligibility API 200 response' },
    absent: ['headers'],
    change: {
      kind: 'set',
      keywords: {
        headers: Object.fromEntries(
          [
            'x-api-version',
            'x-ratelimit-limit',
            'x-ratelimit-remaining',
            'x-ratelimit-retry',
            'x-ratelimit-type',
            'x-request-id',
          ].map((name) => [name, { $ref: `#/components/headers/${name}` }]),
        ),
      },
    },
    summary:
      'The subscription eligibility 200 carries `x-api-version`, `x-ratelimit-*` and `x-request-id` like every other answer.',
    why: 'It is the one 200 of the contract that declares no headers; they come from Cashfree’s gateway, not the operation, so the sandbox sends them on every answer.',
    source:
      'The contract itself: every other operation’s 200 (SubsFetchSubscription’s among them) declares these six headers by the same $refs.',
  },

  // --- Wrong shapes ---------------------------------------------------------------------------
  {
    target: '/paths/~1settlements/post/responses/200/content/application~1json/schema',
    original: { $ref: '#/components/schemas/SettlementEntity' },
    change: {
      kind: 'replace',
      value: {
        type: 'object',
        properties: {
          cursor: { type: 'string', nullable: true },
          limit: { type: 'integer' },
          data: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                cf_settlement_id: { type: 'string' },
                status: {
                  type: 'string',
                  enum: ['SUCCESS', 'PENDING', 'PENDING_WITH_CASHFREE', 'PENDING_WITH_BANK', 'FAILED'],
                },
                status_description: { type: 'string' },
                settlement_utr: { type: 'string', nullable: true },
                payment_from: { type: 'string' },
                payment_till: { type: 'string' },
                settlement_initiated_on: { type: 'string' },
                settlement_processed_on: { type: 'string', nullable: true },
                payment_amount: { type: 'number' },
                pg_service_charge: { type: 'number' },
                pg_service_tax: { type: 'number' },
                adjustment: { type: 'number' },
                settlement_charge: { type: 'number' },
                settlement_tax: { type: 'number' },
                split_service_charge: { type: 'number' },
                split_service_tax: { type: 'number' },
                vendor_commission: { type: 'number' },
                amount_settled: { type: 'number' },
                charge_type: {
                  type: 'string',
                  enum: ['PREPAID', 'POSTPAID', 'SURCHARGE', 'PREPAID_SURCHARGE', 'POSTPAID_SURCHARGE'],
                },
                settlement_type: { type: 'string' },
              },
              required: ['cf_settlement_id', 'status', 'amount_settled'],
            },
          },
        },
        required: ['data'],
      },
    },
    summary:
      '`POST /settlements` answers a page `{cursor, limit, data[]}` of settlements, not one SettlementEntity.',
    why: 'The API is paginated (its request takes `pagination.cursor`); typed as one SettlementEntity, any page would pass unchecked.',
    source: `${OFFICIAL_SDK}: PGFetchSettlements returns GetAllSettlementsResponse {cursor, data: GetAllSettlementsResponseDataInner[], limit}; https://www.cashfree.com/docs/api-reference/payments/latest/settlement-reconciliation/get-all-settlements.`,
  },
  {
    target: `${schema('SettlementReconEntity')}/properties/cursor`,
    original: { type: 'string' },
    absent: ['nullable'],
    change: { kind: 'nullable' },
    summary: 'The recon page’s `cursor` is `null` on the last page.',
    why: 'There is no next page to point at; the request side already says the first page is asked for with `null`.',
    source: `${OFFICIAL_SDK}: GetAllSettlementsResponse.cursor is "Null if there are no more settlements"; the contract's ESOrderReconSuccessResponse example has cursor: null.`,
  },
  {
    target: schema('PaymentEntity_payment_method'),
    original: { oneOf: PAYMENT_METHOD_BRANCHES.map(([name]) => ({ $ref: ref(name) })) },
    change: {
      kind: 'replace',
      value: {
        oneOf: PAYMENT_METHOD_BRANCHES.map(([name, key]) => ({
          allOf: [{ $ref: ref(name) }],
          required: [key],
        })),
      },
    },
    summary: 'Each branch of a payment’s `payment_method` `oneOf` requires its own key (`card`, `upi`, …).',
    why: 'No branch requires anything, so `{"upi": {…}}` matches several branches and `oneOf` rejects every real payment.',
    source: "The contract's own payments_entity_list_example fails the oneOf as written (checked by ajv).",
  },
  {
    target: schema('CreateSubscriptionPaymentRequest_payment_method'),
    original: {
      oneOf: SUBSCRIPTION_PAYMENT_METHOD_BRANCHES.map(([name]) => ({ $ref: ref(name) })),
    },
    change: {
      kind: 'replace',
      value: {
        type: 'object',
        oneOf: SUBSCRIPTION_PAYMENT_METHOD_BRANCHES.map(([name, key]) => ({
          type: 'object',
          required: [key],
          properties: { [key]: { $ref: ref(name) } },
        })),
      },
    },
    summary:
      'A subscription payment’s `payment_method` is one key (`upi`, `enach`, `pnach`, `card`) holding that method’s fields.',
    why: 'The branches are the methods’ inner objects and require nothing, so every body matches all four and `oneOf` rejects every AUTH and CHARGE, the contract’s own examples included.',
    source:
      "The contract's create_subscription_auth (`{enach: {…}}`) and create_subscription_charge (`{upi: {…}}`) examples, which fail the oneOf as written (checked by ajv).",
  },
  ...(
    [
      [
        'PaymentMethodNetBankingInPaymentsEntity',
        'netbanking',
        ['channel', 'netbanking_bank_code', 'netbanking_bank_name'],
      ],
      ['PaymentMethodUPIInPaymentsEntity', 'upi', ['channel']],
    ] as const
  ).map(
    ([name, key, required]): OverlayEntry => ({
      target: schema(name),
      original: { required: [...required] },
      change: { kind: 'remove', keywords: ['required'] },
      summary: `A ${key} payment method does not need ${required.map((r) => `\`${r}\``).join(', ')} beside its \`${key}\` key.`,
      why: `The \`required\` list names fields of the nested \`${key}\` object at the wrong level, so no real ${key} payment can match.`,
      source: `The contract itself: ${name}'s only property is \`${key}\`, whose schema (${name}_${key}) has those fields; the contract's payments_entity_list_example fails as written.`,
    }),
  ),

  // --- Fields Cashfree sends as null, which the contract types without null -----------------------
  {
    target: schema('OrderEntity'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: ['order_note', 'order_tags', 'cart_details', 'terminal_data', 'products'],
    },
    summary:
      'OrderEntity: `order_note`, `order_tags`, `cart_details`, `terminal_data`, `products` may be null.',
    why: 'Cashfree sends null for fields the order was created without.',
    source: `The contract's order_entity_list_example (terminal_data: null); ${PAYMENT_WEBHOOK_DOCS} (order_tags: null); ${NULLS_NOTE}.`,
  },
  {
    target: schema('OrderMeta'),
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['return_url', 'notify_url'] },
    summary: 'OrderMeta: `return_url` and `notify_url` may be null (`payment_methods` already may).',
    why: 'Cashfree answers null for the order_meta fields the order was created without.',
    source: `The contract itself marks OrderMeta.payment_methods nullable, and its PaymentMethodsFilters example has payment_methods: null; ${NULLS_NOTE}.`,
  },
  {
    target: schema('CustomerDetailsResponse'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: [
        'customer_email',
        'customer_name',
        'customer_bank_account_number',
        'customer_bank_ifsc',
        'customer_bank_code',
        'customer_uid',
      ],
    },
    summary: 'CustomerDetailsResponse: the optional customer fields may be null.',
    why: 'Only customer_id and customer_phone are required when creating an order; the rest come back null when not given.',
    source: `${PAYMENT_WEBHOOK_DOCS} (customer_details.customer_name: null); ${NULLS_NOTE}.`,
  },
  {
    target: schema('ExtendedCustomerDetails'),
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['customer_email', 'customer_name', 'customer_uid'] },
    summary: 'ExtendedCustomerDetails (GET /orders/{id}/extended): the optional customer fields may be null.',
    why: 'As for CustomerDetailsResponse: fields the order was created without.',
    source: `${PAYMENT_WEBHOOK_DOCS} (customer_name: null); ${NULLS_NOTE}.`,
  },
  {
    target: schema('OrderExtendedDataEntity'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: ['charges', 'shipping_address', 'billing_address', 'cart', 'offer'],
    },
    summary:
      'OrderExtendedDataEntity: `charges`, `shipping_address`, `billing_address`, `cart`, `offer` may be null.',
    why: 'An order created without cart details or an offer has none of these.',
    source: NULLS_NOTE,
  },
  {
    target: schema('ExtendedCartDetails'),
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['name'] },
    summary: 'ExtendedCartDetails: the cart `name` may be null.',
    why: 'An order created without `cart_details.cart_name` has a cart without a name.',
    source: NULLS_NOTE,
  },
  {
    target: schema('OrderPayData'),
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['url', 'payload', 'content_type', 'method'] },
    summary: 'Order Pay `data`: `url`, `payload`, `content_type`, `method` may be null.',
    why: 'A UPI collect or OTP-in-API payment has nothing to redirect to or post.',
    source:
      "The contract's CreateSubscriptionPaymentResponse example (the same `data` object with payload, content_type and method null).",
  },
  {
    target: schema('PaymentEntity'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: [
        'payment_completion_time',
        'bank_reference',
        'auth_id',
        'error_details',
        'authorization',
        'payment_surcharge',
      ],
    },
    summary:
      'PaymentEntity: `payment_completion_time`, `bank_reference`, `auth_id`, `error_details`, `authorization`, `payment_surcharge` may be null.',
    why: 'A pending payment has not completed, a successful one has no error, most have no pre-authorisation or surcharge.',
    source: `The contract's payments_entity_list_example (error_details: null, authorization: null); ${PAYMENT_WEBHOOK_DOCS} (auth_id: null, payment_surcharge: null).`,
  },
  {
    target: schema('ErrorDetailsInPaymentsEntity'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: ['error_code_raw', 'error_description_raw', 'error_subcode_raw'],
    },
    summary: 'A payment’s `error_details`: the `*_raw` fields (the bank’s own codes) may be null.',
    why: 'Not every failure carries a raw bank code; the contract’s own failed-payment examples leave them out.',
    source: `${PAYMENT_WEBHOOK_DOCS}; ${NULLS_NOTE}.`,
  },
  {
    target: schema('PaymentGatewayDetails'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: ['gateway_order_reference_id', 'gateway_status_code', 'gateway_reference_name'],
    },
    summary:
      'PaymentGatewayDetails: `gateway_order_reference_id`, `gateway_status_code`, `gateway_reference_name` may be null.',
    why: 'Cashfree’s own gateway does not fill them.',
    source: `${PAYMENT_WEBHOOK_DOCS} (payment_gateway_details.gateway_status_code: null).`,
  },
  {
    target: schema('PaymentMethodCardInPaymentsEntity_card'),
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['card_network_reference_id', 'instrument_id'] },
    summary: 'A card payment’s `card_network_reference_id` and `instrument_id` may be null.',
    why: 'They exist only for saved cards and network-token transactions.',
    source: `${PAYMENT_WEBHOOK_DOCS} (card fields null where not applicable); ${NULLS_NOTE}.`,
  },
  {
    target: schema('PaymentMethodUPIInPaymentsEntity_upi'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: ['upi_id', 'upi_payer_ifsc', 'upi_payer_account_number'],
    },
    summary: 'A UPI payment’s `upi_id`, `upi_payer_ifsc`, `upi_payer_account_number` may be null.',
    why: 'An intent or QR payment has no VPA until the payer’s app reports one.',
    source: `${PAYMENT_WEBHOOK_DOCS} (upi_id: null); ${NULLS_NOTE}.`,
  },
  {
    target: schema('PaymentMethodNetBankingInPaymentsEntity_netbanking'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: ['channel', 'netbanking_ifsc', 'netbanking_account_number'],
    },
    summary: 'A netbanking payment’s `channel`, `netbanking_ifsc`, `netbanking_account_number` may be null.',
    why: 'The payer’s account is known only for TPV orders.',
    source: `${PAYMENT_WEBHOOK_DOCS} (netbanking.channel: null).`,
  },
  {
    target: schema('RefundEntity'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: [
        'refund_note',
        'refund_arn',
        'metadata',
        'processed_at',
        'forex_conversion_handling_charge',
        'forex_conversion_handling_tax',
        'forex_conversion_rate',
        'charges_currency',
      ],
    },
    summary:
      'RefundEntity: `refund_note`, `refund_arn`, `metadata`, `processed_at` and the forex fields may be null.',
    why: 'A pending refund has no ARN or processing time; domestic refunds have no forex conversion.',
    source:
      "The contract's refunds_entity_example (metadata: null) and SettlementReconEntity example (forex_* and charges_currency: null); https://www.cashfree.com/docs/api-reference/payments/latest/refunds/webhooks (metadata: null).",
  },
  {
    target: schema('RefundSpeed'),
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['processed', 'message'] },
    summary: 'A refund’s `refund_speed.processed` and `.message` may be null.',
    why: 'Until the refund is processed, the speed it was processed at is unknown.',
    source: NULLS_NOTE,
  },
  {
    target: schema('SettlementEntity'),
    original: { type: 'object' },
    change: {
      kind: 'nullable-properties',
      properties: [
        'cf_settlement_id',
        'settlement_id',
        'transfer_id',
        'transfer_time',
        'transfer_utr',
        'forex_conversion_handling_charge',
        'forex_conversion_handling_tax',
        'forex_conversion_rate',
      ],
    },
    summary:
      'SettlementEntity: settlement and transfer ids, time and UTR, and the forex fields, may be null.',
    why: 'A captured payment is in no settlement until its cycle runs; domestic payments have no forex conversion.',
    source:
      "The contract's SplitOrderReconSuccessResponse example (transfer_id, transfer_time, transfer_utr: null) and SettlementReconEntity example (forex_*: null).",
  },
  {
    target: schema('LinkEntity'),
    original: { type: 'object' },
    change: { kind: 'nullable-properties', properties: ['link_minimum_partial_amount'] },
    summary: 'LinkEntity: `link_minimum_partial_amount` may be null.',
    why: 'A link without partial payments has no minimum.',
    source:
      'https://cashfree.com/docs/api-reference/payments/latest/payment-links/webhooks (link_minimum_partial_amount: null).',
  },
  ...(
    [
      ['SettlementReconEntity_data_inner', ['dispute_details', 'refund_details']],
      ['SettlementReconEntity_data_inner_event_details', ['event_remarks']],
      ['SettlementReconEntity_data_inner_order_details', ['order_tags']],
      [
        'SettlementReconEntity_data_inner_customer_details',
        [
          'customer_email',
          'customer_name',
          'customer_bank_account_number',
          'customer_bank_code',
          'customer_bank_ifsc',
        ],
      ],
      [
        'SettlementReconEntity_data_inner_payment_details',
        ['bank_reference', 'forex_conversion_handling_charge', 'forex_conversion_handling_tax'],
      ],
      ['SettlementReconEntity_data_inner_settlement_details', ['settlement_date', 'reason', 'remarks']],
      ['SettlementReconEntity_data_inner_refund_details', ['refund_note', 'refund_processed_at']],
    ] as const
  ).map(
    ([name, properties]): OverlayEntry => ({
      target: schema(name),
      original: { type: 'object' },
      change: { kind: 'nullable-properties', properties: [...properties] },
      summary: `${name.replace('SettlementReconEntity_data_inner', 'Settlement recon entry')}: ${properties.map((p) => `\`${p}\``).join(', ')} may be null.`,
      why: 'A recon entry leaves null what does not apply to its event (no dispute on a payment, no refund on a sale, no bank details without TPV).',
      source:
        "The contract's own SettlementReconEntity example (dispute fields, reason, remarks, order_tags, bank_reference, forex_* and event_remarks null).",
    }),
  ),
];

/** Where a place of the raw contract is after the overlay's renames. */
export function pointerAfterOverlay(pointer: string, entries: readonly OverlayEntry[] = overlay): string {
  let moved = pointer;
  for (const entry of entries) {
    const change = entry.change;
    if (change.kind !== 'rename' || !(moved === entry.target || moved.startsWith(`${entry.target}/`)))
      continue;
    const parent = entry.target.slice(0, entry.target.lastIndexOf('/'));
    moved = `${parent}/${change.to.replaceAll('~', '~0').replaceAll('/', '~1')}${moved.slice(entry.target.length)}`;
  }
  return moved;
}

/** Applies every overlay entry to `document` in place and returns it. */
export function applyOverlay<T>(document: T, entries: readonly OverlayEntry[] = overlay): T {
  for (const entry of entries) applyEntry(document, entry);
  return document;
}

function applyEntry(document: unknown, entry: OverlayEntry): void {
  const { parent, key } = parentOf(document, entry.target);
  const node = valueAt(document, entry.target);
  if (node === undefined) throw new Error(`Overlay target ${entry.target} does not exist in the contract.`);
  const change = entry.change;
  switch (change.kind) {
    case 'nullable':
      parent[key] = nullable(node);
      return;
    case 'nullable-properties': {
      const properties = (node as { properties?: Record<string, unknown> }).properties ?? {};
      for (const name of change.properties) {
        if (!(name in properties))
          throw new Error(`Overlay target ${entry.target} has no property "${name}".`);
        properties[name] = nullable(properties[name]);
      }
      return;
    }
    case 'set':
      parent[key] = { ...(node as object), ...change.keywords };
      return;
    case 'remove': {
      const copy = { ...(node as Record<string, unknown>) };
      for (const keyword of change.keywords) delete copy[keyword];
      parent[key] = copy;
      return;
    }
    case 'replace':
      parent[key] = structuredClone(change.value);
      return;
    case 'rename':
      delete parent[key];
      parent[change.to] = node;
      return;
  }
}

function nullable(schema: unknown): unknown {
  const record = schema as Record<string, unknown>;
  // ajv's `nullable` needs a `type` beside it; a bare $ref or combinator gets an explicit branch.
  if (typeof record['type'] === 'string') return { ...record, nullable: true };
  return { anyOf: [record, { type: 'null' }] };
}
