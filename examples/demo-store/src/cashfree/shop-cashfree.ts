/**
 * The store's Cashfree client: cashfree-kit configured from the environment, plus a record of
 * every call (method, URL, headers, body, status, response) for the "what happened" panels.
 *
 * The record is built from the SDK's own `onRequest` / `onResponse` hooks, which see the headers
 * that were sent with the credentials already `[REDACTED]`, and from the body and result of each
 * call. An AsyncLocalStorage ties each hook call to the shop call that caused it, so concurrent
 * requests never mix their records.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Cashfree,
  type CreateLinkRequest,
  type CreateOrderRequest,
  type CreateRefundRequest,
  isApiError,
  type LinkEntity,
  type OrderEntity,
  type PaymentEntity,
  type PaymentLinkOrderEntity,
  type RefundEntity,
} from 'cashfree-kit';
import type { ApiCall, ApiCallsTable } from '../db/api-calls.js';

/** Who made a call and what it was about: the panels group calls by `subject`. */
export interface CallContext {
  /** The order id or link id. */
  subject: string;
  subjectKind: 'order' | 'link';
  source: 'shop' | 'return page' | 'admin' | 'webhook';
}

interface Exchange {
  method: string;
  url: string;
  headers: Record<string, string> | null;
  status: number | null;
  durationMs: number | null;
  attempts: number;
}

const encode = encodeURIComponent;

export class ShopCashfree {
  readonly #client: Cashfree;
  readonly #exchange = new AsyncLocalStorage<Exchange>();

  constructor(
    env: Record<string, string | undefined>,
    private readonly calls: ApiCallsTable,
  ) {
    this.#client = Cashfree.fromEnv(env, {
      onRequest: (event) => {
        const exchange = this.#exchange.getStore();
        if (!exchange) return;
        exchange.method = event.method;
        exchange.url = event.url;
        exchange.headers = event.headers;
        exchange.attempts = event.attempt;
      },
      onResponse: (event) => {
        const exchange = this.#exchange.getStore();
        if (!exchange) return;
        exchange.status = event.status;
        exchange.durationMs = Math.round(event.durationMs * 10) / 10;
      },
    });
  }

  /** The API base every call goes to. */
  get baseUrl(): string {
    return this.#client.baseUrl;
  }

  createOrder(context: CallContext, body: CreateOrderRequest): Promise<OrderEntity> {
    return this.#call(context, 'orders.create', 'POST', '/orders', body, (cf) => cf.orders.create(body));
  }

  getOrder(context: CallContext, orderId: string): Promise<OrderEntity> {
    return this.#call(context, 'orders.get', 'GET', `/orders/${encode(orderId)}`, undefined, (cf) =>
      cf.orders.get(orderId),
    );
  }

  listPayments(context: CallContext, orderId: string): Promise<PaymentEntity[]> {
    return this.#call(
      context,
      'payments.list',
      'GET',
      `/orders/${encode(orderId)}/payments`,
      undefined,
      (cf) => cf.payments.list(orderId),
    );
  }

  createRefund(context: CallContext, orderId: string, body: CreateRefundRequest): Promise<RefundEntity> {
    return this.#call(context, 'refunds.create', 'POST', `/orders/${encode(orderId)}/refunds`, body, (cf) =>
      cf.refunds.create(orderId, body),
    );
  }

  createLink(context: CallContext, body: CreateLinkRequest): Promise<LinkEntity> {
    return this.#call(context, 'links.create', 'POST', '/links', body, (cf) => cf.links.create(body));
  }

  getLink(context: CallContext, linkId: string): Promise<LinkEntity> {
    return this.#call(context, 'links.get', 'GET', `/links/${encode(linkId)}`, undefined, (cf) =>
      cf.links.get(linkId),
    );
  }

  linkOrders(context: CallContext, linkId: string): Promise<PaymentLinkOrderEntity[]> {
    return this.#call(context, 'links.orders', 'GET', `/links/${encode(linkId)}/orders`, undefined, (cf) =>
      cf.links.orders(linkId, { status: 'ALL' }),
    );
  }

  async #call<T>(
    context: CallContext,
    operation: string,
    method: string,
    path: string,
    requestBody: unknown,
    run: (client: Cashfree) => Promise<T>,
  ): Promise<T> {
    // What is shown when nothing reaches the wire (a ValidationError stops the call first).
    const exchange: Exchange = {
      method,
      url: `${this.#client.baseUrl}${path}`,
      headers: null,
      status: null,
      durationMs: null,
      attempts: 0,
    };
    const at = Date.now();
    const record = (result: Pick<ApiCall, 'responseBody' | 'error'>) =>
      this.calls.record({
        at,
        ...context,
        operation,
        method: exchange.method,
        url: exchange.url,
        requestHeaders: exchange.headers,
        requestBody,
        status: exchange.status,
        durationMs: exchange.durationMs,
        attempts: exchange.attempts,
        ...result,
      });
    try {
      const result = await this.#exchange.run(exchange, () => run(this.#client));
      record({ responseBody: result, error: null });
      return result;
    } catch (error) {
      const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      record({ responseBody: isApiError(error) ? error.body : undefined, error: failure });
      throw error;
    }
  }
}
