/**
 * Reads the sandbox's webhook deliveries through its admin API (`/_sandbox/webhooks/deliveries`)
 * and waits for them to settle, for the suites that check delivery under failure.
 */

export interface DeliverySummary {
  id: string;
  event_id: string;
  event_type: string;
  order_id: string | null;
  status: 'pending' | 'delivered' | 'failed';
  idempotency_key: string | undefined;
  attempts: number;
}

/** Every delivery, oldest first (all pages). */
export async function listDeliveries(sandboxUrl: string): Promise<DeliverySummary[]> {
  const all: DeliverySummary[] = [];
  let after = 0;
  for (;;) {
    const res = await fetch(`${sandboxUrl}/_sandbox/webhooks/deliveries?after=${after}&limit=1000`);
    if (!res.ok) throw new Error(`GET /_sandbox/webhooks/deliveries answered ${res.status}`);
    const page = (await res.json()) as {
      data: Array<{
        id: string;
        event_id: string;
        event_type: string;
        order_id: string | null;
        status: DeliverySummary['status'];
        request: { headers: Record<string, string> };
        attempts: unknown[];
      }>;
      cursor: number | null;
    };
    for (const d of page.data) {
      all.push({
        id: d.id,
        event_id: d.event_id,
        event_type: d.event_type,
        order_id: d.order_id,
        status: d.status,
        idempotency_key: d.request.headers['x-idempotency-key'],
        attempts: d.attempts.length,
      });
    }
    if (page.cursor === null || page.data.length < 1000) return all;
    after = page.cursor;
  }
}

/** Polls until no delivery is pending; returns them. Throws after `timeoutMs` naming what is left. */
export async function waitUntilSettled(sandboxUrl: string, timeoutMs: number): Promise<DeliverySummary[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const deliveries = await listDeliveries(sandboxUrl);
    const pending = deliveries.filter((d) => d.status === 'pending');
    if (pending.length === 0) return deliveries;
    if (Date.now() > until) {
      throw new Error(
        `${pending.length} of ${deliveries.length} webhook deliveries still pending after ${timeoutMs} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
