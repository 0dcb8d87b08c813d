import { NotFoundError } from '../core/errors.js';
import type { RequestOptions, RequestParts } from '../core/options.js';
import { retryDelayMs, sleep } from '../internal/retry.js';
import type { ClientInternals } from '../internal/transport.js';
import type { Operation } from '../operations/operation.js';
import { ApiResource } from '../resources/resource.js';
import type { FieldCheck } from '../validation/checks.js';
import { checkFields } from '../validation/checks.js';
import { reject, requireObject } from '../validation/rules.js';
import { SIGNATURE_HEADER } from './signature.js';

/** What every Payouts resource shares besides the transport: the 2FA signer and the retry seams. */
export interface PayoutsContext {
  /** Makes a fresh `x-cf-signature`, when the client has a 2FA public key. */
  sign: (() => Promise<string>) | undefined;
  maxRetries: number;
  internals: ClientInternals;
}

/**
 * The base of the Payouts resources: each call goes to its row's method and path (below the
 * Payouts base URL) after the row's checks, through the PG client's transport, with
 * `x-cf-signature` added when 2FA is on.
 */
export abstract class PayoutsResource extends ApiResource {
  declare protected readonly context: PayoutsContext;

  constructor(transport: ConstructorParameters<typeof ApiResource>[0], context: PayoutsContext) {
    super(transport);
    Object.defineProperty(this, 'context', { value: context, enumerable: false });
  }

  /** Sends `operation` (whose path has no parameters) with `parts`, signed when 2FA is on. */
  protected async call<T>(
    operation: Operation,
    parts: Omit<RequestParts, 'validate'>,
    options: RequestOptions | undefined,
  ): Promise<T> {
    const signature = this.context.sign ? await this.context.sign() : undefined;
    const signed: RequestOptions | undefined = signature
      ? { ...options, headers: { ...options?.headers, [SIGNATURE_HEADER]: signature } }
      : options;
    return this.send<T, Operation>(operation, {}, parts, signed);
  }

  /**
   * A lookup by one identifier: `undefined` when Cashfree answers `notFoundCode` (the id does not
   * exist), the entity when it does; any other failure is thrown.
   */
  protected async find<T>(
    operation: Operation,
    query: Record<string, string>,
    notFoundCode: string,
    options: RequestOptions | undefined,
  ): Promise<T | undefined> {
    try {
      return await this.call<T>(operation, { query }, options);
    } catch (error) {
      if (error instanceof NotFoundError && error.code === notFoundCode) return undefined;
      throw error;
    }
  }

  /** Waits before a create is sent again; false when the server asks for too long a wait. */
  protected async waitToResend(attempt: number, failure: unknown, signal?: AbortSignal): Promise<boolean> {
    const headers = (failure as { headers?: Record<string, string> }).headers ?? {};
    const delay = retryDelayMs(attempt, headers, this.context.internals.random ?? Math.random);
    if (delay === undefined) return false;
    await (this.context.internals.sleep ?? sleep)(delay, signal);
    return true;
  }
}

/**
 * Checks a lookup's query: exactly one of the identifier sets in `forms` must be given whole, each
 * value by its check. Throws a `ValidationError` naming the field and the fix.
 */
export function checkLookup(
  root: string,
  query: unknown,
  forms: readonly (readonly string[])[],
  checks: Readonly<Record<string, FieldCheck>>,
): Record<string, string> {
  const given = requireObject(root, query);
  const present = Object.keys(given).filter((key) => given[key] != null);
  const form = forms.find(
    (fields) => fields.length === present.length && fields.every((f) => present.includes(f)),
  );
  if (!form) {
    const described = forms.map((fields) => `{ ${fields.join(', ')} }`).join(' or ');
    reject(
      root,
      present.join(', ') || 'no identifier',
      `must give exactly ${described}`,
      `Pass e.g. ${described.split(' or ')[0]}.`,
    );
  }
  const rules = form.flatMap((field) => {
    const check = checks[field];
    return check ? [{ field, required: true, check }] : [];
  });
  checkFields(root, given, rules);
  return Object.fromEntries(form.map((field) => [field, String(given[field])]));
}
