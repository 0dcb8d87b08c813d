/**
 * Where Cashfree's Payouts contract (2024-01-01) is wrong or silent, this overlay says what we
 * validate instead, in the same shape as the PG overlay (`overlay.ts`): one place in the contract
 * per entry, what it says there today (checked by payouts-overlay.test.ts, so a fixed contract makes
 * the entry fail as stale), the change, why, and the source. Where the contract's schema and its
 * own examples disagree, the examples win: they are what Cashfree's servers send.
 */
import type { OverlayEntry } from './overlay.js';

const FACTS = 'shared/reference/payouts-v2-facts.md';
const TRANSFER = '/components/schemas/CreateTransferResponse';
const ERROR_BODY = {
  description: 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorV2' } } },
};
/**
 * Cashfree documents no v2 401 body at all; the facts recommend ErrorV2's three fields with type
 * `authentication_error`. The sandbox's 401 also carries `help`, naming the credential variables
 * to check, as its PG errors do (PG's error schema has `help`).
 */
const UNAUTHORIZED_BODY = {
  description: 'Wrong or missing client id and secret',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['type', 'code', 'message'],
        properties: {
          type: { type: 'string', enum: ['authentication_error'] },
          code: { type: 'string' },
          message: { type: 'string' },
          help: { type: 'string' },
        },
      },
    },
  },
};

/** The v2 operations, as `paths` keys and methods, with the error statuses the contract leaves out. */
const UNDECLARED_STATUSES: readonly {
  path: string;
  method: string;
  statuses: Record<string, string>;
  why: string;
  source: string;
}[] = [
  {
    path: '/transfers',
    method: 'post',
    statuses: {
      '401': 'wrong or missing client id and secret',
      '409': 'a transfer_id that was used before (`transfer_id_already_exists`)',
    },
    why: 'The contract declares no 401 for any v2 operation, although every call is authenticated with x-client-id and x-client-secret; and it is silent on a reused transfer_id, which Cashfree refuses (v1 answered 409 "Transfer Id already exists"), the refusal that makes transfer_id the idempotency key.',
    source: `${FACTS} §1.2 (auth failure shapes), §4.4 (duplicate transfer_id), §5; https://www.cashfree.com/docs/api-reference/payouts/v2/transfers-v2/standard-transfer-v2 ("do not initiate another transaction").`,
  },
  {
    path: '/transfers',
    method: 'get',
    statuses: {
      '400': 'neither transfer_id nor cf_transfer_id given',
      '401': 'wrong or missing client id and secret',
    },
    why: 'The contract says one of transfer_id or cf_transfer_id is mandatory but declares no 400 for a request with neither, and no 401.',
    source: `${FACTS} §4.5 ("Missing-both error code undocumented"), §5.`,
  },
  {
    path: '/transfers/batch',
    method: 'post',
    statuses: { '401': 'wrong or missing client id and secret' },
    why: 'No v2 operation declares 401, although every call is authenticated.',
    source: `${FACTS} §1.2, §5.`,
  },
  {
    path: '/transfers/batch',
    method: 'get',
    statuses: {
      '400': 'neither batch_transfer_id nor cf_batch_transfer_id given',
      '401': 'wrong or missing client id and secret',
    },
    why: 'Either batch id is needed, yet no 400 is declared for a request with neither; and no 401.',
    source: `${FACTS} §4.7, §5.`,
  },
  {
    path: '/beneficiary',
    method: 'post',
    statuses: { '401': 'wrong or missing client id and secret' },
    why: 'No v2 operation declares 401, although every call is authenticated.',
    source: `${FACTS} §1.2, §5.`,
  },
  {
    path: '/beneficiary',
    method: 'get',
    statuses: { '401': 'wrong or missing client id and secret' },
    why: 'No v2 operation declares 401, although every call is authenticated.',
    source: `${FACTS} §1.2, §5.`,
  },
  {
    path: '/beneficiary',
    method: 'delete',
    statuses: { '401': 'wrong or missing client id and secret' },
    why: 'No v2 operation declares 401, although every call is authenticated.',
    source: `${FACTS} §1.2, §5.`,
  },
];

