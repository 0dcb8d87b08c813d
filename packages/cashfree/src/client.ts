import type { ClientOptions, RequestOptions, RequestParts } from './core/options.js';
import type { Environment } from './environment.js';
import { clientOptionsFromEnv, resolveClientOptions } from './internal/client-options.js';
import { type ClientInternals, Transport } from './internal/transport.js';
import { Eligibility } from './resources/eligibility.js';
import { Links } from './resources/links.js';
import { Orders } from './resources/orders.js';
import { Payments } from './resources/payments.js';
import { Plans } from './resources/plans.js';
import { Refunds } from './resources/refunds.js';
import { Settlements } from './resources/settlements.js';
import { Simulations } from './resources/simulations.js';
import { Subscriptions } from './resources/subscriptions.js';
import { SubscriptionPayments } from './resources/subscriptions-payments.js';
import { SubscriptionRefunds } from './resources/subscriptions-refunds.js';

export type {
  ClientOptions,
  Fetch,
  RequestErrorEvent,
  RequestEvent,
  RequestOptions,
  RequestParts,
  ResponseEvent,
} from './core/options.js';
export type { ClientInternals } from './internal/transport.js';

/**
 * The Cashfree Payments PG client: typed resources, validation before the wire, retries with
 * idempotency keys, timeouts and typed errors. No telemetry: nothing is sent anywhere but to the
 * base URL.
 *
 * @example
 * const cashfree = new Cashfree({ appId, secretKey, environment: 'sandbox' });
 * const order = await cashfree.orders.create({
 *   order_id: 'order_001', order_amount: 499.0, order_currency: 'INR',
 *   customer_details: { customer_id: 'cust_001', customer_phone: '9876543210' },
 * });
 * @see https://www.cashfree.com/docs/api-reference/payments/latest/orders/create
 */
export class Cashfree {
  /** Create, fetch, terminate and pay orders. */
  readonly orders: Orders;
  /** Payments of an order. */
  readonly payments: Payments;
  /** Refunds of an order. */
  readonly refunds: Refunds;
  /** Payment links. */
  readonly links: Links;
  /** Settlements and settlement reconciliation. */
  readonly settlements: Settlements;
  /** Sandbox payment simulations (`/simulate`). */
  readonly simulations: Simulations;
  /** Which payment methods an amount or order can be paid with. */
  readonly eligibility: Eligibility;
  /** Subscription plans. */
  readonly plans: Plans;
  /** Subscriptions (recurring payments), with their `payments` and `refunds`. */
  readonly subscriptions: Subscriptions;
  /** The authorisation and charges of subscriptions; the same object as `subscriptions.payments`. */
  readonly subscriptionPayments: SubscriptionPayments;
  /** Refunds of subscription charges; the same object as `subscriptions.refunds`. */
  readonly subscriptionRefunds: SubscriptionRefunds;

  /** `sandbox` or `production`. */
  readonly environment: Environment;
  /** The base URL every path is appended to, without a trailing slash. */
  readonly baseUrl: string;
  /** The default `x-api-version`. */
  readonly apiVersion: string;
  /** The default per-attempt timeout in ms. */
  readonly timeoutMs: number;
  /** The default number of retries. */
  readonly maxRetries: number;
  /** The app id (`x-client-id`); not a secret. */
  readonly appId: string;

  // A private field, so the secret it holds never shows in util.inspect, JSON.stringify or a
  // debugger's property list of the client.
  readonly #transport: Transport;

  /**
   * @throws ValidationError for a missing credential, an unknown environment, a bad option, or
   *   when there is no `fetch` to use
   */
  constructor(options: ClientOptions, internals: ClientInternals = {}) {
    const resolved = resolveClientOptions(options);
    this.environment = resolved.environment;
    this.baseUrl = resolved.baseUrl;
    this.apiVersion = resolved.apiVersion;
    this.timeoutMs = resolved.timeoutMs;
    this.maxRetries = resolved.maxRetries;
    this.appId = resolved.appId;
    const transport = new Transport(resolved, internals);
    this.#transport = transport;
    this.orders = new Orders(transport);
    this.payments = new Payments(transport);
    this.refunds = new Refunds(transport);
    this.links = new Links(transport);
    this.settlements = new Settlements(transport);
    this.simulations = new Simulations(transport);
    this.eligibility = new Eligibility(transport);
    this.plans = new Plans(transport);
    this.subscriptionPayments = new SubscriptionPayments(transport);
    this.subscriptionRefunds = new SubscriptionRefunds(transport);
    this.subscriptions = new Subscriptions(transport, this.subscriptionPayments, this.subscriptionRefunds);
  }

  /**
   * A client configured from environment variables: `CASHFREE_APP_ID`, `CASHFREE_SECRET_KEY`,
   * `CASHFREE_ENV` (`TEST`/`sandbox` or `PROD`/`production`, any case; default sandbox) and
   * `CASHFREE_BASE_URL` (optional, e.g. the local sandbox). `options` override the variables.
   *
   * @param env the variables; default `process.env` where it exists
   * @example const cashfree = Cashfree.fromEnv();
   * @throws ValidationError naming the missing or malformed variable
   */
  static fromEnv(
    env?: Record<string, string | undefined>,
    options: Partial<ClientOptions> = {},
    internals: ClientInternals = {},
  ): Cashfree {
    return new Cashfree({ ...clientOptionsFromEnv(env), ...options }, internals);
  }

  /**
   * `GET path`, for an endpoint the resources do not cover yet.
   *
   * @example const order = await cashfree.get<OrderEntity>('/orders/order_001');
   */
  get<T>(path: string, parts: RequestParts = {}, options?: RequestOptions): Promise<T> {
    return this.#transport.get<T>(path, parts, options);
  }

  /**
   * `POST path` with a JSON body and an idempotency key.
   *
   * @example const link = await cashfree.post<LinkEntity>('/links/link_001/cancel');
   */
  post<T>(path: string, parts: RequestParts = {}, options?: RequestOptions): Promise<T> {
    return this.#transport.post<T>(path, parts, options);
  }

  /**
   * `PATCH path` with a JSON body and an idempotency key.
   *
   * @example const order = await cashfree.patch<OrderEntity>('/orders/order_001', { body: { order_status: 'TERMINATED' } });
   */
  patch<T>(path: string, parts: RequestParts = {}, options?: RequestOptions): Promise<T> {
    return this.#transport.patch<T>(path, parts, options);
  }

  /**
   * Sends one logical call, with retries, and returns the parsed JSON body. Every error it throws
   * is a `CashfreeError` with the secret key scrubbed out.
   *
   * @param path a path below the base URL, e.g. `/orders`; build it with encoded parameters
   * @example
   * const id = encodeURIComponent('order_001');
   * const payments = await cashfree.request<PaymentEntity[]>('GET', `/orders/${id}/payments`);
   */
  request<T>(
    method: string,
    path: string,
    parts: RequestParts = {},
    options: RequestOptions = {},
  ): Promise<T> {
    return this.#transport.request<T>(method, path, parts, options);
  }
}
