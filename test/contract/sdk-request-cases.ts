/**
 * One or more calls for every resource method of our SDK, each with the operation it must hit.
 * The inputs use as many optional fields as the contract has for the operation, so the request
 * schemas are exercised beyond their required core. `sdk-requests.test.ts` runs them through a
 * recording fake fetch and checks each request against the contract.
 */
import { TEST_CARD_EXPIRY } from '@cashfree-kit/sandbox';
import type { Cashfree } from 'cashfree-kit';

export interface SdkRequestCase {
  /** `orders.create`: the resource field and method name on the client. */
  method: string;
  name: string;
  /** The operation every request of this call must match, e.g. `POST /orders`. */
  operation: string;
  /** A JSON body the fake fetch answers with (default `{}`). */
  reply?: (index: number) => unknown;
  run: (cashfree: Cashfree) => PromiseLike<unknown>;
}

const inTwoDays = () =>
  new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
const ORDER = 'order_fidelity_001';
const SUBSCRIPTION = 'sub_fidelity_001';
const PAYMENT = '5114910577161';
const SESSION = 'session_a1VXIPJo8kh7IBigVXX8LgTMupQW_cu25FS8KwLwQLOmiHq';
const IDEMPOTENCY_KEY = '3f1b8e3c-6a57-4b8e-9a2b-0d8f1f6f2b11';
const settlementPage = (cursor: string | null) => ({ cursor, limit: 2, data: [{ cf_settlement_id: '1' }] });

const minimalOrder = {
  order_amount: 1,
  order_currency: 'INR',
  customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
};

