// Helper process (the payouts benchmark): a merchant's Payouts webhook endpoint. Reads the raw
// body, verifies it with cashfree-kit's constructPayoutsWebhookEvent (the Payouts secret) and
// answers 200 (400 when verification fails). Commands: `expect { prefix, count }` starts counting
// from zero the transfers whose transfer_id starts with `prefix`; `done` resolves once each of
// `count` such transfers has had its final webhook (TRANSFER_ACKNOWLEDGED: COMPLETED at the
// beneficiary's bank), with the time of the last one (epoch ms, comparable across processes) and
// how many deliveries of each type were verified.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constructPayoutsWebhookEvent } from 'cashfree-kit/webhooks';
import { serveCommands } from '../lib/processes.js';

const secret = process.argv[2];
if (!secret) throw new Error('[bench] payouts-webhook-receiver needs the Payouts secret as its argument');

let prefix = '\0';
let target = Number.POSITIVE_INFINITY;
let completed = new Set<string>();
let byType: Record<string, number> = {};
let rejected = 0;
let firstRejection: string | undefined;
let lastAt = 0;
let onTarget: (() => void) | undefined;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const event = await constructPayoutsWebhookEvent(Buffer.concat(chunks), req.headers, secret);
      res.writeHead(200).end('ok');
      // Transfer events carry the transfer; a batch event, or a type this SDK does not know, counts for none.
      const data = (event as { data?: { transfer_id?: unknown } }).data;
      const transferId = typeof data?.transfer_id === 'string' ? data.transfer_id : '';
      if (!transferId.startsWith(prefix)) return;
      byType[event.type] = (byType[event.type] ?? 0) + 1;
      if (event.type !== 'TRANSFER_ACKNOWLEDGED') return;
      completed.add(transferId);
      lastAt = performance.timeOrigin + performance.now();
      if (completed.size >= target) onTarget?.();
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
  { url: `http://127.0.0.1:${port}/webhooks/cashfree-payouts` },
  {
    expect(args: { prefix: string; count: number }) {
      prefix = args.prefix;
      target = args.count;
      completed = new Set();
      byType = {};
      rejected = 0;
      firstRejection = undefined;
      onTarget = undefined;
      return true;
    },
    done() {
      return new Promise((resolve) => {
        const finish = () =>
          resolve({ at: lastAt, completed: completed.size, byType, rejected, firstRejection });
        if (completed.size >= target) finish();
        else onTarget = finish;
      });
    },
  },
);
