/**
 * Everything a command prints goes through here. Results go to stdout: pretty JSON under `--json`
 * (the default when stdout is not a terminal), readable text otherwise. Progress, hints and
 * errors go to stderr, so stdout stays parseable. Colours and spinners appear only on a terminal.
 */
import { explainError, isApiError, isValidationError } from 'cashfree-kit';
import { createSpinner } from 'nanospinner';
import pc from 'picocolors';
import type { OutputStream, Runtime } from '../runtime.js';
import { exitCodeFor } from './exit-codes.js';

type Colors = ReturnType<typeof pc.createColors>;

/** A spinner on a terminal; silent otherwise. */
export interface Progress {
  succeed(text?: string): void;
  fail(text?: string): void;
  stop(): void;
}

/** Decides the output mode from argv before commander parses it, so even a usage error is JSON. */
export function wantsJson(argv: readonly string[], stdout: OutputStream): boolean {
  const flag = argv.findLast((arg) => arg === '--json' || arg === '--no-json');
  if (flag) return flag === '--json';
  return stdout.isTTY !== true;
}

function colorsFor(stream: OutputStream, env: Record<string, string | undefined>): Colors {
  const forced = env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0';
  const disabled = 'NO_COLOR' in env || env['TERM'] === 'dumb';
  return pc.createColors(forced || (!disabled && stream.isTTY === true));
}

/** The output of one CLI run. */
export class Output {
  /** Machine output on stdout. */
  readonly json: boolean;
  /** Colours for stdout text (none in JSON mode or when stdout is not a terminal). */
  readonly color: Colors;
  /** Colours for stderr text. */
  readonly errColor: Colors;
  readonly #runtime: Runtime;

  constructor(runtime: Runtime, json: boolean) {
    this.#runtime = runtime;
    this.json = json;
    this.color = json ? pc.createColors(false) : colorsFor(runtime.stdout, runtime.env);
    this.errColor = colorsFor(runtime.stderr, runtime.env);
  }

  /** A command's result: `value` as JSON in JSON mode, `human()` otherwise. */
  result(value: unknown, human: () => string): void {
    if (this.json) this.#runtime.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    else this.#runtime.stdout.write(`${human()}\n`);
  }

  /** One item of a stream (a delivery, a step): one JSON line in JSON mode, one text line otherwise. */
  event(value: unknown, human: () => string): void {
    if (this.json) this.#runtime.stdout.write(`${JSON.stringify(value)}\n`);
    else this.#runtime.stdout.write(`${human()}\n`);
  }

  /** Human text on stdout; nothing in JSON mode. */
  text(line: string): void {
    if (!this.json) this.#runtime.stdout.write(`${line}\n`);
  }

  /** A note for the human on stderr (hints, warnings); shown in both modes. */
  note(line: string): void {
    this.#runtime.stderr.write(`${line}\n`);
  }

  /** A spinner on stderr while `text` is in progress; only on a terminal and not in JSON mode. */
  progress(text: string): Progress {
    // A terminal that reports no width (a pty without a size: `script`, `docker -t`, some CI) makes
    // the spinner's line count infinite and its clear() loop forever, so it gets no spinner.
    const columns = process.stderr.columns ?? 0;
    if (
      this.json ||
      this.#runtime.stderr.isTTY !== true ||
      this.#runtime.stderr !== process.stderr ||
      columns < 1
    ) {
      return { succeed() {}, fail() {}, stop() {} };
    }
    const spinner = createSpinner(text, { stream: process.stderr }).start();
    return {
      succeed: (done) => void spinner.success(done ?? text),
      fail: (failed) => void spinner.error(failed ?? text),
      // stop(), not clear(): it also ends the redraw timer, shows the cursor again and removes the
      // spinner's signal handlers.
      stop: () => void spinner.stop(),
    };
  }

  /** Runs `work` with a spinner showing `text` (on a terminal), cleared when it settles. */
  async during<T>(text: string, work: () => Promise<T>): Promise<T> {
    const progress = this.progress(text);
    try {
      const result = await work();
      progress.stop();
      return result;
    } catch (error) {
      progress.stop();
      throw error;
    }
  }

  /**
   * Reports the error that ended a command and returns its exit code: `cashfree: <message>` on
   * stderr (with the catalogue's fix for Cashfree error codes), and `{ "error": … }` on stdout in
   * JSON mode.
   */
  fail(error: unknown): number {
    const exitCode = exitCodeFor(error);
    const message = error instanceof Error ? error.message : String(error);
    const fix = fixFor(error);
    const line = fix && !message.includes(fix) ? `${message} Fix: ${fix}` : message;
    this.#runtime.stderr.write(`${this.errColor.red('cashfree:')} ${line}\n`);
    if (this.json) {
      this.#runtime.stdout.write(
        `${JSON.stringify({ error: describeError(error, exitCode, fix) }, null, 2)}\n`,
      );
    }
    return exitCode;
  }
}

/**
 * The flag that sets each request field the SDK validates, so a validation error names what to
 * type rather than a JSON path (`customer_details: is required` means "pass --phone").
 */
const FLAG_FOR_FIELD: Record<string, string> = {
  order_id: '--order-id',
  order_amount: '--amount 499',
  customer_details: '--phone 9876543210',
  'customer_details.customer_phone': '--phone 9876543210',
  'customer_details.customer_id': '--customer-id',
  'customer_details.customer_email': '--email',
  'customer_details.customer_name': '--name',
  order_currency: '--currency INR',
  link_currency: '--currency INR',
  order_note: '--note',
  refund_note: '--note',
  refund_id: '--refund-id',
  refund_amount: '--amount 100',
  link_id: '--link-id',
  link_amount: '--amount 999',
  link_purpose: '--purpose "Course fee"',
  link_minimum_partial_amount: '--min-partial 100',
  plan_id: '--plan-id tea_monthly',
  plan_name: '--name "Tea of the month"',
  plan_type: '--type PERIODIC',
  plan_max_amount: '--max-amount 499',
  plan_recurring_amount: '--amount 499',
  plan_interval_type: '--interval MONTH',
  plan_note: '--note',
  plan_details: '--plan-id tea_monthly',
  'plan_details.plan_id': '--plan-id tea_monthly',
  subscription_id: '--subscription-id',
  subscription_expiry_time: '--expiry 2027-12-31T23:59:59+05:30',
  subscription_first_charge_time: '--first-charge 2027-01-10T10:00:00+05:30',
  subscription_note: '--note',
  'authorization_details.authorization_amount': '--auth-amount 1',
  'action_details.next_scheduled_time': '--next-scheduled-time 2027-01-10T10:00:00+05:30',
  'action_details.plan_id': '--plan-id',
  payment_id: '--payment-id',
  payment_amount: '--amount 499',
  payment_schedule_date: '--schedule-date 2027-01-10',
  payment_remarks: '--remarks',
};

function fixFor(error: unknown): string | undefined {
  if (isValidationError(error)) {
    const flag = FLAG_FOR_FIELD[error.field];
    return flag ? `pass ${flag} (or set ${error.field} in --data).` : undefined;
  }
  return isApiError(error) ? explainError(error)?.fix : undefined;
}

function describeError(error: unknown, exitCode: number, fix: string | undefined): Record<string, unknown> {
  const described: Record<string, unknown> = {
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
    exit_code: exitCode,
  };
  if (isApiError(error)) {
    described['status'] = error.status;
    described['code'] = error.code ?? null;
    described['type'] = error.type ?? null;
    described['request_id'] = error.requestId ?? null;
  }
  if (isValidationError(error)) described['field'] = error.field;
  if (fix) described['fix'] = fix;
  return described;
}
