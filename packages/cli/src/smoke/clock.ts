/**
 * Moving a local sandbox's clock from outside its process, through its admin API
 * (`POST /_sandbox/clock/advance`), so the smoke test sees a payout complete without waiting out
 * the minutes a bank takes.
 */
import { ConnectionError } from 'cashfree-kit';
import { CliError, EXIT } from '../output/exit-codes.js';

/** Advances the clock of the sandbox at `origin` (`http://127.0.0.1:8787`) by `ms`. */
export async function advanceSandboxClock(origin: string, ms: number): Promise<void> {
  const url = `${origin.replace(/\/+$/, '')}/_sandbox/clock/advance`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new ConnectionError(
      `Could not reach the sandbox's admin API at ${url}. Is the sandbox still running?`,
      {
        cause: error,
      },
    );
  }
  if (!response.ok) {
    throw new CliError(
      `The sandbox refused to advance its clock (${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}).`,
      EXIT.failure,
    );
  }
}
