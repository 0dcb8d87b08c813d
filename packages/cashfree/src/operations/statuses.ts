/**
 * The status values Cashfree documents for each entity, as data: the SDK's status types are made
 * from them, and the operation table (and so `docs/endpoints.md`) lists them.
 */

/**
 * The `order_status` values Cashfree documents, in lifecycle order.
 *
 * @example
 * const { order_status } = await cashfree.orders.get('order_001');
 * const documented = (ORDER_STATUSES as readonly string[]).includes(order_status);
 */
export const ORDER_STATUSES = ['ACTIVE', 'PAID', 'EXPIRED', 'TERMINATED', 'TERMINATION_REQUESTED'] as const;

/**
 * The `payment_status` values of a payment.
 *
 * @example
 * const settled = PAYMENT_STATUSES.filter((status) => status !== 'PENDING');
 */
export const PAYMENT_STATUSES = [
  'SUCCESS',
  'NOT_ATTEMPTED',
  'FAILED',
  'USER_DROPPED',
  'VOID',
  'CANCELLED',
  'PENDING',
] as const;

/**
 * The `order_delivery_status.status` values of `PUT /orders/{order_id}/extended`, the contract's
 * enum in its order: from waiting for pickup to delivered, then the ways a shipment goes wrong.
 *
 * @example
 * const { order_delivery_status } = await cashfree.orders.updateExtended('order_001', { order_delivery_status: { status: 'SHIPPED' } });
 * const documented = (ORDER_DELIVERY_STATUSES as readonly string[]).includes(order_delivery_status?.status ?? '');
 */
export const ORDER_DELIVERY_STATUSES = [
  'AWAITING_PICKUP',
  'CANCELLED',
  'SELF_FULFILLED',
  'PICKED_UP',
  'SHIPPED',
  'IN_TRANSIT',
  'DELAY_COURIER_COMPANY_ISSUES',
  'DELAY_INCORRECT_ADDRESS',
  'DELAY_SELLER_ISSUES',
  'REACHED_DESTINATION_HUB',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'POTENTIAL_RTO_DELIVERY_ATTEMPTED',
  'RTO',
  'LOST',
  'DAMAGED',
  'UNTRACKABLE_404',
  'MANUAL_INTERVENTION_BROKEN_URL',
  'ASSOCIATED_WITH_RETURN_PICKUP',
  'UNSERVICEABLE',
] as const;

/**
 * The `refund_status` values of a refund; the contract's prose adds `FAILED` to its enum.
 *
 * @example
 * const open = REFUND_STATUSES.filter((status) => status === 'PENDING' || status === 'ONHOLD');
 */
export const REFUND_STATUSES = ['SUCCESS', 'PENDING', 'CANCELLED', 'ONHOLD', 'FAILED'] as const;

/**
 * The `link_status` values Cashfree documents for a payment link.
 *
 * @example
 * const payable = (status: LinkStatus) => status === LINK_STATUSES[0]; // 'ACTIVE'
 */
export const LINK_STATUSES = ['ACTIVE', 'PAID', 'PARTIALLY_PAID', 'EXPIRED', 'CANCELLED'] as const;

/**
 * The `status` values of a settlement transfer ({@link SettlementSummary}).
 *
 * @example
 * const paidOut = (s: SettlementSummary) => s.status === SETTLEMENT_STATUSES[0]; // 'SUCCESS'
 */
export const SETTLEMENT_STATUSES = [
  'SUCCESS',
  'PENDING',
  'PENDING_WITH_CASHFREE',
  'PENDING_WITH_BANK',
  'FAILED',
] as const;

/**
 * The `authenticate_status` of a card OTP submitted with `orders.authenticate`.
 *
 * @example
 * const { authenticate_status } = await cashfree.orders.authenticate('5114910796410', { otp: '111000', action: 'SUBMIT_OTP' });
 * const accepted = authenticate_status === AUTHENTICATE_STATUSES[0]; // 'SUCCESS'
 */
export const AUTHENTICATE_STATUSES = ['SUCCESS', 'FAILED'] as const;

