/**
 * The conformance checks as a Cloudflare Worker: any request runs them and answers their results
 * as JSON. Settings arrive as text bindings (test/runtimes/conformance.test.ts writes the workerd
 * config). workerd has no SQLite driver the inbox store opens, so no inbox check runs here.
 */
import { runChecks } from './checks.ts';

interface Env {
  CONFORMANCE_RUNTIME: string;
  CASHFREE_APP_ID: string;
  CASHFREE_SECRET_KEY: string;
  CONFORMANCE_SANDBOX_URL: string;
  CONFORMANCE_FAULTS_URL: string;
  CONFORMANCE_CARD_EXPIRY: string;
}

export default {
  async fetch(_request: Request, env: Env): Promise<Response> {
    const results = await runChecks({
      runtime: env.CONFORMANCE_RUNTIME,
      appId: env.CASHFREE_APP_ID,
      secretKey: env.CASHFREE_SECRET_KEY,
      sandboxUrl: env.CONFORMANCE_SANDBOX_URL,
      faultsUrl: env.CONFORMANCE_FAULTS_URL,
      cardExpiry: env.CONFORMANCE_CARD_EXPIRY,
    });
    return Response.json(results);
  },
};
