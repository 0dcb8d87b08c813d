import type { Endpoint } from 'cashfree-kit';

/** `/orders/:order_id` for `/orders/{order_id}`, as a type, so Hono still types `c.req.param()`. */
export type HonoPath<Template extends string> = Template extends `${infer Head}{${infer Name}}${infer Rest}`
  ? `${Head}:${Name}${HonoPath<Rest>}`
  : Template;

/**
 * The Hono route pattern of an endpoint of the SDK's table (`ENDPOINTS`), so every `/pg` route is
 * registered at exactly the method and path the SDK calls and `docs/endpoints.md` documents.
 *
 * @example r.on(ENDPOINTS.orders.get.method, honoPath(ENDPOINTS.orders.get), handler) // GET /orders/:order_id
 */
export function honoPath<E extends Endpoint>(endpoint: E): HonoPath<E['path']> {
  return endpoint.path.replace(/\{([^}]+)\}/g, ':$1') as HonoPath<E['path']>;
}
