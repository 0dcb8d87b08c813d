import type { CatalogueRow } from './entry.js';

/*
 * The error codes of plans, subscriptions, their payments and refunds. Cashfree documents no
 * code list for subscriptions; these are the codes cashfree-kit's sandbox answers with, named in
 * Cashfree's style (`<entity>_not_found`, `<entity>_already_exists`), besides the
 * `<field>_missing` / `<field>_invalid` codes of each request's fields. A field inside an object is
 * named by its path (`action_details.next_scheduled_time_invalid`), as the sandbox answers it.
 */

const notFound = (code: string, entity: string, id: string, fix: string): CatalogueRow => ({
  code,
  status: [404],
  type: 'invalid_request_error',
  sdkError: 'NotFoundError',
  meaning: `There is no ${entity} with this ${id}.`,
  cause: `A typo in the ${id}, or a ${entity} created with other credentials or in the other environment.`,
  fix,
});

/**
 * A reused id is a 400, not a 409 as for orders: the contract declares no 409 for the
 * subscription operations (their errors are 400, 401, 404, 422, 429 and 500).
 */
const exists = (code: string, entity: string, id: string): CatalogueRow => ({
  code,
  status: [400],
  type: 'invalid_request_error',
  sdkError: 'BadRequestError',
  meaning: `A ${entity} with this ${id} exists already.`,
  cause: `The ${id} was used before, for a different ${entity}.`,
  fix: `Use a new ${id} for a new ${entity}; fetch the existing one to reuse it.`,
});

/** `<field>_invalid`: what the field must be, and an example of a good value. */
const invalid = (field: string, must: string, fix: string): CatalogueRow => ({
  code: `${field}_invalid`,
  status: [400],
  type: 'invalid_request_error',
  sdkError: 'BadRequestError',
  meaning: `The ${field} is not valid: it must be ${must}.`,
  cause: `A ${field} of the wrong type or shape, or a value the API does not take.`,
  fix,
});

/** `<field>_missing`: when it is needed. */
const missing = (field: string, when: string, fix: string): CatalogueRow => ({
  code: `${field}_missing`,
  status: [400],
  type: 'invalid_request_error',
  sdkError: 'BadRequestError',
  meaning: `The request has no ${field}, which ${when}.`,
  cause: `${field} was left out, or sent as null.`,
  fix,
});

const rupees = (example: string) =>
  `Send rupees as a number with at most 2 decimals, e.g. ${example} (₹499 is 499, not 49900).`;
const isoTime = 'Send an ISO 8601 time with an offset, e.g. 2026-12-10T10:00:00+05:30.';

