/**
 * The SDK clients the tools call: against the local sandbox (its own keys, its URL; started by
 * the first request sent) when no keys are set, otherwise from the environment exactly as `Cashfree.fromEnv()` and
 * `CashfreePayouts`' `payoutsOptionsFromEnv()` read it. Made once, when a tool first needs one.
 */
import { Cashfree, PRODUCTS, type ProductName } from 'cashfree-kit';
import { CashfreePayouts } from 'cashfree-kit/payouts';
import type { LocalSandbox } from './local-sandbox.js';
import { hasKeys, type Mode } from './mode.js';
import { ToolInputError } from './tools/tool.js';

/** One client per product, made on first use. */
export class Clients {
  readonly #mode: Mode;
  readonly #sandbox: LocalSandbox;
  readonly #made = new Map<ProductName, Promise<object>>();

  constructor(mode: Mode, sandbox: LocalSandbox) {
    this.#mode = mode;
    this.#sandbox = sandbox;
  }

  /** The client of `product`; a ToolInputError naming the variables when its keys are missing. */
  for(product: ProductName): Promise<object> {
    let made = this.#made.get(product);
    if (!made) {
      made = this.#make(product);
      this.#made.set(product, made);
      // A failure (keys missing) is not remembered: the next call tries again.
      made.catch(() => this.#made.delete(product));
    }
    return made;
  }

  /** The PG client. */
  async pg(): Promise<Cashfree> {
    return (await this.for('pg')) as Cashfree;
  }

  async #make(product: ProductName): Promise<object> {
    const { target, env } = this.#mode;
    if (target === 'local') {
      // Made without starting the sandbox: it starts when the client sends its first request.
      const local = await this.#sandbox.clientOptions(PRODUCTS[product].basePath);
      if (product === 'payouts') {
        return new CashfreePayouts({
          clientId: local.appId,
          clientSecret: local.secretKey,
          environment: 'sandbox',
          baseUrl: local.baseUrl,
          fetch: local.fetch,
        });
      }
      return new Cashfree({ ...local, environment: 'sandbox' });
    }
    if (!hasKeys(env, product)) {
      const { idVariable, secretVariable } = PRODUCTS[product].credentials;
      throw new ToolInputError(
        `${PRODUCTS[product].title} needs its own keys: set ${idVariable} and ${secretVariable} in the server's ` +
          'environment and restart it (or set no keys at all to use the local sandbox).',
      );
    }
    if (product === 'payouts') {
      return CashfreePayouts.fromEnv({ ...env });
    }
    return Cashfree.fromEnv({ ...env });
  }
}
