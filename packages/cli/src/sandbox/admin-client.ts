/**
 * A small JSON client for the local sandbox's admin API under `/_sandbox` (no API keys): the one
 * place the CLI reaches it, so a sandbox that is down, or something else answering at its URL, is
 * reported the same way by every command that uses it.
 */
import { ConnectionError } from 'cashfree-kit';
import { CliError, EXIT } from '../output/exit-codes.js';

/** The sandbox's origin for a configured API base URL (`http://127.0.0.1:8080/pg` → `http://127.0.0.1:8080`). */
export function sandboxOrigin(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/pg$/, '');
}

/** True for Cashfree's own hosts, which have no admin API and must never receive one of its calls. */
export function isCashfreeHost(baseUrl: string): boolean {
  return /(^|\.)cashfree\.com$/i.test(new URL(baseUrl).hostname);
}

/** The admin API answered with an error status. */
export class AdminError extends CliError {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message, status === 404 ? EXIT.notFound : EXIT.failure);
    this.status = status;
  }
}

/** Talks to one local sandbox's `/_sandbox` routes. */
export class SandboxAdmin {
  readonly origin: string;

  constructor(origin: string) {
    this.origin = origin.replace(/\/+$/, '');
  }

  /** `method` `/_sandbox<path>` with an optional JSON body; the parsed JSON answer. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.origin}/_sandbox${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new ConnectionError(
        `Could not reach the sandbox at ${this.origin}${cause ? ` (${cause})` : ''}. Start it with 'cashfree sandbox start' ` +
          'and point CASHFREE_BASE_URL (or --base-url) at the URL it prints.',
        { cause: error },
      );
    }
    const text = await response.text();
    if (!response.ok) {
      throw new AdminError(
        `The sandbox refused ${method} /_sandbox${path}: HTTP ${response.status} ${text.slice(0, 300)}`,
        response.status,
      );
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      // Something answers at this URL, but not the sandbox's admin API (another app, a proxy page).
      throw new CliError(
        `${this.origin} answered ${method} /_sandbox${path} with something that is not JSON ` +
          `(${JSON.stringify(text.slice(0, 60))}): it is not the cashfree-kit local sandbox. ` +
          "Run 'cashfree sandbox start' and point CASHFREE_BASE_URL (or --base-url) at the URL it prints.",
        EXIT.notFound,
      );
    }
  }
}