/**
 * The outcomes `/simulate` can give a payment (`entity_simulation.payment_status`).
 *
 * @example
 * for (const payment_status of SIMULATED_PAYMENT_STATUSES) console.log(payment_status);
 */
export const SIMULATED_PAYMENT_STATUSES = ['SUCCESS', 'FAILED', 'PENDING', 'USER_DROPPED'] as const;

/**
 * The `status` values of a Payouts transfer, in life-cycle order: `RECEIVED` (accepted, not yet
 * final), `APPROVAL_PENDING` (waits for an approval on the dashboard), `PENDING` (with the bank),
 * then the final ones. `SUCCESS` may still become `REVERSED` when the beneficiary's bank returns
 * the money.
 *
 * @example
 * const { status } = await payouts.transfers.get({ transfer_id: 'payout_0001' });
 * const open = status === 'RECEIVED' || status === 'APPROVAL_PENDING' || status === 'PENDING';
 */
export const TRANSFER_STATUSES = [
  'RECEIVED',
  'APPROVAL_PENDING',
  'PENDING',
  'SUCCESS',
  'FAILED',
  'REJECTED',
  'REVERSED',
] as const;

/**
 * The transfer statuses after which nothing but a reversal happens (`SUCCESS` may still turn
 * `REVERSED`): a caller polling a transfer stops at one of these.
 *
 * @example
 * const done = (FINAL_TRANSFER_STATUSES as readonly string[]).includes(transfer.status);
 */
export const FINAL_TRANSFER_STATUSES = ['SUCCESS', 'FAILED', 'REJECTED', 'REVERSED'] as const;

/**
 * The `status_code` values Cashfree is known to send with a transfer's `status`. The list is not
 * closed (Cashfree publishes no full table), so the SDK types `status_code` as any string and lists
 * these for editors and docs.
 *
 * @example
 * const known = (TRANSFER_STATUS_CODES as readonly string[]).includes(transfer.status_code ?? '');
 */
export const TRANSFER_STATUS_CODES = [
  'RECEIVED',
  'APPROVAL_PENDING',
  'VELOCITY_CHECK_FAILED',
  'TRANSFER_LIMIT_BREACH',
  'ANOMALY_DETECTION',
  'PENDING',
  'SENT_TO_BANK',
  'SENT_TO_BENEFICIARY',
  'COMPLETED',
  'IMPS_MODE_FAIL',
  'WAIT_TIME_EXCEEDED',
  'BENE_BANK_DECLINED',
  'INVALID_MODE_FOR_PYID',
  'INSUFFICIENT_BALANCE',
  'INVALID_BENE_ACCOUNT_OR_IFSC',
  'INVALID_BENE_VPA',
  'ACCOUNT_BLOCKED',
  'BENE_BLACKLISTED',
  'SCHEDULED_FOR_NEXT_WORKINGDAY',
  'INVALID_ACCOUNT_FAIL',
  'INVALID_IFSC_FAIL',
] as const;

/**
 * The `status` values of a batch transfer: `RECEIVED` when created, `PENDING` while its transfers
 * are in flight, `PROCESSED` once each is final (then read them), `REJECTED` when Cashfree refused it.
 *
 * @example
 * const { status } = await payouts.batchTransfers.get({ batch_transfer_id: 'batch_0001' });
 * const readItems = status === BATCH_TRANSFER_STATUSES[2]; // 'PROCESSED'
 */
export const BATCH_TRANSFER_STATUSES = ['RECEIVED', 'PENDING', 'PROCESSED', 'REJECTED'] as const;

/**
 * The `beneficiary_status` values of a Payouts beneficiary: `VERIFIED` can be paid; `DELETED` is
 * what `beneficiaries.remove` answers.
 *
 * @example
 * const payable = beneficiary.beneficiary_status === BENEFICIARY_STATUSES[0]; // 'VERIFIED'
 */
export const BENEFICIARY_STATUSES = [
  'VERIFIED',
  'INVALID',
  'INITIATED',
  'CANCELLED',
  'FAILED',
  'DELETED',
] as const;

