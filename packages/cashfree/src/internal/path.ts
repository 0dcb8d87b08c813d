import { ValidationError } from '../core/errors.js';
import { describeValue } from './describe.js';

/** `{ order_id: string }` for `/orders/{order_id}`: the parameters a path template names. */
export type PathParams<Template extends string> = Template extends `${string}{${infer Name}}${infer Rest}`
  ? { readonly [Key in Name]: string } & PathParams<Rest>
  : unknown;

/**
 * Fills a path template from the endpoint table: every parameter must be a non-empty string, is
 * percent-encoded, and may not be `.` or `..` (which would walk up the URL to another endpoint). A
 * bad value is reported under the template's own name for it, e.g. `order_id`.
 *
 * @example fillPath('/orders/{order_id}/refunds/{refund_id}', { order_id: 'order_001', refund_id: 'refund 1' }) // '/orders/order_001/refunds/refund%201'
 */
export function fillPath<Template extends string>(template: Template, params: PathParams<Template>): string {
  const values = params as Record<string, unknown>;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeSegment(name, values[name]));
}

function encodeSegment(field: string, value: unknown): string {
  if (typeof value !== 'string') {
    const hint = typeof value === 'number' ? ` Pass it as a string: '${value}'.` : '';
    throw new ValidationError(
      field,
      value,
      `${field} must be a non-empty string; received ${describeValue(value)}.${hint}`,
    );
  }
  if (value.trim() === '') {
    throw new ValidationError(
      field,
      value,
      `${field} must be a non-empty string; received ${describeValue(value)}.`,
    );
  }
  if (value === '.' || value === '..') {
    throw new ValidationError(
      field,
      value,
      `${field} may not be '${value}': it would change which endpoint is called. Pass the real id.`,
    );
  }
  return encodeURIComponent(value);
}
