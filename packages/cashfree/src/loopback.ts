/**
 * Whether a host is this machine. Only a local process (the sandbox, a dev server) listens there,
 * so plain http to it never crosses a network: the webhook URL check, the sandbox, the CLI and the
 * demo store all let http through for these hosts and nothing else.
 *
 * @module
 */

/** `URL.hostname` keeps the brackets of an IPv6 address; a bare host (`--host ::1`) has none. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * True for `127.0.0.1`, `localhost` and `::1` (bracketed, as `URL.hostname` prints it, or bare).
 *
 * @example
 * isLoopbackHost(new URL('http://[::1]:8787/pg').hostname); // true
 * isLoopbackHost('api.cashfree.com'); // false
 */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}