/** The field codes of the subscription requests. */
const FIELD_CODES: readonly CatalogueRow[] = [
  invalid('plan_id', 'letters, digits, `.`, `-` and `_`', 'Send your own plan id, e.g. `tea_monthly`.'),
  missing('plan_id', 'every plan needs', 'Send your own plan id, e.g. `tea_monthly`.'),
  invalid(
    'plan_name',
    'a non-empty string',
    'Send a name customers recognise on the mandate, e.g. `Tea of the month`.',
  ),
  missing('plan_name', 'every plan needs', 'Send a plan_name, e.g. `Tea of the month`.'),
  invalid(
    'plan_type',
    '`PERIODIC` or `ON_DEMAND`',
    'Send `PERIODIC` (charged each interval) or `ON_DEMAND` (you raise each charge).',
  ),
  missing('plan_type', 'every plan needs', 'Send `PERIODIC` or `ON_DEMAND`.'),
  invalid('plan_currency', 'an ISO 4217 code', 'Send `INR`, or leave plan_currency out.'),
  invalid('plan_max_amount', 'rupees, at least 1', rupees('999')),
  missing('plan_max_amount', 'every plan needs (the most one charge may be)', rupees('999')),
  invalid(
    'plan_recurring_amount',
    'rupees, at least 1 and at most plan_max_amount',
    `${rupees('499')} Raise plan_max_amount if the charge must be larger.`,
  ),
  missing('plan_recurring_amount', 'a PERIODIC plan needs', rupees('499')),
  invalid('plan_amount', 'rupees, at least 1 and at most plan_max_amount', rupees('499')),
  invalid(
    'plan_interval_type',
    '`DAY`, `WEEK`, `MONTH` or `YEAR`',
    'Send `MONTH` with plan_intervals 1 for a monthly plan.',
  ),
  missing('plan_interval_type', 'a PERIODIC plan needs', 'Send `DAY`, `WEEK`, `MONTH` or `YEAR`.'),
  invalid('plan_note', 'a non-empty string', 'Send a short note, or leave plan_note out.'),
  invalid(
    'plan_details',
    'an object',
    'Send `plan_details: { plan_id }` for an existing plan, or the plan inline.',
  ),
  missing(
    'plan_details',
    'every subscription needs',
    'Send `plan_details: { plan_id }`, or the plan inline.',
  ),
  invalid(
    'subscription_id',
    'up to 250 letters, digits, `_`, `.`, `-` and spaces',
    'Send your own id for the subscription, e.g. `sub_tea_0001`.',
  ),
  missing(
    'subscription_id',
    'every subscription call needs',
    'Send the subscription_id you created it with.',
  ),
  missing('customer_email', 'a subscription needs for the mandate', 'Send customer_details.customer_email.'),
  invalid('authorization_details.authorization_amount', 'rupees, 0 or more', rupees('1')),
  invalid('subscription_expiry_time', 'an ISO 8601 time with an offset, in the future', isoTime),
  invalid('subscription_first_charge_time', 'an ISO 8601 time with an offset, in the future', isoTime),
  invalid('subscription_note', 'a non-empty string', 'Send a short note, or leave subscription_note out.'),
  invalid(
    'action',
    'one of the actions of the call: CANCEL, PAUSE, ACTIVATE, CHANGE_PLAN for a subscription; CANCEL, RETRY for a payment',
    'Send one of those actions in capitals.',
  ),
  missing('action', 'a manage call needs', 'Send the action, e.g. `PAUSE`.'),
  invalid('action_details.next_scheduled_time', 'an ISO 8601 time with an offset, in the future', isoTime),
  missing('action_details.next_scheduled_time', 'ACTIVATE and RETRY need', isoTime),
  invalid('payment_id', 'a non-empty string', 'Send your own id for the payment, e.g. `charge_2026_12`.'),
  missing(
    'payment_id',
    'every subscription payment needs, and a subscription refund too unless it sends cf_payment_id',
    'Send your own payment_id for a new payment (it makes the call idempotent); for a refund, the payment_id or cf_payment_id of the charge to refund.',
  ),
  invalid('payment_type', '`AUTH` or `CHARGE`', 'Send `AUTH` for the mandate, `CHARGE` for a debit.'),
  missing('payment_type', 'POST /subscriptions/pay needs', 'Send `AUTH` or `CHARGE`.'),
  missing('payment_amount', 'a CHARGE needs', rupees('499')),
  invalid(
    'payment_schedule_date',
    'a date (and time), and for UPI and card charges tomorrow (India time) or later',
    'Send e.g. 2026-12-10 10:00:00 or 2026-12-10T10:00:00+05:30, a day or more ahead for UPI and card.',
  ),
  missing(
    'payment_schedule_date',
    // Cashfree's docs: required for UPI and card charges. The code's name is the sandbox's choice.
    'a CHARGE on a UPI or card mandate needs (eNACH and physical NACH charges may leave it out)',
    'Send the day to debit, tomorrow (India time) or later, e.g. 2026-12-10T10:00:00+05:30.',
  ),
  invalid('payment_remarks', 'a non-empty string', 'Send a short remark, or leave payment_remarks out.'),
  invalid(
    'subscription_session_id',
    "the subscription's subscription_session_id",
    'Send the subscription_session_id that subscriptions.create answered.',
  ),
  missing(
    'subscription_session_id',
    'an AUTH needs',
    'Send the subscription_session_id that subscriptions.create answered.',
  ),
  missing(
    'payment_method',
    'an AUTH needs (the mandate instrument: one of upi, enach, pnach or card)',
    'Send one instrument, e.g. `payment_method: { upi: { channel: "collect", upi_id: "success@upi" } }`.',
  ),
];

