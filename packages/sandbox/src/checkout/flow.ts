import { type Html, html } from './html.js';

/**
 * How the customer reached the checkout, carried from page to page in the query string and in
 * hidden form fields (the pages keep no session state):
 * - `mode`: `redirect` (the checkout fills the window: `_self`, `_top`, `_blank`) or `modal` (it
 *   runs in the stand-in's iframe and reports the result to the merchant page by `postMessage`);
 * - `returnUrl`: a `returnUrl` passed to `cashfree.checkout()`, which wins over the order's
 *   `order_meta.return_url`.
 */
export interface Flow {
  mode: 'redirect' | 'modal';
  returnUrl: string | undefined;
}

/** The flow from query parameters or form fields (`mode`, `return_url`). */
export function readFlow(get: (name: string) => string | undefined): Flow {
  const returnUrl = get('return_url');
  return {
    mode: get('mode') === 'modal' ? 'modal' : 'redirect',
    returnUrl: returnUrl && /^https?:\/\//i.test(returnUrl) ? returnUrl : undefined,
  };
}

/** `url` with the flow's query parameters added. */
export function withFlow(url: string, flow: Flow): string {
  const params = new URLSearchParams();
  if (flow.mode === 'modal') params.set('mode', 'modal');
  if (flow.returnUrl) params.set('return_url', flow.returnUrl);
  const query = params.toString();
  if (!query) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/** Hidden inputs that carry the flow through a form post. */
export function flowInputs(flow: Flow): Html {
  return html`${flow.mode === 'modal' ? html`<input type="hidden" name="mode" value="modal">` : ''}${
    flow.returnUrl ? html`<input type="hidden" name="return_url" value="${flow.returnUrl}">` : ''
  }`;
}
