import { Socket } from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

/**
 * Refuses every TCP connection to a host other than loopback, and counts the attempts. A
 * benchmark client must not talk to the internet (cashfree-pg at its defaults starts Sentry,
 * which sends traces to Cashfree's Sentry project); the count is reported with its figures.
 */
export function guardLoopback(): { attempts: () => Map<string, number>; restore: () => void } {
  const attempts = new Map<string, number>();
  const connect = Socket.prototype.connect as (...args: unknown[]) => Socket;
  Socket.prototype.connect = function guarded(this: Socket, ...args: unknown[]) {
    const first = args[0];
    const options = (Array.isArray(first) ? first[0] : first) as { host?: string; path?: string } | number;
    const host =
      typeof options === 'object' && options !== null
        ? options.path
          ? undefined
          : (options.host ?? 'localhost')
        : typeof args[1] === 'string'
          ? args[1]
          : 'localhost';
    if (host !== undefined && !LOOPBACK.has(host)) {
      attempts.set(host, (attempts.get(host) ?? 0) + 1);
      process.nextTick(() =>
        this.destroy(new Error(`[bench] blocked a connection to ${host}: not loopback`)),
      );
      return this;
    }
    return connect.apply(this, args);
  } as typeof Socket.prototype.connect;
  return {
    attempts: () => attempts,
    restore: () => {
      Socket.prototype.connect = connect as typeof Socket.prototype.connect;
    },
  };
}
