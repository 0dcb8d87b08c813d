import { html, type SafeHtml } from './html.js';
import { page, type ShopInfo } from './layout.js';

export interface AdminLoginInput {
  info: ShopInfo;
  /** The owner's page to open after logging in. */
  next: string;
  error?: string | undefined;
}

/** `/admin/login`, and the answer to an owner's page opened without the token. */
export function adminLoginPage(input: AdminLoginInput): SafeHtml {
  const body = html`<section class="card" data-testid="admin-login"><h1>Shop owner’s login</h1>
<p class="muted">This store can be reached from outside this machine, so its owner’s pages (orders, refunds, payment links, supplier payouts, webhooks) ask for the admin token: the <code>DEMO_STORE_ADMIN_TOKEN</code> you set, or the one the store printed when it started.</p>
${input.error ? html`<div class="alert bad" role="alert" data-testid="error">${input.error}</div>` : ''}
<form method="post" action="/admin/login" class="stack">
<input type="hidden" name="next" value="${input.next}">
<label>Admin token<input name="token" type="password" autocomplete="current-password" required></label>
<button class="primary" type="submit">Open the admin pages</button>
</form></section>`;
  return page({ title: 'Shop owner’s login', info: input.info, section: 'admin', body });
}
