/**
 * A failed subscription call in words for whoever is looking: the shopper on the Subscribe form
 * (which field to fix, and that nothing was charged) or the owner on the admin page (what Cashfree
 * refused, why, and what to do, from cashfree-kit's error catalogue). Never a stack trace.
 */
import { explainErrorCode, isApiError, isConnectionError, isValidationError } from 'cashfree-kit';

export interface Wording {
  /** The HTTP status to answer with: 400 for the request's own fault, 502 when Cashfree failed. */
  status: number;
  message: string;
  /** The form field to fix (`customer_email`), when one is at fault. */
  field?: string;
}

const FIELDS: Record<string, string> = {
  customer_name: 'Enter your name as it should appear on the mandate.',
  customer_email: 'Enter your email address, such as priya@example.com: the mandate’s receipts go there.',
  customer_phone: 'Enter your 10-digit mobile number, for example 98765 43210: UPI Autopay asks for it.',
};

const NOTHING_CHARGED = 'Nothing was charged.';

/** For the Subscribe form. */
export function shopperWording(error: unknown): Wording {
  if (isValidationError(error)) {
    const field = error.field.split('.').pop() ?? error.field;
    const message = FIELDS[field];
    if (message) return { status: 400, message, field };
    return { status: 400, message: `${error.message} ${NOTHING_CHARGED}` };
  }
  if (isConnectionError(error)) {
    return {
      status: 502,
      message: `The shop could not reach Cashfree just now. ${NOTHING_CHARGED} Please try again in a minute.`,
    };
  }
  if (isApiError(error)) {
    const status = error.status >= 500 ? 502 : 400;
    return {
      status,
      message: `Cashfree could not start your subscription: ${error.message} ${NOTHING_CHARGED} Please try again, or write to us.`,
    };
  }
  return {
    status: 502,
    message: `The shop could not start your subscription (${error instanceof Error ? error.message : String(error)}). ${NOTHING_CHARGED}`,
  };
}

/** For the owner's Pause, Resume, Cancel and "Ask Cashfree now": `doing` is e.g. "pause sub_…". */
export function adminWording(doing: string, error: unknown): Wording {
  if (isApiError(error)) {
    const entry = error.code ? explainErrorCode(error.code) : undefined;
    const advice = entry && !entry.generic ? ` ${entry.fix}` : '';
    const code = error.code ? ` (${error.code})` : '';
    return {
      status: error.status >= 500 ? 502 : 400,
      message: `Cashfree refused to ${doing}: ${error.message}${code}.${advice}`,
    };
  }
  if (isValidationError(error)) return { status: 400, message: `Could not ${doing}: ${error.message}` };
  if (isConnectionError(error)) {
    return {
      status: 502,
      message: `Could not ${doing}: the shop could not reach Cashfree (${error.message}).`,
    };
  }
  return {
    status: 502,
    message: `Could not ${doing}: ${error instanceof Error ? error.message : String(error)}`,
  };
}
