/**
 * Loopback helpers for webhook adapter tests: sign a body, POST it to a real server on 127.0.0.1,
 * and read the JSON answer.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SignedWebhook, signWebhook } from 'cashfree-kit/webhooks';

/** The secret adapter tests sign and verify with. */
export const TEST_SECRET = 'cfsk_ma_test_adapter_secret';

/** Signs `body` now with the test secret. */
export function signNow(body: string, secret = TEST_SECRET): Promise<SignedWebhook> {
  return signWebhook({ body, secret });
}

/** POSTs a signed delivery (optionally with another body) and returns the status and parsed JSON. */
export async function postSigned(
  url: string,
  signed: SignedWebhook,
  body: string = signed.rawBody,
): Promise<{ status: number; json: { received?: boolean; error?: { reason: string; message: string } } }> {
  const response = await fetch(url, { method: 'POST', headers: signed.headers, body });
  return { status: response.status, json: (await response.json()) as never };
}

/** The base URL of a Node server once it listens (call `server.listen(0, '127.0.0.1')` first). */
export async function urlOf(server: Server): Promise<string> {
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Closes a Node server and its keep-alive sockets. */
export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