/**
 * Refusals of the sandbox's status machines that no request is answered with today: the late
 * result is dropped and the subscription or payment stays as it was. Their names are the sandbox's
 * choice; Cashfree documents no such codes.
 */
const LATE_RESULTS: readonly CatalogueRow[] = [
  {
    code: 'subscription_invalid',
    status: [],
    meaning: 'A mandate authorisation arrived for a subscription that is not INITIALIZED.',
    cause:
      'A second authorisation result for a subscription already authorised, or one that is over (a simulated or late bank result); the sandbox keeps the subscription as it is.',
    fix: 'Nothing to send again: fetch the subscription for its subscription_status, and create a new subscription for a new mandate.',
  },
  {
    code: 'payment_invalid',
    status: [],
    meaning: 'A result arrived for a subscription payment that is already SUCCESS, FAILED or CANCELLED.',
    cause:
      'A second outcome for the same payment (a simulated or late bank result); the first outcome stands.',
    fix: 'Nothing to send again: fetch the payment (GET /subscriptions/{subscription_id}/payments/{payment_id}) for its payment_status.',
  },
];

/** The error codes of subscriptions. */
export const SUBSCRIPTION_CODES: readonly CatalogueRow[] = [
  ...FIELD_CODES,
  ...LATE_RESULTS,
  notFound('plan_not_found', 'plan', 'plan_id', 'Create the plan first (POST /plans), or check the plan_id.'),
  exists('plan_already_exists', 'plan', 'plan_id'),
  notFound(
    'subscription_not_found',
    'subscription',
    'subscription_id',
    'Check the subscription_id and that the keys and CASHFREE_ENV match where it was created.',
  ),
  exists('subscription_already_exists', 'subscription', 'subscription_id'),
  notFound(
    'subscription_payment_not_found',
    'payment of this subscription',
    'payment_id',
    'List the payments (GET /subscriptions/{subscription_id}/payments) to find the payment_id.',
  ),
  exists('subscription_payment_already_exists', 'subscription payment', 'payment_id'),
  notFound(
    'subscription_refund_not_found',
    'refund of this subscription',
    'refund_id',
    'Check the refund_id you sent to POST /subscriptions/{subscription_id}/refunds.',
  ),
  exists('subscription_refund_already_exists', 'subscription refund', 'refund_id'),
  {
    code: 'subscription_action_invalid',
    status: [400],
    type: 'invalid_request_error',
    sdkError: 'BadRequestError',
    meaning: 'The action cannot be taken on the subscription in its current status.',
    cause:
      'PAUSE of an ON_DEMAND or a not ACTIVE subscription, ACTIVATE of one that is not PAUSED or ON_HOLD, or any action on a CANCELLED, COMPLETED or EXPIRED one.',
    fix: 'Fetch the subscription and act on its subscription_status: only ACTIVE subscriptions pause, only PAUSED or ON_HOLD ones activate.',
  },
  {
    code: 'subscription_inactive',
    status: [400],
    type: 'invalid_request_error',
    sdkError: 'BadRequestError',
    meaning: 'The subscription is not ACTIVE, so it cannot be charged or refunded now.',
    cause: 'The mandate is not authorised yet, or the subscription is paused, on hold or over.',
    fix: 'Charge only an ACTIVE subscription: wait for the authorisation (SUBSCRIPTION_AUTH_STATUS), or ACTIVATE it first.',
  },
  {
    code: 'subscription_payment_action_invalid',
    status: [400],
    type: 'invalid_request_error',
    sdkError: 'BadRequestError',
    meaning: 'The action cannot be taken on the payment in its current status.',
    cause: 'RETRY of a payment that is not FAILED, or CANCEL of one already debited, failed or cancelled.',
    fix: 'Fetch the payment: retry only a FAILED charge, cancel only one not yet debited.',
  },
  {
    code: 'payment_amount_exceeds_plan',
    status: [400],
    type: 'invalid_request_error',
    sdkError: 'BadRequestError',
    meaning: "The charge is more than the plan's maximum (plan_max_amount).",
    cause: 'A payment_amount above what the customer authorised in the mandate.',
    fix: "Charge at most plan_max_amount; a larger amount needs a plan with a higher maximum (CHANGE_PLAN) and the customer's new mandate.",
  },
];
