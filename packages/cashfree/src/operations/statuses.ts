/**
 * The status values Cashfree documents for each entity, as data: the SDK's status types are made
 * from them, and the endpoint table (and so `docs/endpoints.md`) lists them.
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
 * The outcomes `/simulate` can give a payment (`entity_simulation.payment_status`).
 *
 * @example
 * for (const payment_status of SIMULATED_PAYMENT_STATUSES) console.log(payment_status);
 */
export const SIMULATED_PAYMENT_STATUSES = ['SUCCESS', 'FAILED', 'PENDING', 'USER_DROPPED'] as const;
