import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** How much of a receiver's answer is kept with the attempt. */
export const RESPONSE_BODY_LIMIT = 4_096;

/** What one POST to a receiver came to. */
export interface SendResult {
  /** The HTTP status, or `null` when no answer arrived (refused, reset, timed out, aborted). */
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  /** The answer's first {@link RESPONSE_BODY_LIMIT} characters. */
  responseBody: string | null;
  /** True when `signal` stopped it (the sandbox is closing): not a result to record. */
  aborted: boolean;
}

/**
 * POSTs a webhook once, on a connection of its own (no keep-alive pool, so a receiver can close
 * at once), without following redirects: like Cashfree, any answer but 2xx is a failure.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'latencyMs' | 'aborted'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve({ ...result, latencyMs: elapsed(), aborted: signal.aborted });
    };
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, {
      method: 'POST',
      agent: false,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms (timeout)`));
    }, timeoutMs);
    timer.unref();
    const onAbort = () => req.destroy(new Error('the sandbox stopped while the delivery was in flight'));
    signal.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) => finish({ statusCode: null, error: error.message, responseBody: null }));
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (text.length < RESPONSE_BODY_LIMIT) text += chunk;
      });
      const done = (error: string | null) =>
        finish({
          statusCode: res.statusCode ?? null,
          error,
          responseBody: text.slice(0, RESPONSE_BODY_LIMIT),
        });
      res.on('end', () => done(null));
      // The status arrived; a body cut short is still that status.
      res.on('error', (error) => done(error.message));
      res.on('aborted', () => done('the receiver closed the connection mid-answer'));
    });
    if (signal.aborted) onAbort();
    req.end(body);
  });
}
