/**
 * Human views of Cashfree resources: the fields a person checks first. `--json` prints everything.
 * Each view takes the SDK's entity type, so a field the SDK renames fails to compile here.
 */
import type {
  EligibilityPaymentMethodsEntity,
  LinkEntity,
  OrderEntity,
  PaymentEntity,
  PaymentLinkOrderEntity,
  RefundEntity,
  SettlementEntity,
  SettlementSummary,
  UpdateOrderExtendedDataEntity,
} from 'cashfree-kit';
import { formatKeyValues, formatRupees, formatTable } from './format.js';

function joined(...parts: unknown[]): string | undefined {
  const present = parts.filter((part) => part !== undefined && part !== null && part !== '');
  return present.length > 0 ? present.map(String).join(' · ') : undefined;
}

/** An order (`OrderEntity`). */
export function orderView(order: OrderEntity): string {
  return formatKeyValues([
    ['order_id', order.order_id],
    ['cf_order_id', order.cf_order_id],
    ['order_status', order.order_status],
    ['order_amount', formatRupees(order.order_amount, order.order_currency)],
    [
      'customer',
      joined(
        order.customer_details?.customer_id,
        order.customer_details?.customer_name,
        order.customer_details?.customer_phone,
        order.customer_details?.customer_email,
      ),
    ],
    ['payment_session_id', order.payment_session_id],
    ['order_expiry_time', order.order_expiry_time],
    ['created_at', order.created_at],
  ]);
}

/** One payment (`PaymentEntity`). */
export function paymentView(payment: PaymentEntity): string {
  return formatKeyValues([
    ['cf_payment_id', payment.cf_payment_id],
    ['order_id', payment.order_id],
    ['payment_status', payment.payment_status],
    ['payment_amount', formatRupees(payment.payment_amount, payment.payment_currency)],
    ['payment_group', payment.payment_group],
    ['payment_message', payment.payment_message],
    ['bank_reference', payment.bank_reference],
    ['error', joined(payment.error_details?.error_code, payment.error_details?.error_description)],
    ['payment_time', payment.payment_time],
  ]);
}

/** A list of payments. */
export function paymentsTable(payments: readonly PaymentEntity[]): string {
  if (payments.length === 0) return 'No payments for this order yet.';
  return formatTable(
    ['CF_PAYMENT_ID', 'STATUS', 'AMOUNT', 'GROUP', 'MESSAGE', 'TIME'],
    payments.map((payment) => [
      payment.cf_payment_id,
      payment.payment_status,
      formatRupees(payment.payment_amount, payment.payment_currency),
      payment.payment_group,
      payment.payment_message,
      payment.payment_time,
    ]),
  );
}

/** One refund (`RefundEntity`). */
export function refundView(refund: RefundEntity): string {
  return formatKeyValues([
    ['refund_id', refund.refund_id],
    ['cf_refund_id', refund.cf_refund_id],
    ['order_id', refund.order_id],
    ['refund_status', refund.refund_status],
    ['refund_amount', formatRupees(refund.refund_amount, refund.refund_currency)],
    ['refund_note', refund.refund_note],
    ['status_description', refund.status_description],
    ['created_at', refund.created_at],
    ['processed_at', refund.processed_at],
  ]);
}

/** A list of refunds. */
export function refundsTable(refunds: readonly RefundEntity[]): string {
  if (refunds.length === 0) return 'No refunds for this order.';
  return formatTable(
    ['REFUND_ID', 'STATUS', 'AMOUNT', 'CREATED_AT'],
    refunds.map((refund) => [
      refund.refund_id,
      refund.refund_status,
      formatRupees(refund.refund_amount, refund.refund_currency),
      refund.created_at,
    ]),
  );
}

