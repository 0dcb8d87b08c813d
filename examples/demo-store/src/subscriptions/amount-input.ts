/**
 * The owner's amount fields on the Subscriptions page ("Charge now", "Refund"): rupees as typed,
 * read into paise, or a sentence saying what to type instead. The bounds are the caller's: the
 * plan's maximum per charge, or what is left of a charge to refund.
 */
import { isValidationError, paiseToRupees, rupeesToPaise } from 'cashfree-kit';

export type AmountReading = { paise: number } | { problem: string };

/** Reads `typed` (`120`, `120.50`: digits and a point) as an amount from ₹0.01 to `maxPaise`. */
export function readAmount(typed: string, maxPaise: number, what: string): AmountReading {
  const text = typed.trim();
  const example = `such as ${paiseToRupees(maxPaise)}`;
  if (!/^\d+(\.\d+)?$/.test(text)) {
    return { problem: `Enter the ${what} in rupees, ${example}; received “${text}”.` };
  }
  let paise: number;
  try {
    paise = rupeesToPaise(text);
  } catch (error) {
    if (!isValidationError(error)) throw error;
    return { problem: `Enter the ${what} in rupees with at most two decimals (paise), ${example}.` };
  }
  if (paise <= 0) return { problem: `The ${what} must be more than ₹0; received ₹${text}.` };
  if (paise > maxPaise) {
    return { problem: `The ${what} can be at most ₹${paiseToRupees(maxPaise)}; received ₹${text}.` };
  }
  return { paise };
}
