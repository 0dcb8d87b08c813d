// Helper process (benchmark 6): the baseline for webhook delivery. POSTs already-signed bodies to
// the receiver, as many in flight and on a fresh connection each, as the sandbox's delivery
// worker does, with nothing else: no outbox, no signing per attempt, no attempt records.
import { request } from 'node:http';
import { serveCommands } from '../lib/processes.js';

interface Post {
  url: string;
  deliveries: Array<{ headers: Record<string, string>; body: string }>;
  inFlight: number;
}

function postOne(url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent: false,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.end(body);
  });
}

serveCommands(
  {},
  {
    async post({ url, deliveries, inFlight }: Post) {
      const target = new URL(url);
      const startedAt = performance.timeOrigin + performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < deliveries.length) {
            const d = deliveries[next++]!;
            await postOne(target, d.headers, d.body);
          }
        }),
      );
      return { startedAt };
    },
  },
);
