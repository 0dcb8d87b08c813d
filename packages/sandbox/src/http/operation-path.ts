import type { Operation } from 'cashfree-kit';

/** `/orders/:order_id` for `/orders/{order_id}`, as a type, so Hono still types `c.req.param()`. */
export type HonoPath<Template extends string> = Template extends `${infer Head}{${infer Name}}${infer Rest}`
  ? `${Head}:${Name}${HonoPath<Rest>}`
  : Template;

/**
 * The Hono route pattern of an operation of the SDK's table (`OPERATIONS`), below its product's
 * base path, so every route is registered at exactly the method and path the SDK calls and
 * `docs/endpoints.md` documents.
 *
 * @example honoPath(OPERATIONS.orders.get) // '/orders/:order_id'
 */
export function honoPath<O extends Operation>(operation: O): HonoPath<O['path']> {
  return operation.path.replace(/\{([^}]+)\}/g, ':$1') as HonoPath<O['path']>;
}
