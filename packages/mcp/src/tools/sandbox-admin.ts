/**
 * A small client of the local sandbox's test-only admin API (`/_sandbox/…`, no API keys) and of
 * its hosted payment pages, for the sandbox tools.
 */

/** Calls the sandbox at one origin; an error status becomes an Error with the sandbox's message. */
export class SandboxAdmin {
  readonly origin: string;

  constructor(origin: string) {
    this.origin = origin.replace(/\/+$/, '');
  }

  /** A JSON call of the admin API: `call('POST', '/_sandbox/clock/advance', { hours: 1 })`. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.origin}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (!response.ok) {
      const message = readMessage(text);
      throw new Error(`The sandbox refused ${method} ${path} (HTTP ${response.status}): ${message}`);
    }
    return (text ? JSON.parse(text) : {}) as T;
  }

  /**
   * Presses a button of a hosted payment page (the bank simulator's `success` / `failed`), as a
   * customer's browser would post its form.
   */
  async pressPaymentButton(cfPaymentId: string, action: 'success' | 'failed'): Promise<void> {
    const response = await fetch(`${this.origin}/checkout/payments/${encodeURIComponent(cfPaymentId)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action }).toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(15_000),
    });
    await response.body?.cancel();
    if (response.status >= 400) {
      throw new Error(
        `The sandbox's bank page refused '${action}' for payment ${cfPaymentId} (HTTP ${response.status}).`,
      );
    }
  }
}

function readMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON
  }
  return text.slice(0, 300);
}
