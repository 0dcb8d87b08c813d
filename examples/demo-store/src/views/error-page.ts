import { html, type SafeHtml } from './html.js';
import { page, type ShopInfo } from './layout.js';

/** A page for something that went wrong: what, and where to go next. */
export function errorPage(info: ShopInfo, title: string, message: string): SafeHtml {
  const body = html`<section class="card hero expired" data-testid="error-page"><div class="icon" aria-hidden="true">!</div>
<h1>${title}</h1><p>${message}</p><a class="button secondary" href="/">Back to the shop</a></section>`;
  return page({ title, info, section: 'shop', body });
}
