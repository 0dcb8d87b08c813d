/**
 * Child process of the reliability suite: starts a sandbox on 127.0.0.1 with the options given
 * as JSON in argv[2] and talks to its parent over IPC (see sandbox-process.ts). Run with
 * `--expose-gc` so that memory samples are taken after a full collection.
 */
import { type SandboxOptions, startSandbox } from '@cashfree-kit/sandbox';

export type ParentMessage = { type: 'memory' } | { type: 'close' };
export type ChildMessage =
  | { type: 'ready'; url: string; appId: string; secretKey: string; db: string }
  | { type: 'memory'; heapUsed: number; rss: number; external: number }
  | { type: 'closed' };

const options = JSON.parse(process.argv[2] ?? '{}') as SandboxOptions;
const sandbox = await startSandbox({ port: 0, ...options });
const send = (message: ChildMessage) => process.send?.(message);

process.on('message', (message: ParentMessage) => {
  if (message.type === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('sandbox-child.ts needs --expose-gc');
    // Twice: the first pass finalises, the second collects what the finalisers released.
    gc();
    gc();
    const { heapUsed, rss, external } = process.memoryUsage();
    send({ type: 'memory', heapUsed, rss, external });
  } else if (message.type === 'close') {
    void sandbox.close().then(() => {
      send({ type: 'closed' });
      process.disconnect();
    });
  }
});
// Without a parent there is nobody to stop us.
process.on('disconnect', () => void sandbox.close().then(() => process.exit(0)));

send({ type: 'ready', url: sandbox.url, appId: sandbox.appId, secretKey: sandbox.secretKey, db: sandbox.db });