/** Every change we make to the Payouts contract before validating against it. */
export const payoutsOverlay: readonly OverlayEntry[] = [
  {
    target: `${TRANSFER}/properties`,
    original: { status: { type: 'string' }, transfer_id: { type: 'string' } },
    absent: ['status_code', 'status_description'],
    change: {
      kind: 'set',
      keywords: {
        status_code: {
          type: 'string',
          description: 'Why the transfer is in its status (RECEIVED, COMPLETED, INVALID_ACCOUNT_FAIL, …).',
        },
        status_description: { type: 'string', description: 'The status code in a sentence.' },
      },
    },
    summary:
      'Transfer (create, get, and each item of a batch): `status_code` and `status_description` are strings.',
    why: "The schema leaves them out, but every transfer example of the contract carries both (transfer_received_response_v2: status_code RECEIVED), as do Cashfree's webhook samples.",
    source: `The contract's own examples (#/components/examples/transfer_*_response_v2); ${FACTS} §3.3.`,
  },
  {
    target: `${TRANSFER}/properties/beneficiary_details/properties/beneficiary_instrument_details/properties/ifsc`,
    original: { type: 'string' },
    change: { kind: 'rename', to: 'bank_ifsc' },
    summary: "Transfer: the beneficiary's IFSC is `bank_ifsc`, not `ifsc`.",
    why: 'The response schema names it ifsc; every example (transfer_completed_response_v2, batch_transfer_pending_response_v2), the request schema and the webhook samples name it bank_ifsc.',
    source: `The contract's own examples; ${FACTS} §3.3 ("schema names the key ifsc; all examples and webhook samples use bank_ifsc").`,
  },
  {
    target: '/components/schemas/ErrorV2',
    original: { type: 'object' },
    absent: ['required'],
    change: { kind: 'set', keywords: { required: ['type', 'code', 'message'] } },
    summary: 'Error: `type`, `code` and `message` are always present.',
    why: "The schema requires nothing, so an empty error body would pass; every one of the contract's error examples carries all three, and the SDK's typed errors are built from them.",
    source: `The contract's own error examples (e.g. #/components/examples/transfer_id_missing); ${FACTS} §3.1.`,
  },
  {
    target: '/components/headers/x-api-version/schema',
    original: { enum: ['2022-09-01'], default: '2024-01-01' },
    change: { kind: 'remove', keywords: ['enum'] },
    summary: 'The `x-api-version` response header is any `YYYY-MM-DD` date, not only `2022-09-01`.',
    why: "The header's enum says 2022-09-01 while its own default, the request parameter and info.version say 2024-01-01.",
    source: `The contract itself: #/components/headers/x-api-version (default 2024-01-01) and info.version; ${FACTS} §1.2.`,
  },
  ...UNDECLARED_STATUSES.map(
    ({ path, method, statuses, why, source }): OverlayEntry => ({
      target: `/paths/${path.replaceAll('/', '~1')}/${method}/responses`,
      // The statuses themselves are the check: once Cashfree declares one, the entry is stale.
      original: {},
      absent: Object.keys(statuses),
      change: {
        kind: 'set',
        keywords: Object.fromEntries(
          Object.entries(statuses).map(([status, when]) => [
            status,
            status === '401' ? UNAUTHORIZED_BODY : { ...ERROR_BODY, description: when },
          ]),
        ),
      },
      summary: `${method.toUpperCase()} ${path} may answer ${Object.entries(statuses)
        .map(([status, when]) => `${status} (${when})`)
        .join(
          ' and ',
        )}, with the usual error body (a 401's type is \`authentication_error\`, and it may add \`help\`).`,
      why,
      source,
    }),
  ),
];
