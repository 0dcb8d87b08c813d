/**
 * `@cashfree-kit/sandbox`: a stateful, offline emulator of the Cashfree PG API (2025-01-01) —
 * orders, Order Pay with Cashfree's test data, payments, `/simulate`, refunds, payment links and
 * settlements — and of Cashfree Payouts v2 under `/payout` (beneficiaries, transfers, batch
 * transfers, `/validatePayout`, a balance), persisted in SQLite, with a controllable clock and an admin API under `/_sandbox`,
 * signed webhook delivery from a durable outbox (`/_sandbox/webhooks`), hosted checkout pages, a
 * cashfree.js stand-in (`/js/v3/cashfree.js`) and a dashboard (`/_sandbox/`).
 *
 * @example
 * import { startSandbox } from '@cashfree-kit/sandbox';
 * const sandbox = await startSandbox({ port: 0, db: ':memory:' });
 * // point an SDK at `${sandbox.url}/pg` (Payouts: `${sandbox.url}/payout`) with sandbox.appId / sandbox.secretKey
 * await sandbox.close();
 *
 * @module @cashfree-kit/sandbox
 */

export type { WebhookVersion } from 'cashfree-kit';
export { type BannerInput, startBanner } from './banner.js';
export type { ClockOptions } from './clock/sandbox-clock.js';
export type {
  PayoutSettings,
  RateLimitMode,
  SandboxConfig,
  SandboxEvent,
  SandboxEventListener,
} from './context.js';
export { authenticateUrl, linkUrl, paymentPageUrl } from './hosted-urls.js';
export { ACCEPTED_VERSIONS, IMPLEMENTED_VERSION } from './http/api-version.js';
export type { CashfreeErrorBody, CashfreeErrorType } from './http/errors.js';
export {
  DEFAULT_APP_ID,
  DEFAULT_DB_FILE,
  DEFAULT_PAYOUTS_BALANCE,
  DEFAULT_SECRET_KEY,
  DEFAULT_UPI_RESOLVE_DELAY_MS,
  type PayoutOptions,
  type SandboxAppOptions,
  type SandboxOptions,
} from './options.js';
export { servedOperations } from './routes/pg.js';
export { createSandboxApp, type SandboxApp } from './sandbox-app.js';
export { DEFAULT_PORT, PortInUseError, type RunningSandbox, startSandbox } from './server.js';
export { TEST_CARD_OTP } from './state/payment-machine.js';
export type { SqliteDriver } from './store/sqlite/index.js';
export { TEST_CARD_EXPIRY, TEST_CARDS } from './test-instruments/cards.js';
export { TEST_BANK } from './test-instruments/netbanking.js';
export { TEST_VPAS } from './test-instruments/upi.js';
export { TEST_WALLET } from './test-instruments/wallets.js';
export { type SampleEventOptions, sampleWebhookBody } from './webhooks/samples.js';
export {
  CASHFREE_RETRY_DELAYS_MS,
  DEFAULT_WEBHOOK_TIMEOUT_MS,
  FAST_RETRY_DELAYS_MS,
  WEBHOOK_RETRY_TIMESTAMPS,
  type WebhookRetrySchedule,
  type WebhookRetryTimestamp,
} from './webhooks/schedule.js';
export type { DeliveryStatus } from './webhooks/store.js';
export { TRIGGER_TYPES, type TriggerType } from './webhooks/trigger.js';
export type { AttemptView, DeliveryView, EndpointView } from './webhooks/views.js';
