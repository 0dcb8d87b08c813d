/**
 * cashfree-kit: a typed, zero-dependency client for the Cashfree Payments PG API (`2025-01-01`),
 * built on `fetch`. Validation before the wire, retries with idempotency keys, timeouts, typed
 * errors with the secret key scrubbed out, and no telemetry.
 *
 * @example
 * import { Cashfree } from 'cashfree-kit';
 *
 * const cashfree = Cashfree.fromEnv(); // CASHFREE_APP_ID, CASHFREE_SECRET_KEY, CASHFREE_ENV
 * const order = await cashfree.orders.create({
 *   order_id: 'order_001', order_amount: 499.0, order_currency: 'INR',
 *   customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
 * });
 *
 * @module cashfree-kit
 */

export {
  Cashfree,
  type ClientOptions,
  type Fetch,
  type RequestErrorEvent,
  type RequestEvent,
  type RequestOptions,
  type RequestParts,
  type ResponseEvent,
} from './client.js';
export {
  ERROR_CATALOGUE,
  type ErrorCatalogueEntry,
  type ErrorCatalogueKind,
  explainError,
  explainErrorCode,
} from './core/error-catalogue.js';
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  CashfreeError,
  type CashfreeErrorBody,
  ConflictError,
  ConnectionError,
  IdempotencyError,
  isApiError,
  isAuthenticationError,
  isBadRequestError,
  isCashfreeError,
  isConflictError,
  isConnectionError,
  isIdempotencyError,
  isNotFoundError,
  isRateLimitError,
  isRequestAbortedError,
  isServerError,
  isTimeoutError,
  isValidationError,
  NotFoundError,
  RateLimitError,
  RequestAbortedError,
  type ResponseLike,
  ServerError,
  TimeoutError,
  ValidationError,
} from './core/errors.js';
export { type CursorPage, PagePromise } from './core/pagination.js';
export {
  BASE_URLS,
  DEFAULT_API_VERSION,
  DEFAULT_TIMEOUT_MS,
  describeEnvironmentNames,
  ENVIRONMENT_NAMES,
  type Environment,
  environmentNamed,
} from './environment.js';
export { isLoopbackHost } from './loopback.js';
export {
  formatInr,
  formatInrFromPaise,
  formatRupees,
  paiseToRupees,
  paiseToRupeesNumber,
  rupeesToPaise,
} from './money.js';
export { ELIGIBILITY_METHOD_TYPES } from './operations/eligibility.js';
export { API_HEADERS } from './operations/headers.js';
export {
  COMMON_ERROR_CODES,
  type Effect,
  type Endpoint,
  type Operation,
  type QueryParameter,
} from './operations/operation.js';
export {
  BATCH_TRANSFER_OPERATIONS,
  BENEFICIARY_OPERATIONS,
  PAYOUT_OPERATIONS,
  TRANSFER_OPERATIONS,
} from './operations/payouts.js';
export {
  CREATE_BATCH_TRANSFER_CHECKS,
  CREATE_BENEFICIARY_CHECKS,
  CREATE_TRANSFER_CHECKS,
  TRANSFER_MODES,
  VALIDATE_PAYOUT_CHECKS,
} from './operations/payouts-checks.js';
export { PRODUCTS, type Product, type ProductName } from './operations/products.js';
export {
  AUTHENTICATE_STATUSES,
  BATCH_TRANSFER_STATUSES,
  BENEFICIARY_STATUSES,
  FINAL_SUBSCRIPTION_STATUSES,
  FINAL_TRANSFER_STATUSES,
  LINK_STATUSES,
  ORDER_DELIVERY_STATUSES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  PLAN_STATUSES,
  REFUND_STATUSES,
  SETTLEMENT_STATUSES,
  SIMULATED_PAYMENT_STATUSES,
  SUBSCRIPTION_AUTHORIZATION_STATUSES,
  SUBSCRIPTION_PAYMENT_STATUSES,
  SUBSCRIPTION_REFUND_STATUSES,
  SUBSCRIPTION_STATUSES,
  TRANSFER_STATUS_CODES,
  TRANSFER_STATUSES,
} from './operations/statuses.js';
export {
  PLAN_OPERATIONS,
  SUBSCRIPTION_OPERATIONS,
  SUBSCRIPTION_PAYMENT_OPERATIONS,
  SUBSCRIPTION_REFUND_OPERATIONS,
} from './operations/subscriptions.js';
export {
  CREATE_PLAN_CHECKS,
  CREATE_SUBSCRIPTION_CHECKS,
  CREATE_SUBSCRIPTION_PAYMENT_CHECKS,
  CREATE_SUBSCRIPTION_REFUND_CHECKS,
  MANAGE_SUBSCRIPTION_CHECKS,
  MANAGE_SUBSCRIPTION_PAYMENT_CHECKS,
  PLAN_INTERVAL_TYPES,
  PLAN_TYPES,
  SUBSCRIPTION_ACTIONS,
  SUBSCRIPTION_CHARGE_LEAD_DAYS,
  SUBSCRIPTION_ELIGIBILITY_CHECKS,
  SUBSCRIPTION_PAYMENT_ACTIONS,
  SUBSCRIPTION_PAYMENT_METHODS,
  SUBSCRIPTION_PAYMENT_TYPES,
} from './operations/subscriptions-checks.js';
export { ENDPOINTS, listEndpoints, listOperations, OPERATIONS } from './operations/table.js';
export {
  Eligibility,
  type EligibilityFetchPaymentMethodsRequest,
  type EligibilityMethodType,
  type EligibilityPaymentMethodsEntity,
  type PaymentModeDetails,
} from './resources/eligibility.js';
export {
  type CreateLinkRequest,
  type LinkCustomerDetails,
  type LinkEntity,
  type LinkOrdersParams,
  type LinkStatus,
  Links,
  type PaymentLinkOrderEntity,
} from './resources/links.js';
export type {
  AddressDetails,
  AppPaymentMethod,
  AuthenticatePaymentRequest,
  BanktransferPaymentMethod,
  CardEmiPaymentMethod,
  CardlessEmiPaymentMethod,
  CardPaymentMethod,
  CartAddress,
  CartDetails,
  CreateOrderRequest,
  CustomerDetails,
  DeliveryStatus,
  NetBankingPaymentMethod,
  OrderAuthenticateEntity,
  OrderDeliveryStatus,
  OrderEntity,
  OrderExtendedDataEntity,
  PaylaterPaymentMethod,
  PayOrderEntity,
  PayOrderPaymentMethod,
  PayOrderRequest,
  ShipmentDetails,
  TerminalDetails,
  UpdateOrderExtendedDataEntity,
  UpdateOrderExtendedRequest,
  UpiPaymentMethod,
} from './resources/orders.js';
export { Orders } from './resources/orders.js';
export {
  type PaymentEntity,
  type PaymentMethodDetails,
  type PaymentStatus,
  Payments,
} from './resources/payments.js';
export { Plans } from './resources/plans.js';
export {
  type CreateRefundRequest,
  type RefundEntity,
  type RefundStatus,
  Refunds,
} from './resources/refunds.js';
export {
  type SettlementEntity,
  type SettlementReconItem,
  type SettlementSummary,
  Settlements,
  type SettlementsQuery,
} from './resources/settlements.js';
export type {
  AllowFilter,
  CartItem,
  CustomerDetailsResponse,
  OrderMeta,
  OrderStatus,
  ProductDetails,
  VendorSplit,
} from './resources/shared-types.js';
export {
  type SimulateRequest,
  type SimulationEntity,
  Simulations,
} from './resources/simulations.js';
export { Subscriptions } from './resources/subscriptions.js';
export { SubscriptionPayments } from './resources/subscriptions-payments.js';
export { SubscriptionRefunds } from './resources/subscriptions-refunds.js';
export type {
  CreatePlanRequest,
  CreateSubscriptionPaymentRequest,
  CreateSubscriptionPaymentResponse,
  CreateSubscriptionRefundRequest,
  CreateSubscriptionRequest,
  ManageSubscriptionPaymentRequest,
  ManageSubscriptionRequest,
  PlanEntity,
  PlanIntervalType,
  PlanStatus,
  PlanType,
  SubscriptionAction,
  SubscriptionAuthorization,
  SubscriptionAuthorizationRequest,
  SubscriptionAuthorizationStatus,
  SubscriptionBankDetails,
  SubscriptionCustomerDetails,
  SubscriptionEligibilityMethod,
  SubscriptionEligibilityRequest,
  SubscriptionEligibilityResponse,
  SubscriptionEntity,
  SubscriptionPaymentAction,
  SubscriptionPaymentEntity,
  SubscriptionPaymentMethod,
  SubscriptionPaymentMethodName,
  SubscriptionPaymentSplit,
  SubscriptionPaymentStatus,
  SubscriptionPaymentType,
  SubscriptionPlanDetails,
  SubscriptionRefundEntity,
  SubscriptionRefundStatus,
  SubscriptionStatus,
} from './resources/subscriptions-types.js';
export type { FieldCheck, FieldCondition, FieldRule } from './validation/checks.js';
export {
  validateCreateLinkRequest,
  validateCreateOrderRequest,
  validateCreateRefundRequest,
} from './validation/validators.js';
export { VERSION } from './version.js';
export { isWebhookVerificationError, WebhookVerificationError } from './webhooks/errors.js';
export { WEBHOOK_VERSIONS, type WebhookVersion } from './webhooks/events.js';
