import { formatRupees } from '../money.js';

/**
 * A best-effort diagnosis for a signature mismatch: does the body look like
 * `JSON.stringify(JSON.parse(original))` rather than the bytes Cashfree sent?
 *
 * Heuristic, used only to improve an error message: the body must be exactly what `JSON.stringify`
 * prints for its own parse (compact, or 2-space indented), and carry an amount with fewer than two
 * decimals, such as `"order_amount":170` or `170.5`. Cashfree prints amounts with two decimals
 * (`170.00`, `170.50`); parsing and re-stringifying drops the trailing zeros, which changes the
 * bytes and breaks the signature.
 */
export function reserialisationHint(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (JSON.stringify(parsed) !== text && JSON.stringify(parsed, null, 2) !== text) return undefined;
  const amount = findShortAmount(parsed, '');
  if (!amount) return undefined;
  return (
    `The body looks re-serialised: it is exactly JSON.stringify output and ${amount.path} is ${amount.value} ` +
    `where Cashfree sends ${formatRupees(amount.value)}. Verify the raw bytes instead: express.raw({ type: 'application/json' }), ` +
    "Fastify's parseAs: 'buffer', or await request.text() / arrayBuffer() — never JSON.stringify(req.body)."
  );
}

function findShortAmount(value: unknown, path: string): { path: string; value: number } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    // Whole rupees or one decimal: what JSON.stringify makes of 170.00 and 170.50.
    if (/_amount$/.test(key) && typeof child === 'number' && Number.isInteger(child * 10)) {
      return { path: childPath, value: child };
    }
    const found = findShortAmount(child, childPath);
    if (found) return found;
  }
  return undefined;
}
