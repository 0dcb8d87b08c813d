/**
 * `cashfree smoke`: the end-to-end smoke test, one line per step with ✓/✗ and timing. Runs
 * against a local sandbox started in-process (fresh in-memory database) unless credentials are
 * configured; against Cashfree's sandbox when CASHFREE_APP_ID/CASHFREE_SECRET_KEY are set with
 * CASHFREE_ENV=TEST; refuses production unless --live. The payout steps run with the Payouts keys
 * (a local sandbox takes its PG keys), never in production.
 */

import { Cashfree, PRODUCTS } from 'cashfree-kit';
import { CashfreePayouts } from 'cashfree-kit/payouts';
import type { Command } from 'commander';
import { type CliConfig, createClient, credentialsHelp, isLoopback } from '../config.js';
import type { CliContext } from '../context.js';
import { generatedId } from '../input/data.js';
import { CliError, EXIT, ExitWith, exitCodeFor } from '../output/exit-codes.js';
import { formatDuration } from '../output/format.js';
import { createPayoutsClient } from '../payouts/client.js';
import { startLocalSandbox } from '../sandbox/local.js';
import { advanceSandboxClock } from '../smoke/clock.js';
import { PAYOUT_STEPS } from '../smoke/payout-steps.js';
import {
  type PayMode,
  type PayoutSmoke,
  SMOKE_STEPS,
  SmokeCheckError,
  type SmokeState,
} from '../smoke/steps.js';

/** The payment steps, then the payout ones. */
const STEPS = [...SMOKE_STEPS, ...PAYOUT_STEPS];

/** How long Cashfree's sandbox gets to move a ₹1.00 test payout to SUCCESS. */
const REMOTE_PAYOUT_TIMEOUT_MS = 120_000;

interface SmokeFlags {
  live?: boolean;
  local?: boolean;
  db?: string;
  pay?: string;
}

/** `--pay`: how the payment step pays. */
function payModeFlag(value: string | undefined): PayMode | undefined {
  if (value === undefined) return undefined;
  if (value === 'card') return 'test-card';
  if (value === 'simulate') return 'simulate';
  throw new CliError(`--pay must be card or simulate; received '${value}'.`);
}

/** Where the smoke test runs. */
interface Target {
  client: Cashfree;
  description: string;
  baseUrl: string;
  payMode: PayMode;
  /** The payout steps' client, or why they are skipped. */
  payouts: PayoutSmoke | undefined;
  payoutsSkipped?: string | undefined;
  close(): Promise<void>;
}

/**
 * The payout steps' client for a configured target: never in production (a payout is real money
 * and cannot be taken back), and only with Payouts keys (on a local sandbox its PG keys do).
 */
function configuredPayouts(
  config: CliConfig,
  env: Record<string, string | undefined>,
): Pick<Target, 'payouts' | 'payoutsSkipped'> {
  if (config.environment === 'production') {
    return {
      payouts: undefined,
      payoutsSkipped: 'not in production: a payout is real money and cannot be taken back',
    };
  }
  let client: CashfreePayouts;
  try {
    client = createPayoutsClient(config, env);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return { payouts: undefined, payoutsSkipped: error.message };
  }
  const origin = new URL(client.baseUrl).origin;
  return {
    payouts: isLoopback(client.baseUrl)
      ? {
          client,
          advanceClock: (ms) => advanceSandboxClock(origin, ms),
          successTimeoutMs: REMOTE_PAYOUT_TIMEOUT_MS,
        }
      : { client, successTimeoutMs: REMOTE_PAYOUT_TIMEOUT_MS },
  };
}

async function chooseTarget(
  flags: SmokeFlags,
  config: CliConfig,
  env: Record<string, string | undefined>,
): Promise<Target> {
  const configured = Boolean(config.appId || config.secretKey) || config.baseUrlSource !== 'default';
  if (flags.local || !configured) {
    const sandbox = await startLocalSandbox({ port: 0, db: flags.db ?? ':memory:' });
    const baseUrl = `${sandbox.url}/pg`;
    return {
      client: new Cashfree({
        appId: sandbox.appId,
        secretKey: sandbox.secretKey,
        environment: 'sandbox',
        baseUrl,
      }),
      description: `local sandbox, in-process (${flags.db ? flags.db : 'fresh in-memory database'})`,
      baseUrl,
      payMode: 'test-card',
      payouts: {
        client: new CashfreePayouts({
          clientId: sandbox.appId,
          clientSecret: sandbox.secretKey,
          environment: 'sandbox',
          baseUrl: `${sandbox.url}${PRODUCTS.payouts.basePath}`,
        }),
        advanceClock: async (ms) => sandbox.sandbox.advanceClock(ms),
        successTimeoutMs: REMOTE_PAYOUT_TIMEOUT_MS,
      },
      close: () => sandbox.close(),
    };
  }
  if (config.environment === 'production' && !flags.live) {
    throw new CliError(
      'cashfree smoke refuses to run against production: it creates an order, pays and refunds it, and creates a link. ' +
        'Use your TEST keys with CASHFREE_ENV=TEST, or pass --live if you really mean to test production.',
    );
  }
  if (!config.appId || !config.secretKey) {
    throw new CliError(
      `The smoke test needs both keys for ${config.baseUrl}. ${credentialsHelp()}`,
      EXIT.auth,
    );
  }
  const local = isLoopback(config.baseUrl);
  return {
    client: createClient(config),
    description: local
      ? 'local sandbox'
      : config.environment === 'production'
        ? 'Cashfree PRODUCTION (--live)'
        : "Cashfree's sandbox",
    baseUrl: config.baseUrl,
    payMode: local ? 'test-card' : 'simulate',
    ...configuredPayouts(config, env),
    close: async () => {},
  };
}

