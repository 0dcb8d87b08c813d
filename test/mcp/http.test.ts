/**
 * The same as over stdio, over Streamable HTTP: the server started with `--http 0` listens on a free
 * port of 127.0.0.1 and prints its URL; the SDK's Client connects to it. A request whose Host is
 * not the loopback address is refused (DNS rebinding).
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { checkCheckoutFlow, checkToolListing } from './checkout-flow.ts';
import { httpClient } from './support.ts';

test('over Streamable HTTP on 127.0.0.1: the tool listing and the checkout flow', async (t) => {
  const { client, url, stderr } = await httpClient(t);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  await checkToolListing(client);
  await checkCheckoutFlow(t, client, stderr);
});

test('over Streamable HTTP: a request naming another Host is refused', async (t) => {
  const { url } = await httpClient(t);
  // node:http, since fetch does not let a caller choose the Host header.
  const status = await new Promise<number | undefined>((resolve, reject) => {
    const sent = request(
      url,
      {
        method: 'POST',
        headers: {
          host: 'attacker.example',
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
      },
      (response) => {
        response.resume();
        resolve(response.statusCode);
      },
    );
    sent.on('error', reject);
    sent.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }));
  });
  assert.equal(status, 403);
});