export const sdkRequestCases: SdkRequestCase[] = [
  {
    method: 'orders.create',
    name: 'only the required fields',
    operation: 'POST /orders',
    run: (cf) => cf.orders.create(minimalOrder),
  },
  {
    method: 'orders.create',
    name: 'every optional field',
    operation: 'POST /orders',
    run: (cf) =>
      cf.orders.create(
        {
          order_id: ORDER,
          order_amount: 499.99,
          order_currency: 'INR',
          customer_details: {
            customer_id: 'cust_001',
            customer_phone: '9876543210',
            customer_email: 'asha@example.com',
            customer_name: 'Asha Rao',
            customer_bank_account_number: '1518121112',
            customer_bank_ifsc: 'XITI0000001',
            customer_bank_code: 3333,
            customer_uid: '54deabb4-ba45-4a60-9e6a-9c016fe7ab10',
          },
          order_meta: {
            return_url: 'https://shop.example.com/return?order_id={order_id}',
            notify_url: 'https://shop.example.com/webhooks/cashfree',
            payment_methods: 'cc,dc,upi',
            payment_methods_filters: {
              methods: { action: 'ALLOW', values: ['card', 'upi'] },
              filters: { card_schemes: { action: 'ALLOW', values: ['visa'] } },
            },
          },
          order_expiry_time: inTwoDays(),
          order_note: 'Two notebooks',
          order_tags: { channel: 'web', campaign: 'diwali' },
          order_splits: [{ vendor_id: 'vendor_1', amount: 100 }],
          cart_details: {
            customer_note: 'Leave at the door',
            shipping_charge: 40,
            cart_name: 'notebooks',
            customer_shipping_address: {
              full_name: 'Asha Rao',
              city: 'Pune',
              pincode: '411001',
              country: 'India',
            },
            cart_items: [
              {
                item_id: 'sku_1',
                item_name: 'Notebook',
                item_original_unit_price: 250,
                item_discounted_unit_price: 229.99,
                item_currency: 'INR',
                item_quantity: 2,
              },
            ],
          },
          terminal: { terminal_type: 'SPOS', terminal_phone_no: '9876543210' },
          products: { one_click_checkout: { enabled: true } },
        },
        { idempotencyKey: IDEMPOTENCY_KEY, requestId: 'req-fidelity-1' },
      ),
  },
  {
    method: 'orders.get',
    name: 'by order id',
    operation: 'GET /orders/{order_id}',
    run: (cf) => cf.orders.get(ORDER),
  },
  {
    method: 'orders.get',
    name: 'an order id that needs no escaping but has - and _',
    operation: 'GET /orders/{order_id}',
    run: (cf) => cf.orders.get('order-2024_07'),
  },
  {
    method: 'orders.terminate',
    name: 'order_status TERMINATED',
    operation: 'PATCH /orders/{order_id}',
    run: (cf) => cf.orders.terminate(ORDER),
  },
  ...(
    [
      [
        'card, post channel (headless OTP)',
        {
          card: {
            channel: 'post',
            card_number: '4111111111111111',
            card_holder_name: 'Asha Rao',
            card_expiry_mm: TEST_CARD_EXPIRY.mm,
            card_expiry_yy: TEST_CARD_EXPIRY.yy,
            card_cvv: '123',
          },
        },
      ],
      [
        'card, saved instrument',
        { card: { channel: 'link', instrument_id: '54deabb4-ba45-4a60-9e6a-9c016fe7ab10', card_cvv: '900' } },
      ],
      ['UPI collect', { upi: { channel: 'collect', upi_id: 'testsuccess@gocash', upi_expiry_minutes: 10 } }],
      ['UPI intent', { upi: { channel: 'link' } }],
      ['UPI QR code', { upi: { channel: 'qrcode' } }],
      ['netbanking by bank code', { netbanking: { channel: 'link', netbanking_bank_code: 3003 } }],
      ['netbanking by bank name', { netbanking: { channel: 'link', netbanking_bank_name: 'TESTR' } }],
      ['wallet app', { app: { channel: 'link', provider: 'phonepe', phone: '9876543210' } }],
      [
        'card EMI',
        {
          emi: {
            channel: 'link',
            card_number: '4111111111111111',
            card_expiry_mm: TEST_CARD_EXPIRY.mm,
            card_expiry_yy: TEST_CARD_EXPIRY.yy,
            card_cvv: '123',
            card_bank_name: 'kotak',
            emi_tenure: 3,
          },
        },
      ],
      ['cardless EMI', { cardless_emi: { channel: 'link', provider: 'flexmoney', phone: '9876543210' } }],
      ['pay later', { paylater: { channel: 'link', provider: 'lazypay', phone: '9876543210' } }],
      ['bank transfer', { banktransfer: { channel: 'link' } }],
    ] as const
  ).map(
    ([name, payment_method]): SdkRequestCase => ({
      method: 'orders.pay',
      name,
      operation: 'POST /orders/sessions',
      run: (cf) =>
        cf.orders.pay({
          payment_session_id: SESSION,
          // The union type is the SDK's; the cases are literal objects of each branch.
          payment_method: payment_method as Parameters<Cashfree['orders']['pay']>[0]['payment_method'],
        }),
    }),
  ),
  {
    method: 'orders.pay',
    name: 'save_instrument and offer_id',
    operation: 'POST /orders/sessions',
    run: (cf) =>
      cf.orders.pay({
        payment_session_id: SESSION,
        payment_method: {
          card: {
            channel: 'link',
            card_number: '4111111111111111',
            card_expiry_mm: TEST_CARD_EXPIRY.mm,
            card_expiry_yy: TEST_CARD_EXPIRY.yy,
            card_cvv: '123',
          },
        },
        save_instrument: true,
        offer_id: 'faa6cc05-d1e2-401c-b0cf-0c9db3ff0f0b',
      }),
  },
  {
    method: 'orders.authenticate',
    name: 'submit OTP',
    operation: 'POST /orders/pay/authenticate/{cf_payment_id}',
    run: (cf) => cf.orders.authenticate(PAYMENT, { otp: '111000', action: 'SUBMIT_OTP' }),
  },
  {
    method: 'orders.authenticate',
    name: 'resend OTP',
    operation: 'POST /orders/pay/authenticate/{cf_payment_id}',
    run: (cf) => cf.orders.authenticate(PAYMENT, { otp: '', action: 'RESEND_OTP' }),
  },
  {
    method: 'orders.getExtended',
    name: 'by order id',
    operation: 'GET /orders/{order_id}/extended',
    run: (cf) => cf.orders.getExtended(ORDER),
  },
  {
    method: 'orders.updateExtended',
    name: 'shipment details only (the contract example order_extended_minimum)',
    operation: 'PUT /orders/{order_id}/extended',
    run: (cf) =>
      cf.orders.updateExtended(ORDER, {
        shipment_details: [
          {
            tracking_company: 'DHL',
            tracking_urls: ['https://dhl.com/track/123456'],
            tracking_numbers: ['TRACK123456'],
          },
        ],
      }),
  },
  {
    method: 'orders.updateExtended',
    name: 'delivery status only (order_extended_delivery_status)',
    operation: 'PUT /orders/{order_id}/extended',
    run: (cf) =>
      cf.orders.updateExtended(ORDER, {
        order_delivery_status: { status: 'CANCELLED', reason: 'wrong address' },
      }),
  },
  {
    method: 'orders.updateExtended',
    name: 'every field, two parcels',
    operation: 'PUT /orders/{order_id}/extended',
    run: (cf) =>
      cf.orders.updateExtended(
        ORDER,
        {
          shipment_details: [
            {
              tracking_company: 'DHL',
              tracking_urls: ['https://dhl.com/track/123456', 'https://dhl.com/track/654321'],
              tracking_numbers: ['TRACK123456', 'TRACK654321'],
            },
            {
              tracking_company: 'Blue Dart',
              tracking_urls: ['https://bluedart.com/t/42'],
              tracking_numbers: ['BD42'],
            },
          ],
          order_delivery_status: { status: 'SHIPPED', reason: 'shipped' },
        },
        { idempotencyKey: IDEMPOTENCY_KEY },
      ),
  },
  {
    method: 'eligibility.paymentMethods',
    name: 'an amount (eligible_all_payment_methods)',
    operation: 'POST /eligibility/payment_methods',
    reply: () => [],
    run: (cf) => cf.eligibility.paymentMethods({ queries: { amount: 100 } }),
  },
  {
    method: 'eligibility.paymentMethods',
    name: 'an order, card types only (eligible_card_payment_methods)',
    operation: 'POST /eligibility/payment_methods',
    reply: () => [],
    run: (cf) =>
      cf.eligibility.paymentMethods({
        queries: { order_id: ORDER },
        filters: { payment_methods: ['debit_card', 'credit_card', 'prepaid_card', 'corporate_credit_card'] },
      }),
  },
  {
    method: 'payments.list',
    name: 'by order id',
    operation: 'GET /orders/{order_id}/payments',
    reply: () => [],
    run: (cf) => cf.payments.list(ORDER),
  },
  {
    method: 'payments.get',
    name: 'by order and payment id',
    operation: 'GET /orders/{order_id}/payments/{cf_payment_id}',
    run: (cf) => cf.payments.get(ORDER, PAYMENT),
  },
  {
    method: 'refunds.create',
    name: 'only the required fields',
    operation: 'POST /orders/{order_id}/refunds',
    run: (cf) => cf.refunds.create(ORDER, { refund_id: 'refund_001', refund_amount: 100 }),
  },
  {
    method: 'refunds.create',
    name: 'every optional field',
    operation: 'POST /orders/{order_id}/refunds',
    run: (cf) =>
      cf.refunds.create(ORDER, {
        refund_id: 'refund_002',
        refund_amount: 99.5,
        refund_note: 'Damaged in transit',
        refund_speed: 'INSTANT',
        refund_splits: [{ vendor_id: 'vendor_1', amount: 10 }],
      }),
  },
  {
    method: 'refunds.get',
    name: 'by merchant refund id',
    operation: 'GET /orders/{order_id}/refunds/{refund_id}',
    run: (cf) => cf.refunds.get(ORDER, 'refund_001'),
  },
  {
    method: 'refunds.list',
    name: 'by order id',
    operation: 'GET /orders/{order_id}/refunds',
    reply: () => [],
    run: (cf) => cf.refunds.list(ORDER),
  },
  {
    method: 'links.create',
    name: 'only the required fields',
    operation: 'POST /links',
    run: (cf) =>
      cf.links.create({
        link_id: 'link_fidelity_001',
        link_amount: 100,
        link_currency: 'INR',
        link_purpose: 'Invoice 42',
        customer_details: { customer_phone: '9876543210' },
      }),
  },
  {
    method: 'links.create',
    name: 'every optional field',
    operation: 'POST /links',
    run: (cf) =>
      cf.links.create({
        link_id: 'link_fidelity_002',
        link_amount: 1500.5,
        link_currency: 'INR',
        link_purpose: 'Invoice 43',
        customer_details: {
          customer_phone: '9876543210',
          customer_email: 'asha@example.com',
          customer_name: 'Asha Rao',
          customer_bank_account_number: '11111111111',
          customer_bank_ifsc: 'SBIN0001882',
          customer_bank_code: 3003,
        },
        link_partial_payments: true,
        link_minimum_partial_amount: 500,
        link_expiry_time: inTwoDays(),
        link_notify: { send_sms: false, send_email: true },
        link_auto_reminders: true,
        link_notes: { invoice: '43' },
        link_meta: {
          notify_url: 'https://shop.example.com/webhooks/cashfree',
          return_url: 'https://shop.example.com/thanks',
          upi_intent: 'false',
          payment_methods: 'upi,cc',
        },
        order_splits: [{ vendor_id: 'vendor_1', amount: 100 }],
      }),
  },
  {
    method: 'links.get',
    name: 'by link id',
    operation: 'GET /links/{link_id}',
    run: (cf) => cf.links.get('link_fidelity_001'),
  },
  {
    method: 'links.cancel',
    name: 'by link id',
    operation: 'POST /links/{link_id}/cancel',
    run: (cf) => cf.links.cancel('link_fidelity_001'),
  },
  {
    method: 'links.orders',
    name: 'default status',
    operation: 'GET /links/{link_id}/orders',
    reply: () => [],
    run: (cf) => cf.links.orders('link_fidelity_001'),
  },
  {
    method: 'links.orders',
    name: 'status ALL',
    operation: 'GET /links/{link_id}/orders',
    reply: () => [],
    run: (cf) => cf.links.orders('link_fidelity_001', { status: 'ALL' }),
  },
  {
    method: 'links.orders',
    name: 'status PAID',
    operation: 'GET /links/{link_id}/orders',
    reply: () => [],
    run: (cf) => cf.links.orders('link_fidelity_001', { status: 'PAID' }),
  },
  {
    method: 'settlements.forOrder',
    name: 'by order id',
    operation: 'GET /orders/{order_id}/settlements',
    run: (cf) => cf.settlements.forOrder(ORDER),
  },
  {
    method: 'settlements.list',
    name: 'first page by date range',
    operation: 'POST /settlements',
    reply: () => settlementPage(null),
    run: (cf) =>
      cf.settlements.list({
        filters: { start_date: '2024-07-20T00:00:00Z', end_date: '2024-07-21T23:59:59Z' },
      }),
  },
  {
    method: 'settlements.list',
    name: 'two pages by settlement ids and UTRs, limit 2',
    operation: 'POST /settlements',
    reply: (index) => settlementPage(index === 0 ? 'cursor-2' : null),
    run: (cf) =>
      cf.settlements
        .list({
          pagination: { limit: 2 },
          filters: { cf_settlement_ids: ['4234233'], settlement_utrs: ['utr1'] },
        })
        .toArray(),
  },
  {
    method: 'settlements.recon',
    name: 'two pages by date range',
    operation: 'POST /settlement/recon',
    reply: (index) => settlementPage(index === 0 ? 'cursor-2' : null),
    run: (cf) =>
      cf.settlements
        .recon({
          pagination: { limit: 2 },
          filters: { start_date: '2024-07-20T00:00:00Z', end_date: '2024-07-21T23:59:59Z' },
        })
        .toArray(),
  },
  {
    method: 'simulations.create',
    name: 'payment success',
    operation: 'POST /simulate',
    run: (cf) =>
      cf.simulations.create({
        entity: 'PAYMENTS',
        entity_id: PAYMENT,
        entity_simulation: { payment_status: 'SUCCESS' },
      }),
  },
  {
    method: 'simulations.create',
    name: 'payment failure with an error code',
    operation: 'POST /simulate',
    run: (cf) =>
      cf.simulations.create({
        entity: 'PAYMENTS',
        entity_id: PAYMENT,
        entity_simulation: { payment_status: 'FAILED', payment_error_code: 'ISSUER_NOT_AVAILABLE' },
      }),
  },
  {
    method: 'simulations.get',
    name: 'by simulation id',
    operation: 'GET /simulate/{simulation_id}',
    run: (cf) => cf.simulations.get('sim_2900842gV18Lhh7owswLj5XF0uHHUn1CX'),
  },
  {
    method: 'plans.create',
    name: 'PERIODIC, every optional field',
    operation: 'POST /plans',
    run: (cf) =>
      cf.plans.create({
        plan_id: 'tea_monthly',
        plan_name: 'Tea of the month',
        plan_type: 'PERIODIC',
        plan_currency: 'INR',
        plan_recurring_amount: 499,
        plan_max_amount: 499,
        plan_max_cycles: 12,
        plan_intervals: 1,
        plan_interval_type: 'MONTH',
        plan_note: 'A tin a month',
      }),
  },
  {
    method: 'plans.create',
    name: 'ON_DEMAND, only the required fields',
    operation: 'POST /plans',
    run: (cf) =>
      cf.plans.create({
        plan_id: 'top_ups',
        plan_name: 'Top-ups',
        plan_type: 'ON_DEMAND',
        plan_max_amount: 2000,
      }),
  },
  {
    method: 'plans.get',
    name: 'by plan id',
    operation: 'GET /plans/{plan_id}',
    run: (cf) => cf.plans.get('tea_monthly'),
  },
  {
    method: 'subscriptions.create',
    name: 'an existing plan, only the required fields',
    operation: 'POST /subscriptions',
    run: (cf) =>
      cf.subscriptions.create({
        subscription_id: SUBSCRIPTION,
        customer_details: { customer_email: 'asha@example.com', customer_phone: '9876543210' },
        plan_details: { plan_id: 'tea_monthly' },
      }),
  },
  {
    method: 'subscriptions.create',
    name: 'an inline plan, every optional field',
    operation: 'POST /subscriptions',
    run: (cf) =>
      cf.subscriptions.create({
        subscription_id: SUBSCRIPTION,
        customer_details: {
          customer_name: 'Asha Rao',
          customer_email: 'asha@example.com',
          customer_phone: '9876543210',
          customer_bank_account_holder_name: 'Asha Rao',
          customer_bank_account_number: '1518121112',
          customer_bank_ifsc: 'ICIC0000001',
          customer_bank_code: 'ICIC',
          customer_bank_account_type: 'SAVINGS',
        },
        plan_details: {
          plan_name: 'Tea of the month',
          plan_type: 'PERIODIC',
          plan_currency: 'INR',
          plan_amount: 499,
          plan_max_amount: 499,
          plan_max_cycles: 12,
          plan_intervals: 1,
          plan_interval_type: 'MONTH',
          plan_note: 'A tin a month',
        },
        authorization_details: {
          authorization_amount: 1,
          authorization_amount_refund: true,
          payment_methods: ['upi', 'enach', 'card'],
        },
        subscription_meta: {
          return_url: 'https://shop.example.com/subscribed',
          notification_channel: ['EMAIL', 'SMS'],
        },
        subscription_expiry_time: inTwoDays(),
        subscription_first_charge_time: inTwoDays(),
        subscription_note: 'Tea of the month',
        subscription_tags: { channel: 'web' },
        subscription_payment_splits: [{ vendor_id: 'tea_estate', percentage: 20 }],
      }),
  },
  {
    method: 'subscriptions.get',
    name: 'by subscription id',
    operation: 'GET /subscriptions/{subscription_id}',
    run: (cf) => cf.subscriptions.get(SUBSCRIPTION),
  },
  ...(['CANCEL', 'PAUSE'] as const).map((action) => ({
    method: 'subscriptions.manage',
    name: action,
    operation: 'POST /subscriptions/{subscription_id}/manage',
    run: (cf: Cashfree) => cf.subscriptions.manage(SUBSCRIPTION, { action }),
  })),
  {
    method: 'subscriptions.manage',
    name: 'ACTIVATE with the next scheduled time',
    operation: 'POST /subscriptions/{subscription_id}/manage',
    run: (cf) =>
      cf.subscriptions.manage(SUBSCRIPTION, {
        action: 'ACTIVATE',
        action_details: { next_scheduled_time: inTwoDays() },
      }),
  },
  {
    method: 'subscriptions.manage',
    name: 'CHANGE_PLAN with the plan id',
    operation: 'POST /subscriptions/{subscription_id}/manage',
    run: (cf) =>
      cf.subscriptions.manage(SUBSCRIPTION, {
        action: 'CHANGE_PLAN',
        action_details: { plan_id: 'tea_yearly' },
      }),
  },
  {
    method: 'subscriptions.eligibility',
    name: 'upi and enach filter (the contract example)',
    operation: 'POST /subscriptions/eligibility/payment_methods',
    run: (cf) =>
      cf.subscriptions.eligibility({
        queries: { subscription_id: SUBSCRIPTION },
        filters: { payment_methods: ['upi', 'enach'] },
      }),
  },
  ...(
    [
      ['upi', { upi: { channel: 'collect', upi_id: 'success@upi' } }],
      [
        'enach',
        {
          enach: {
            channel: 'link',
            auth_mode: 'net_banking',
            account_holder_name: 'Asha Rao',
            account_number: '1518121112',
            account_type: 'SAVINGS',
            account_bank_code: 'ICIC',
          },
        },
      ],
      [
        'pnach',
        {
          pnach: {
            channel: 'post',
            account_holder_name: 'Asha Rao',
            account_number: '1518121112',
            account_ifsc: 'ICIC0000001',
            account_type: 'SAVINGS',
            mandate_creation_date: '2026-12-07',
            mandate_start_date: '2026-12-08',
          },
        },
      ],
      [
        'card',
        {
          card: {
            channel: 'link',
            card_number: '4111111111111111',
            card_holder_name: 'Asha Rao',
            card_expiry_mm: TEST_CARD_EXPIRY.mm,
            card_expiry_yy: TEST_CARD_EXPIRY.yy,
            card_cvv: '123',
          },
        },
      ],
    ] as const
  ).map(([method, payment_method]) => ({
    method: 'subscriptionPayments.create',
    name: `AUTH by ${method}`,
    operation: 'POST /subscriptions/pay',
    run: (cf: Cashfree) =>
      cf.subscriptionPayments.create({
        subscription_id: SUBSCRIPTION,
        subscription_session_id: 'sub_session_Vf5ZOcJTbGkcw4kcpayment',
        payment_id: 'auth_0001',
        payment_type: 'AUTH',
        payment_method,
      }),
  })),
  {
    method: 'subscriptionPayments.create',
    name: 'CHARGE by UPI, scheduled (the contract example)',
    operation: 'POST /subscriptions/pay',
    run: (cf) =>
      cf.subscriptions.payments.create({
        subscription_id: SUBSCRIPTION,
        payment_id: 'charge_0001',
        payment_amount: 499,
        payment_schedule_date: inTwoDays(),
        payment_remarks: 'December tea',
        payment_type: 'CHARGE',
        payment_method: { upi: { upi_id: 'success@upi', channel: 'collect' } },
      }),
  },
  {
    method: 'subscriptionPayments.list',
    name: 'by subscription id',
    operation: 'GET /subscriptions/{subscription_id}/payments',
    run: (cf) => cf.subscriptionPayments.list(SUBSCRIPTION),
  },
  {
    method: 'subscriptionPayments.get',
    name: 'by payment id',
    operation: 'GET /subscriptions/{subscription_id}/payments/{payment_id}',
    run: (cf) => cf.subscriptionPayments.get(SUBSCRIPTION, 'charge_0001'),
  },
  {
    method: 'subscriptionPayments.manage',
    name: 'CANCEL',
    operation: 'POST /subscriptions/{subscription_id}/payments/{payment_id}/manage',
    run: (cf) => cf.subscriptionPayments.manage(SUBSCRIPTION, 'charge_0001', { action: 'CANCEL' }),
  },
  {
    method: 'subscriptionPayments.manage',
    name: 'RETRY with the next scheduled time',
    operation: 'POST /subscriptions/{subscription_id}/payments/{payment_id}/manage',
    run: (cf) =>
      cf.subscriptionPayments.manage(SUBSCRIPTION, 'charge_0001', {
        action: 'RETRY',
        action_details: { next_scheduled_time: inTwoDays() },
      }),
  },
  {
    method: 'subscriptionRefunds.create',
    name: 'every optional field',
    operation: 'POST /subscriptions/{subscription_id}/refunds',
    run: (cf) =>
      cf.subscriptionRefunds.create(SUBSCRIPTION, {
        refund_id: 'refund_0001',
        refund_amount: 100,
        payment_id: 'charge_0001',
        refund_note: 'Damaged tin',
        refund_speed: 'STANDARD',
      }),
  },
  {
    method: 'subscriptionRefunds.get',
    name: 'by refund id',
    operation: 'GET /subscriptions/{subscription_id}/refunds/{refund_id}',
    run: (cf) => cf.subscriptionRefunds.get(SUBSCRIPTION, 'refund_0001'),
  },
];
