import { html, type SafeHtml } from './html.js';

const timeFormat = new Intl.DateTimeFormat('en-IN', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  // h23, not hour12: false, which prints midnight as 24:00 (the day before's end).
  hourCycle: 'h23',
  timeZone: 'Asia/Kolkata',
});

/** `14 Feb, 10:00:05` in IST, the time zone Cashfree reports in. */
export function formatTime(epochMs: number | null | undefined): string {
  return epochMs == null ? '—' : `${timeFormat.format(epochMs)} IST`;
}

/**
 * A time Cashfree sent as ISO 8601 (`link_expiry_time`), in the same style as `formatTime`; a
 * value that does not parse is shown as sent rather than hidden.
 */
export function formatIsoTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const epochMs = Date.parse(iso);
  return Number.isNaN(epochMs) ? iso : formatTime(epochMs);
}

const tone: Record<string, string> = {
  PAID: 'ok',
  SUCCESS: 'ok',
  done: 'ok',
  FAILED: 'bad',
  CANCELLED: 'bad',
  USER_DROPPED: 'bad',
  EXPIRED: 'bad',
  TERMINATED: 'bad',
  dead: 'bad',
  PENDING: 'wait',
  ONHOLD: 'wait',
  pending: 'wait',
  processing: 'wait',
  PARTIALLY_PAID: 'wait',
};

/** A coloured status pill; `data-status` carries the raw value for tests and styles. */
export function badge(status: string): SafeHtml {
  return html`<span class="badge ${tone[status] ?? 'neutral'}" data-status="${status}">${status.replaceAll('_', ' ')}</span>`;
}