/** A payment link (`LinkEntity`). */
export function linkView(link: LinkEntity): string {
  return formatKeyValues([
    ['link_id', link.link_id],
    ['cf_link_id', link.cf_link_id],
    ['link_status', link.link_status],
    ['link_amount', formatRupees(link.link_amount, link.link_currency)],
    ['link_amount_paid', formatRupees(link.link_amount_paid, link.link_currency)],
    ['link_purpose', link.link_purpose],
    ['link_url', link.link_url],
    [
      'customer',
      joined(
        link.customer_details?.customer_name,
        link.customer_details?.customer_phone,
        link.customer_details?.customer_email,
      ),
    ],
    ['link_expiry_time', link.link_expiry_time],
  ]);
}

/** Orders paid through a link. */
export function linkOrdersTable(orders: readonly PaymentLinkOrderEntity[]): string {
  if (orders.length === 0) return 'No orders for this link (with this status filter).';
  return formatTable(
    ['ORDER_ID', 'STATUS', 'AMOUNT', 'CREATED_AT'],
    orders.map((order) => [
      order.order_id,
      order.order_status,
      formatRupees(order.order_amount, order.order_currency),
      order.created_at,
    ]),
  );
}

/** One settlement (`SettlementEntity`). */
export function settlementView(settlement: SettlementEntity): string {
  return formatKeyValues([
    ['cf_settlement_id', settlement.cf_settlement_id],
    ['order_id', settlement.order_id],
    ['cf_payment_id', settlement.cf_payment_id],
    ['order_amount', formatRupees(settlement.order_amount, settlement.settlement_currency)],
    ['service_charge', settlement.service_charge],
    ['service_tax', settlement.service_tax],
    ['settlement_amount', formatRupees(settlement.settlement_amount, settlement.settlement_currency)],
    ['transfer_utr', settlement.transfer_utr],
    ['transfer_time', settlement.transfer_time],
  ]);
}

/** Settlement transfers from `POST /settlements` (`SettlementSummary`): one row per bank transfer. */
export function settlementsTable(settlements: readonly SettlementSummary[]): string {
  if (settlements.length === 0) return 'No settlements in this period.';
  return formatTable(
    ['CF_SETTLEMENT_ID', 'STATUS', 'PAYMENTS', 'CHARGES', 'SETTLED', 'UTR', 'INITIATED_ON'],
    settlements.map((settlement) => [
      settlement.cf_settlement_id,
      settlement.status,
      formatRupees(settlement.payment_amount),
      formatRupees(sumOf(settlement.pg_service_charge, settlement.pg_service_tax)),
      formatRupees(settlement.amount_settled),
      settlement.settlement_utr,
      settlement.settlement_initiated_on,
    ]),
  );
}

/** Adds the numeric ones of `values`; undefined when none is a number. */
function sumOf(...values: unknown[]): number | undefined {
  const numbers = values.filter((value): value is number => typeof value === 'number');
  return numbers.length === 0 ? undefined : Math.round(numbers.reduce((a, b) => a + b, 0) * 100) / 100;
}

/** The answer of the eligibility API: each method type, whether it can pay, and its instruments. */
export function eligibilityTable(methods: readonly EligibilityPaymentMethodsEntity[]): string {
  return formatTable(
    ['payment method', 'eligible', 'instruments'],
    methods.map((method) => {
      const instruments = (method.entity_details?.payment_method_details ?? []).map((d) =>
        d.code === undefined ? d.display : `${d.display} (${d.code})`,
      );
      return [method.entity_value, method.eligibility ? 'yes' : 'no', instruments.join(', ')];
    }),
  );
}

/** What Cashfree holds for an order's shipment after `orders update-extended`. */
export function orderShipmentView(update: UpdateOrderExtendedDataEntity): string {
  return formatKeyValues([
    ['order_id', update.order_id],
    ['cf_order_id', update.cf_order_id],
    ['delivery_status', joined(update.order_delivery_status?.status, update.order_delivery_status?.reason)],
    ...(update.shipment_details ?? []).map(
      (parcel, i) =>
        [
          `shipment ${i + 1}`,
          joined(
            parcel.tracking_company,
            parcel.tracking_numbers.join(', '),
            parcel.tracking_urls.join(', '),
          ),
        ] as const,
    ),
  ]);
}
