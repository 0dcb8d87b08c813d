#!/usr/bin/env node
// Benchmark 4 (not a test): verifying one webhook, in this process (the verifier is a function;
// there is no client to keep out). Contenders: Node's HMAC-SHA256 + timingSafeEqual (the floor:
// nothing can check a signature for less), the floor + JSON.parse (the floor for a verifier that
// hands back the event), cashfree-kit's verifyWebhookSignature (no parse) and verifyWebhook
// (typed event), and cashfree-pg's PGVerifyWebhookSignature. Bodies of 1.5 KB and 20 KB.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { signWebhook, verifyWebhook, verifyWebhookSignature } from 'cashfree-kit/webhooks';
import { Cashfree as CashfreePg, CFEnvironment } from 'cashfree-pg';
import { paymentSuccessBody } from '../test/support/webhook-payloads.ts';
import { webhookBodyOfSize } from './lib/fixtures.js';
import { type Figure, figuresOf, findFigure, type Target } from './lib/results.js';
import { interleaveCases } from './lib/rounds.js';
import { runBenchmark } from './lib/run.js';
import { assertSdkBuilt } from './lib/sdk-build.js';
import { formatRatio } from './lib/table.js';

const SECRET = 'cfsk_ma_test_bench_0123456789abcdef';
const FLOOR = 'HMAC + timingSafeEqual (floor)';
const PARSE_FLOOR = 'HMAC + timingSafeEqual + JSON.parse';
const OURS = 'cashfree-kit verifyWebhook (typed event)';
const CONTENDERS = [
  FLOOR,
  PARSE_FLOOR,
  'cashfree-kit verifyWebhookSignature (no parse)',
  OURS,
  'cashfree-pg PGVerifyWebhookSignature',
] as const;
type Contender = (typeof CONTENDERS)[number];
const CASES = { '1.5 KB body': 1536, '20 KB body': 20_480 } as const;
type Case = keyof typeof CASES;

interface Signed {
  rawBody: string;
  signature: string;
  timestamp: string;
}

function contenderFor(name: Contender, signed: Signed): () => unknown {
  const expected = Buffer.from(signed.signature, 'base64');
  const hmac = () => createHmac('sha256', SECRET).update(signed.timestamp).update(signed.rawBody).digest();
  switch (name) {
    case FLOOR:
      return () => {
        if (!timingSafeEqual(hmac(), expected)) throw new Error('mismatch');
      };
    case PARSE_FLOOR:
      return () => {
        if (!timingSafeEqual(hmac(), expected)) throw new Error('mismatch');
        return JSON.parse(signed.rawBody);
      };
    // The parameters are written out as a handler writes them (headers read into named fields):
    // a spread of a prepared object (`{ ...signed, secret }`) made V8 copy it through its slow
    // path, about 10,000 instructions per call under callgrind, which no handler pays.
    case 'cashfree-kit verifyWebhookSignature (no parse)':
      return () =>
        verifyWebhookSignature({
          rawBody: signed.rawBody,
          signature: signed.signature,
          timestamp: signed.timestamp,
          secret: SECRET,
        });
    case OURS:
      return () =>
        verifyWebhook({
          rawBody: signed.rawBody,
          signature: signed.signature,
          timestamp: signed.timestamp,
          secret: SECRET,
        });
    case 'cashfree-pg PGVerifyWebhookSignature': {
      const pg = new CashfreePg(
        CFEnvironment.SANDBOX,
        'bench_app',
        SECRET,
        undefined,
        undefined,
        undefined,
        false,
      );
      return () => pg.PGVerifyWebhookSignature(signed.signature, signed.rawBody, signed.timestamp);
    }
  }
}

/** Calls `fn` for `ms` milliseconds; a promise it returns is awaited (as a handler would). */
async function measure(fn: () => unknown, ms: number): Promise<{ opsPerSecond: number; micros: number }> {
  let n = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 64; i++) {
      const out = fn();
      if (out instanceof Promise) await out;
    }
    n += 64;
    elapsed = performance.now() - started;
  }
  return { opsPerSecond: (n / elapsed) * 1000, micros: (elapsed * 1000) / n };
}

await runBenchmark('webhook-verify', 'Webhook verification: one signed delivery', async (settings) => {
  assertSdkBuilt();
  const ms = settings.quick ? 100 : 400;
  const fns = {} as Record<Case, Record<Contender, () => unknown>>;
  const sizes: string[] = [];
  for (const [caseName, bytes] of Object.entries(CASES) as Array<[Case, number]>) {
    const signed = await signWebhook({
      body: webhookBodyOfSize(paymentSuccessBody(), bytes),
      secret: SECRET,
    });
    sizes.push(`${caseName}: ${Buffer.byteLength(signed.rawBody)} bytes`);
    fns[caseName] = {} as Record<Contender, () => unknown>;
    for (const name of CONTENDERS) {
      const fn = contenderFor(name, signed);
      const out = fn();
      if (out instanceof Promise) await out; // each must accept the genuine webhook
      fns[caseName][name] = fn;
      await measure(fn, ms / 2); // warm-up
    }
  }
  const byCase = await interleaveCases(
    Object.keys(CASES) as Case[],
    CONTENDERS,
    settings.rounds,
    async (caseName, name) => {
      const r = await measure(fns[caseName][name], ms);
      return { 'verifies/s': r.opsPerSecond, 'µs/verify': r.micros };
    },
    (round) => settings.log(`webhook-verify: round ${round + 1}/${settings.rounds}`),
  );
  const figures: Figure[] = [];
  for (const caseName of Object.keys(CASES) as Case[]) {
    figures.push(
      ...figuresOf(caseName, byCase[caseName], [
        { metric: 'verifies/s', better: 'higher', baseline: PARSE_FLOOR },
        { metric: 'µs/verify', better: 'lower', baseline: FLOOR },
      ]),
    );
  }
  const targets: Target[] = (Object.keys(CASES) as Case[]).map((caseName) => {
    const r = findFigure(figures, caseName, OURS, 'verifies/s').ratio!;
    return {
      goal: `${caseName}: verify with parse ≥ 0.95× HMAC + JSON.parse`,
      measured: formatRatio(r),
      met: r.median >= 0.95,
    };
  });
  return {
    setup:
      `In one process, one call at a time (a promise is awaited, as a handler would), ${ms} ms per contender per round. ` +
      `Bodies: the test PAYMENT_SUCCESS_WEBHOOK grown with order tags and payment offers (${sizes.join(', ')}). ` +
      'The floor is `createHmac` + `timingSafeEqual`; cashfree-kit also checks the timestamp window and builds a typed event; ' +
      'cashfree-pg compares base64 strings with `===` (not constant time) and checks no timestamp.',
    figures,
    targets,
  };
});