/**
 * The `plan_status` values Cashfree is known to send: the contract's examples and the webhook
 * payloads show only `ACTIVE` (and `null` on an inline plan); Cashfree publishes no full list.
 *
 * @example
 * const { plan_status } = await cashfree.plans.get('tea_monthly');
 * const usable = plan_status === PLAN_STATUSES[0]; // 'ACTIVE'
 */
export const PLAN_STATUSES = ['ACTIVE'] as const;

/**
 * The `subscription_status` values of a subscription, in life-cycle order: created
 * (`INITIALIZED`), waiting for the bank after the customer's authorisation (e-NACH, UPI), then
 * `ACTIVE`; `ON_HOLD` after a failed charge, `PAUSED` by the merchant, `CUSTOMER_PAUSED` in the
 * UPI app; the final ones: `CANCELLED` (merchant), `CUSTOMER_CANCELLED` (at the bank), `COMPLETED`
 * (last cycle or expiry), `EXPIRED` and `LINK_EXPIRED` (never authorised), `CARD_EXPIRED`.
 *
 * @example
 * const { subscription_status } = await cashfree.subscriptions.get('sub_001');
 * const chargeable = subscription_status === 'ACTIVE';
 */
export const SUBSCRIPTION_STATUSES = [
  'INITIALIZED',
  'BANK_APPROVAL_PENDING',
  'ACTIVE',
  'ON_HOLD',
  'PAUSED',
  'CUSTOMER_PAUSED',
  'CANCELLED',
  'CUSTOMER_CANCELLED',
  'COMPLETED',
  'EXPIRED',
  'LINK_EXPIRED',
  'CARD_EXPIRED',
] as const;

/**
 * The subscription statuses after which nothing more happens: no charge, no `ACTIVATE`.
 *
 * @example
 * const { subscription_status } = await cashfree.subscriptions.get('sub_tea_0001');
 * const over = (FINAL_SUBSCRIPTION_STATUSES as readonly string[]).includes(subscription_status ?? '');
 */
export const FINAL_SUBSCRIPTION_STATUSES = [
  'CANCELLED',
  'CUSTOMER_CANCELLED',
  'COMPLETED',
  'EXPIRED',
  'LINK_EXPIRED',
  'CARD_EXPIRED',
] as const;

/**
 * The `payment_status` values of a subscription payment, the authorisation (`AUTH`) and each charge
 * (`CHARGE`): `INITIALIZED` → `PENDING` → `SUCCESS` or `FAILED`; a charge may be `CANCELLED` by
 * `subscriptions.payments.manage` before it is debited. (Cashfree spells the first `INITIALIZED`
 * in its examples and `INITIALISED` in places of its prose; its API answers the former.)
 *
 * @example
 * const charge = await cashfree.subscriptions.payments.get('sub_001', 'charge_001');
 * const retryable = charge.payment_status === 'FAILED';
 */
export const SUBSCRIPTION_PAYMENT_STATUSES = [
  'INITIALIZED',
  'PENDING',
  'SUCCESS',
  'FAILED',
  'CANCELLED',
] as const;

/**
 * The `authorization_status` of a subscription's mandate (`authorization_details`): the states of
 * its `AUTH` payment, and `ACTIVE` once the mandate is live, as Cashfree's payloads show it.
 *
 * @example
 * const { authorization_details } = await cashfree.subscriptions.get('sub_001');
 * const authorised = authorization_details?.authorization_status === 'ACTIVE';
 */
export const SUBSCRIPTION_AUTHORIZATION_STATUSES = [
  'INITIALIZED',
  'PENDING',
  'SUCCESS',
  'FAILED',
  'ACTIVE',
] as const;

/**
 * The `refund_status` values of a refund on a subscription charge: `INITIATED` when created (the
 * contract's example), then `SUCCESS` or `FAILED`, which `SUBSCRIPTION_REFUND_STATUS` reports.
 *
 * @example
 * const { refund_status } = await cashfree.subscriptions.refunds.get('sub_001', 'refund_001');
 * const done = refund_status !== SUBSCRIPTION_REFUND_STATUSES[0]; // not 'INITIATED'
 */
export const SUBSCRIPTION_REFUND_STATUSES = ['INITIATED', 'SUCCESS', 'FAILED'] as const;
