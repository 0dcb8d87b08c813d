import { PRODUCTS, type ProductName } from 'cashfree-kit';
import { SandboxHttpError } from './errors.js';

/**
 * The API version whose request and response shapes the sandbox implements: the PG version the
 * SDK speaks (`PRODUCTS.pg.apiVersion`).
 *
 * @example
 * const headers = { 'x-api-version': IMPLEMENTED_VERSION, 'x-client-id': 'TEST_app', 'x-client-secret': 'secret' };
 */
export const IMPLEMENTED_VERSION: string = PRODUCTS.pg.apiVersion;

/**
 * Versions accepted in `x-api-version` for PG, each answered in the shapes of the nearest
 * implemented version, which is 2025-01-01 for all of them: 2026-01-01 is what cashfree-pg 6.x
 * sends, 2023-08-01 what the Python SDK sends; 2022-09-01 and 2022-01-01 are older published
 * versions (their numeric ids and URL objects are not reproduced). 2021-05-21 (order tokens) is
 * refused.
 *
 * @example
 * ACCEPTED_VERSIONS.has('2023-08-01'); // true: answered in 2025-01-01 shapes
 * ACCEPTED_VERSIONS.has('2021-05-21'); // false: version_invalid
 */
export const ACCEPTED_VERSIONS: ReadonlySet<string> = new Set([
  IMPLEMENTED_VERSION,
  '2026-01-01',
  '2023-08-01',
  '2022-09-01',
  '2022-01-01',
]);

/** The versions accepted for a product: PG's older ones too; any other product only its own. */
function acceptedFor(product: ProductName): ReadonlySet<string> {
  return product === 'pg' ? ACCEPTED_VERSIONS : new Set([PRODUCTS[product].apiVersion]);
}

function help(product: ProductName): string {
  const accepted = acceptedFor(product);
  return `Send the header x-api-version: ${PRODUCTS[product].apiVersion} (accepted: ${[...accepted].join(', ')}).`;
}

/**
 * Checks `x-api-version` against the versions accepted for the operation's product. Cashfree's
 * exact answer to a missing or unknown version is not documented (an open question in the
 * research notes); the sandbox answers 400 `invalid_request_error` with the documented codes
 * `version_missing` / `version_invalid` and a message in Cashfree's field-error wording, naming
 * the header.
 */
export function checkApiVersion(product: ProductName, version: string | undefined): void {
  if (version === undefined || version === '') {
    throw new SandboxHttpError(
      400,
      'version_missing',
      'x-api-version : is missing in the request. Value received: ',
      'invalid_request_error',
      help(product),
    );
  }
  if (!acceptedFor(product).has(version)) {
    throw new SandboxHttpError(
      400,
      'version_invalid',
      `x-api-version : is not a supported API version. Value received: ${version}`,
      'invalid_request_error',
      help(product),
    );
  }
}
