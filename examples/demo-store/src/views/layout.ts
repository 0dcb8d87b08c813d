import type { CashfreeTarget } from '../config.js';
import { logo } from './artwork.js';
import { html, type SafeHtml, trusted } from './html.js';
import { COPY_SCRIPT } from './scripts.js';
import { STYLES } from './styles.js';

/** What every page says about where payments go. */
export interface ShopInfo {
  target: CashfreeTarget;
  /** The Cashfree API base the server calls. */
  apiBase: string;
  /** Set when Cashfree cannot reach the webhook route (no public URL). */
  webhooksOff: string | undefined;
  /** The local sandbox's dashboard (clock, deliveries), when the store runs on one. */
  sandboxDashboard: string | undefined;
}

export type Section = 'shop' | 'admin' | 'subscriptions' | 'payouts' | 'events';

/** The admin page of an order or a payment link, or a subscription's card on the Subscriptions page. */
export function subjectHref(kind: 'order' | 'link' | 'subscription', id: string): string {
  if (kind === 'subscription') return `/admin/subscriptions#${encodeURIComponent(id)}`;
  return `/admin/${kind === 'link' ? 'links' : 'orders'}/${encodeURIComponent(id)}`;
}

export interface PageOptions {
  title: string;
  info: ShopInfo;
  section: Section;
  body: SafeHtml;
  /** Extra elements for `<head>`, e.g. the cashfree.js script tag. */
  head?: SafeHtml;
}

function ribbon(info: ShopInfo): SafeHtml {
  const where =
    info.target === 'local-sandbox'
      ? html`Demo store · payments go to the <strong>local Cashfree sandbox</strong>: no account, no real money. <span class="chip">Card 4111 1111 1111 1111</span>, <span class="chip">OTP 111000</span>.`
      : html`Demo store · payments go to <strong>Cashfree's TEST environment</strong> with your test keys: no real money.`;
  return html`<div class="ribbon">${where}</div>
${info.webhooksOff ? html`<div class="ribbon warn">Webhooks are off: ${info.webhooksOff}</div>` : ''}`;
}

function nav(section: Section): SafeHtml {
  const item = (href: string, label: string, id: Section) =>
    html`<a href="${href}"${id === section ? trusted(' aria-current="page"') : ''}>${label}</a>`;
  return html`<nav class="site" aria-label="Main">${item('/', 'Shop', 'shop')}${item('/admin', 'Orders & refunds', 'admin')}${item('/admin/subscriptions', 'Subscriptions', 'subscriptions')}${item('/admin/payouts', 'Pay a supplier', 'payouts')}${item('/events', 'Webhooks', 'events')}</nav>`;
}

/** A whole page: ribbon, header, content, footer. */
export function page(options: PageOptions): SafeHtml {
  return html`<!doctype html>
<html lang="en-IN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${options.title} · Pahadi Tea Co.</title>
<style>${trusted(STYLES)}</style>
${options.head ?? ''}
</head>
<body>
${ribbon(options.info)}
<header class="site"><div class="bar">
<a class="brand" href="/">${logo}<span class="wordmark">Pahadi Tea Co.<small>Darjeeling · since 1962</small></span></a>
${nav(options.section)}
</div></header>
<main>
${options.body}
</main>
<footer class="site">A demo shop built with cashfree-kit: server calls through the SDK, checkout through cashfree.js, webhooks verified and processed once through the inbox. API base: <code>${options.info.apiBase}</code>.</footer>
<script>${trusted(COPY_SCRIPT)}</script>
</body>
</html>`;
}