interface StepResult {
  name: string;
  ok: boolean;
  skipped: boolean;
  duration_ms: number;
  detail: string;
}

export function registerSmokeCommand(program: Command, context: CliContext): void {
  program
    .command('smoke')
    .description(
      'end-to-end smoke test: order → pay → PAID → payments → refund → link → settlements → ₹1.00 payout → SUCCESS',
    )
    .option('--local', 'start a local sandbox in-process even when credentials are configured')
    .option('--db <path>', "database of the in-process sandbox (default ':memory:', a fresh one)")
    .option('--live', 'allow running against production (real money)')
    .option(
      '--pay <how>',
      "card: Order Pay with test card 4111 1111 1111 1111 + OTP 111000 (default on a local sandbox); simulate: UPI collect + /simulate SUCCESS (default on Cashfree's sandbox)",
    )
    .action(async (flags: SmokeFlags, command: Command) => {
      const { output } = context;
      const c = output.color;
      const started = performance.now();
      const payMode = payModeFlag(flags.pay);
      const target = await chooseTarget(flags, context.config(command), context.runtime.env);
      if (payMode) target.payMode = payMode;
      const results: StepResult[] = [];
      let failure: unknown;
      try {
        output.text(`cashfree smoke: ${target.description} · ${target.baseUrl}`);
        const state: SmokeState = {
          client: target.client,
          payMode: target.payMode,
          paidTimeoutMs: target.payMode === 'test-card' ? 15_000 : 60_000,
          info: (line) => output.text(`  ${c.dim(line)}`),
          runId: generatedId('cli').slice(4),
          payouts: target.payouts,
          payoutsSkipped: target.payoutsSkipped,
        };
        const width = Math.max(...STEPS.map((step) => step.name.length));
        for (const step of STEPS) {
          if (failure !== undefined) {
            results.push({ name: step.name, ok: false, skipped: true, duration_ms: 0, detail: 'skipped' });
            output.text(`${c.dim('-')} ${step.name.padEnd(width)}  ${c.dim('skipped')}`);
            continue;
          }
          const why = step.skip?.(state);
          if (why !== undefined) {
            // Not run here by design (production, no Payouts keys): neither passed nor failed.
            results.push({
              name: step.name,
              ok: true,
              skipped: true,
              duration_ms: 0,
              detail: `skipped: ${why}`,
            });
            output.text(`${c.dim('-')} ${step.name.padEnd(width)}  ${c.dim(`skipped: ${why}`)}`);
            continue;
          }
          const stepStarted = performance.now();
          let detail: string;
          let ok = true;
          try {
            detail = await output.during(step.name, () => step.run(state));
          } catch (error) {
            failure = error;
            ok = false;
            detail = error instanceof Error ? error.message : String(error);
          }
          const ms = Math.round(performance.now() - stepStarted);
          results.push({ name: step.name, ok, skipped: false, duration_ms: ms, detail });
          const mark = ok ? c.green('✓') : c.red('✗');
          output.text(`${mark} ${step.name.padEnd(width)}  ${detail} ${c.dim(`(${formatDuration(ms)})`)}`);
        }
      } finally {
        await target.close();
      }
      const totalMs = Math.round(performance.now() - started);
      const passed = results.filter((result) => result.ok && !result.skipped).length;
      const skippedByDesign = results.filter((result) => result.ok && result.skipped).length;
      output.result(
        {
          ok: failure === undefined,
          target: target.description,
          base_url: target.baseUrl,
          duration_ms: totalMs,
          steps: results,
        },
        () =>
          failure === undefined
            ? c.green(
                `All ${passed} steps passed${skippedByDesign > 0 ? ` (${skippedByDesign} skipped)` : ''} in ${formatDuration(totalMs)}.`,
              )
            : c.red(
                `${passed} of ${results.length} steps passed; the smoke test failed in ${formatDuration(totalMs)}.`,
              ),
      );
      if (failure !== undefined) {
        const failed = results.find((result) => !result.ok && !result.skipped);
        output.note(`cashfree: smoke step '${failed?.name}' failed: ${failed?.detail}`);
        throw new ExitWith(failure instanceof SmokeCheckError ? EXIT.failure : exitCodeFor(failure));
      }
    });
}
