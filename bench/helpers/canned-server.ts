// Helper process (benchmarks 3 and 5): a bare node:http server answering every request with a
// canned Cashfree body: the limit of an HTTP server on this machine. The bodies are the
// sandbox's own answers to create-order and get-order, made once at start, so the bare server
// and the sandbox send the same JSON. Answers over IPC: `ready` = { url, orderId }.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxApp } from '@cashfree-kit/sandbox';
import { apiHeaders, ORDER_REQUEST } from '../lib/fixtures.js';
import { serveCommands } from '../lib/processes.js';

const sandbox = createSandboxApp();
const headers = apiHeaders(sandbox.appId, sandbox.secretKey);
const created = await sandbox.request('/pg/orders', {
  method: 'POST',
  headers,
  body: JSON.stringify(ORDER_REQUEST),
});
const createdText = await created.text();
const orderId = (JSON.parse(createdText) as { order_id: string }).order_id;
const fetchedText = await (await sandbox.request(`/pg/orders/${orderId}`, { headers })).text();
sandbox.close();

// The header names of the last request, per method: the benchmark checks that its raw-fetch limit
// sends what cashfree-kit sends (header values never leave this process).
const lastHeaderNames: Record<string, string[]> = {};
const server = createServer((req, res) => {
  lastHeaderNames[req.method ?? ''] = Object.keys(req.headers).sort();
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.method === 'GET' ? fetchedText : createdText);
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
serveCommands(
  { url: `http://127.0.0.1:${port}`, orderId, createdText, fetchedText },
  { lastHeaderNames: () => lastHeaderNames },
);
