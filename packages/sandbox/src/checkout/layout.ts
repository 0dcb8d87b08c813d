import { type Html, html, trusted } from './html.js';

/**
 * The one stylesheet of every sandbox page (checkout, payment link, bank pages, dashboard):
 * inline, no fonts or images to fetch, readable from 375 px wide up.
 */
const CSS = trusted(`
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f4f8;color:#1d2433}
a{color:#3b4fd8}
.banner{background:#1d2433;color:#fff;font-size:12px;letter-spacing:.04em;padding:6px 12px;text-align:center}
.banner b{color:#ffd166}
.framed .banner{display:flex;align-items:center;justify-content:center;min-height:44px;padding:6px 48px}
main{max-width:480px;margin:0 auto;padding:16px}
main.wide{max-width:1160px}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(20,30,60,.12);padding:16px;margin:0 0 14px}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:16px;margin:0 0 10px}
.muted{color:#5b6477;font-size:13px}
.amount{font-size:28px;font-weight:700;margin:6px 0}
.row{display:flex;justify-content:space-between;gap:12px;padding:4px 0;border-bottom:1px dashed #e3e6ee}
.row:last-child{border-bottom:0}
.row span:last-child{text-align:right;min-width:0;overflow-wrap:anywhere}
label{display:block;font-size:13px;font-weight:600;margin:10px 0 4px}
input,select,textarea{width:100%;padding:10px;border:1px solid #c8cdda;border-radius:8px;font:inherit;background:#fff}
.inline{display:flex;gap:10px}.inline>*{flex:1}
button,.button{display:inline-block;border:0;border-radius:8px;padding:11px 16px;font:inherit;font-weight:600;cursor:pointer;background:#3b4fd8;color:#fff;text-decoration:none;text-align:center}
button.block{display:block;width:100%;margin-top:14px}
button.secondary,.button.secondary{background:#e8eaf3;color:#1d2433}
button.danger{background:#c4314b}
button.success{background:#1f8a4c}
button.small{padding:6px 10px;font-size:13px}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
.actions>*{flex:1 1 140px}
.error{background:#fde8ec;color:#8c1d33;border-radius:8px;padding:10px;margin:10px 0}
.error ul{margin:4px 0 0;padding-left:18px}
.field-error{color:#8c1d33;font-size:13px;margin:4px 0 0}
input[aria-invalid=true]{border-color:#c4314b;background:#fff8f9}
.note{background:#fff7e0;border-radius:8px;padding:10px;font-size:13px;margin:10px 0}
.note code,.testdata code{background:#fff;border:1px solid #eadba8;border-radius:4px;padding:0 4px}
.testdata{font-size:13px}
.testdata td{padding:2px 6px 2px 0;vertical-align:top}
.testdata code{white-space:nowrap}
.tabs{position:relative}
.tabs>input{position:absolute;opacity:0;pointer-events:none;left:0;top:0;width:1px;height:1px;margin:0}
.tabs>.labels{display:flex;gap:6px;overflow-x:auto;margin-bottom:10px}
.tabs>.labels label{margin:0;padding:8px 12px;border-radius:8px;background:#e8eaf3;cursor:pointer;white-space:nowrap;font-weight:600}
.tabs>.panel{display:none}
.badge{display:inline-block;border-radius:999px;padding:2px 8px;font-size:12px;font-weight:700;background:#e8eaf3}
.badge.SUCCESS,.badge.PAID,.badge.delivered{background:#d8f3e3;color:#14653a}
.badge.FAILED,.badge.failed,.badge.CANCELLED,.badge.EXPIRED,.badge.TERMINATED{background:#fde8ec;color:#8c1d33}
.badge.PENDING,.badge.pending,.badge.PARTIALLY_PAID,.badge.ACTIVE,.badge.USER_DROPPED,.badge.ONHOLD{background:#fff1cc;color:#7a5300}
table.list{width:100%;border-collapse:collapse;font-size:13px}
table.list th,table.list td{text-align:left;padding:6px;border-bottom:1px solid #e3e6ee;vertical-align:top}
table.list td.wrap{overflow-wrap:anywhere;min-width:160px}
.scroll{overflow-x:auto}
pre{background:#f6f7fb;border:1px solid #e3e6ee;border-radius:8px;padding:8px;overflow-x:auto;font-size:12px;white-space:pre-wrap;overflow-wrap:anywhere;max-height:320px}
details summary{cursor:pointer;font-weight:600}
nav.top{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin-bottom:14px}
nav.top form{display:flex;gap:6px;flex:1 1 260px}
`);

/**
 * The tab icon of every sandbox page, inline so a page fetches nothing (and the browser's request
 * for /favicon.ico does not appear as a 404): a rupee sign on the banner's dark blue.
 */
const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d2433"/><text x="16" y="23" font-size="20" font-family="sans-serif" font-weight="700" text-anchor="middle" fill="#ffd166">₹</text></svg>',
)}`;

/**
 * Marks a page shown inside a frame (the cashfree.js stand-in's modal), whose close button sits
 * over the frame's top right corner: the banner then makes room for it.
 */
const FRAMED_SCRIPT = trusted(
  `<script>if(window.parent!==window)document.documentElement.className+=' framed';</script>`,
);

/** A complete page: the sandbox banner, the stylesheet, and `body` in a narrow or wide column. */
export function page(options: {
  title: string;
  body: Html;
  wide?: boolean | undefined;
  head?: Html | undefined;
  banner?: string | undefined;
}): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${options.title}</title>
<link rel="icon" href="${FAVICON}">
<style>${CSS}</style>
${FRAMED_SCRIPT}
${options.head}
</head>
<body>
<div class="banner"><b>SANDBOX</b> · ${options.banner ?? 'cashfree-kit local sandbox: no real money moves'}</div>
<main class="${options.wide ? 'wide' : ''}">
${options.body}
</main>
</body>
</html>`;
}

/** A `Label: value` line. */
export function row(label: string, value: unknown): Html {
  return html`<div class="row"><span class="muted">${label}</span><span>${value}</span></div>`;
}

/** A coloured status label. */
export function badge(status: string): Html {
  return html`<span class="badge ${status.replace(/[^A-Za-z_]/g, '')}">${status}</span>`;
}
