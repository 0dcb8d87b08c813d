/**
 * What the shopper is told when the order could not be made, in a shopper's words and per field
 * of the checkout form. The developer's wording (`customer_details.customer_phone: must be exactly
 * 10 digits…`, Cashfree's `customer_phone : …`) stays in the "What happened" panel, which records
 * the SDK's error beside the request.
 */
import {
  type CreateOrderRequest,
  isApiError,
  isConnectionError,
  isValidationError,
  validateCreateOrderRequest,
} from 'cashfree-kit';

/** The checkout form's fields a shopper can correct. */
export type ShopperField = 'customer_name' | 'customer_email' | 'customer_phone';

export interface ShopperProblem {
  field: ShopperField;
  message: string;
}

export interface ShopperFailure {
  /** One line above the form. */
  message: string;
  /** Each field to correct, with what to type. */
  fields: ShopperProblem[];
}

const FIELD_MESSAGES: Record<ShopperField, string> = {
  customer_name: 'Enter your full name (3 to 100 characters).',
  customer_email: 'Enter an email address like priya@example.com, or leave it empty.',
  customer_phone: 'Enter your 10-digit mobile number, for example 98765 43210.',
};

/** A value the rules accept, to look past one bad field for the next. */
const ACCEPTED: Record<ShopperField, string | undefined> = {
  customer_name: 'Priya Patel',
  customer_email: undefined,
  customer_phone: '9876543210',
};

/** The form field an SDK field path (`customer_details.customer_phone`) or API code is about. */
function shopperField(pathOrCode: string): ShopperField | undefined {
  return (['customer_phone', 'customer_email', 'customer_name'] as const).find((field) =>
    pathOrCode.includes(field),
  );
}

/**
 * Every form field cashfree-kit's create-order rules refuse in `body`, not only the first one
 * its error names: each refused field is set to an accepted value and the rules run again.
 */
export function refusedFields(body: CreateOrderRequest): ShopperField[] {
  const details: Record<string, unknown> = { ...body.customer_details };
  const found: ShopperField[] = [];
  for (let i = 0; i < 3; i++) {
    try {
      validateCreateOrderRequest({ ...body, customer_details: details });
      break;
    } catch (error) {
      if (!isValidationError(error)) throw error;
      const field = shopperField(error.field);
      if (!field || found.includes(field)) break;
      found.push(field);
      if (ACCEPTED[field] === undefined) delete details[field];
      else details[field] = ACCEPTED[field];
    }
  }
  return found;
}

/** The fields in the order the form shows them. */
const FORM_ORDER: readonly ShopperField[] = ['customer_name', 'customer_email', 'customer_phone'];

const problems = (fields: ShopperField[]): ShopperProblem[] =>
  FORM_ORDER.filter((field) => fields.includes(field)).map((field) => ({
    field,
    message: FIELD_MESSAGES[field],
  }));

const CHECK = (count: number) =>
  count === 1 ? 'Please check the highlighted field.' : `Please check the ${count} highlighted fields.`;

/** The shopper's message for an error of `createOrder(body)`; `undefined` for an unexpected error. */
export function shopperFailure(error: unknown, body: CreateOrderRequest): ShopperFailure | undefined {
  if (isValidationError(error)) {
    const fields = refusedFields(body);
    if (fields.length > 0) return { message: CHECK(fields.length), fields: problems(fields) };
    return { message: 'We could not start the payment. Please try again, or contact us.', fields: [] };
  }
  if (isApiError(error)) {
    const field = shopperField(error.code ?? '');
    if (field && error.status < 500) return { message: CHECK(1), fields: problems([field]) };
    return {
      message:
        'The payment service could not take this order just now. Please try again in a moment; no money was taken.',
      fields: [],
    };
  }
  if (isConnectionError(error)) {
    return {
      message: 'We could not reach the payment service. Please try again in a moment; no money was taken.',
      fields: [],
    };
  }
  return undefined;
}

/** What the "What happened" panel says when the order was not made, by where it stopped. */
export function failureIntro(error: unknown): string {
  if (isValidationError(error)) {
    return 'cashfree-kit refused the request before sending it: nothing reached Cashfree and no order was created. The step below shows the request and the SDK’s message.';
  }
  if (isApiError(error)) {
    return `Cashfree answered ${error.status} and created no order. The step below shows the request and Cashfree’s answer.`;
  }
  return 'The request did not get an answer from Cashfree, so the order may not exist. The step below shows what was tried.';
}
