// Helper process (benchmark 6): a shop's webhook endpoint. Reads the raw body, verifies it with
// cashfree-kit's constructWebhookEvent and answers 200 (400 when verification fails). Commands:
// `expect { count }` starts counting from zero; `done` resolves once `count` deliveries were
// verified, with the time of the last one (epoch ms, comparable across processes).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constructWebhookEvent } from 'cashfree-kit/webhooks';
import { serveCommands } from '../lib/processes.js';

const secret = process.argv[2];
if (!secret) throw new Error('[bench] webhook-receiver needs the secret as its argument');

let verified = 0;
let rejected = 0;
let target = Number.POSITIVE_INFINITY;
let lastAt = 0;
let firstRejection: string | undefined;
let onTarget: (() => void) | undefined;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      await constructWebhookEvent(Buffer.concat(chunks), req.headers, secret);
      res.writeHead(200).end('ok');
      verified++;
      lastAt = performance.timeOrigin + performance.now();
      if (verified >= target) onTarget?.();
    } catch (error) {
      rejected++;
      firstRejection ??= String(error);
      res.writeHead(400).end('bad signature');
    }
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

serveCommands(
  { url: `http://127.0.0.1:${port}/webhooks/cashfree` },
  {
    expect({ count }: { count: number }) {
      verified = 0;
      rejected = 0;
      target = count;
      firstRejection = undefined;
      return true;
    },
    done() {
      return new Promise((resolve) => {
        const finish = () => resolve({ at: lastAt, verified, rejected, firstRejection });
        if (verified >= target) finish();
        else onTarget = finish;
      });
    },
  },
);
