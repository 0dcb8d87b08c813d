import { type Operation, PRODUCTS, type ProductName } from 'cashfree-kit';
import type { Handler, Hono, MiddlewareHandler } from 'hono';
import type { SandboxContext } from '../context.js';
import type { AppEnv } from './env.js';
import { type HonoPath, honoPath } from './operation-path.js';
import type { GuardedOperation } from './pipeline.js';

/**
 * One emulated operation: its row of the SDK's table and the handler that answers it. The row
 * alone decides where the route is mounted and which checks run before the handler.
 */
export interface OperationRoute {
  readonly operation: Operation;
  readonly handler: (ctx: SandboxContext) => Handler<AppEnv>;
}

/**
 * Pairs an operation's row with its handler; `c.req.param()` is typed from the row's path.
 *
 * @example
 * const routes = [route(OPERATIONS.orders.get, (ctx) => (c) => json(c, orderEntity(findOrder(ctx, c.req.param('order_id')))))];
 */
export function route<O extends Operation>(
  operation: O,
  handler: (ctx: SandboxContext) => Handler<AppEnv, HonoPath<O['path']>>,
): OperationRoute {
  return { operation, handler: handler as OperationRoute['handler'] };
}

/**
 * The checks a request for an operation the sandbox does not emulate passes before its 404:
 * API keys and Cashfree's limit for the APIs its rate-limit page does not list, so an unknown
 * route answers like a known one would to the same caller.
 */
const UNLISTED: GuardedOperation = {
  product: 'pg',
  auth: 'api-keys',
  rateLimit: { bucket: 'other', perMinute: 60, per: 'app_id' },
};

/**
 * Registers each route at its row's method and path under its product's base path
 * (`PRODUCTS.pg.basePath`, `/pg`), behind the row's guard (rate limit, API version, auth,
 * idempotency). Routes are matched in the order given, so a static path (`/orders/sessions`) must
 * come before a pattern that also matches it. Every other path under a base path gets the
 * unlisted-operation guard and then the app's 404.
 */
export function mountOperations(
  app: Hono<AppEnv>,
  ctx: SandboxContext,
  guard: (operation: GuardedOperation) => MiddlewareHandler<AppEnv>,
  routes: readonly OperationRoute[],
): void {
  const basePaths = new Map<string, ProductName>();
  for (const { operation, handler } of routes) {
    const { basePath } = PRODUCTS[operation.product];
    basePaths.set(basePath, operation.product);
    app.on(operation.method, `${basePath}${honoPath(operation)}`, guard(operation), handler(ctx));
  }
  for (const [basePath, product] of basePaths) app.all(`${basePath}/*`, guard({ ...UNLISTED, product }));
}
