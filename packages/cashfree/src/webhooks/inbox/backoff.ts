/**
 * How long to wait before retrying a failed handler, given how many attempts have run (1, 2, …).
 *
 * @example
 * const everyMinute: Backoff = () => 60_000;
 * const inbox = createWebhookInbox({ store: createMemoryInboxStore(), handler: () => {}, backoff: everyMinute });
 */
export type Backoff = (attempt: number) => number;

/**
 * Exponential backoff with jitter: about `baseMs · factor^(attempt-1)`, capped at `maxMs`, then a
 * random 50–100 % of it so that instances retrying together spread out. Defaults: 10 s, ×4, 1 h
 * (10 s, 40 s, 2.7 min, 11 min, 43 min).
 *
 * @example
 * ```ts
 * const inbox = createWebhookInbox({
 *   store: createMemoryInboxStore(),
 *   handler: async (event) => console.log(event.type),
 *   backoff: exponentialBackoff({ baseMs: 1000 }),
 * });
 * ```
 */
export function exponentialBackoff({
  baseMs = 10_000,
  factor = 4,
  maxMs = 3_600_000,
  jitter = true,
}: {
  baseMs?: number;
  factor?: number;
  maxMs?: number;
  jitter?: boolean;
} = {}): Backoff {
  return (attempt) => {
    const delay = Math.min(maxMs, baseMs * factor ** Math.max(0, attempt - 1));
    return Math.round(jitter ? delay * (0.5 + Math.random() / 2) : delay);
  };
}
