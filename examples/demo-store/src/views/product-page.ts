import { formatInrFromPaise } from 'cashfree-kit';
import { DEMO_CUSTOMER, PRODUCT } from '../product.js';
import { teaTin } from './artwork.js';
import { html, type SafeHtml, trusted } from './html.js';
import { page, type ShopInfo } from './layout.js';
import { CHECKOUT_SCRIPT } from './scripts.js';
import { teaPlanPrice } from './subscription-page.js';
import { whatHappened } from './what-happened.js';

/** The cashfree.js script tag: the sandbox's stand-in locally, Cashfree's own otherwise. */
export function cashfreeScript(src: string): SafeHtml {
  return html`<script src="${src}"></script>`;
}

/**
 * `GET /`: the product, the customer's details and the two ways to open checkout. The form posts
 * to `/` (never a GET: the customer's details stay out of the URL) and its script stops that post
 * when it runs; `notice` is what the page says when the post arrived all the same.
 */
export function productPage(info: ShopInfo, scriptUrl: string, notice?: string): SafeHtml {
  const price = formatInrFromPaise(PRODUCT.pricePaise);
  const body = html`<div class="product">
<div>${teaTin}</div>
<div>
<div class="eyebrow">Single estate · Spring 2025 harvest</div>
<h1>${PRODUCT.name}</h1>
<div class="muted">${PRODUCT.subtitle}</div>
<p class="price" data-testid="price">${price}<small>incl. GST · free shipping</small></p>
<p>Picked in March on the slopes above Kurseong, these tender first leaves brew a bright, golden cup with the muscatel lift Darjeeling is loved for.</p>
<ul class="ticks"><li>Hand-rolled whole leaf, about 40 cups</li><li>Ships in 2 days from Siliguri</li><li>Pay by card, UPI, netbanking or wallet</li></ul>
<p class="small" data-testid="tea-of-the-month">Or a tin every month: <a href="/tea-of-the-month">Tea of the month</a>, ${teaPlanPrice()}.</p>
<section class="card" aria-labelledby="checkout-title">
<h2 id="checkout-title">Checkout</h2>
<form id="checkout-form" class="stack" method="post" action="/" novalidate>
<label>Full name<input name="customer_name" autocomplete="name" value="${DEMO_CUSTOMER.customer_name}" required></label>
<div class="row2">
<label>Email<input name="customer_email" type="email" autocomplete="email" value="${DEMO_CUSTOMER.customer_email}"></label>
<label>Mobile number<input name="customer_phone" type="tel" inputmode="tel" autocomplete="tel" value="${DEMO_CUSTOMER.customer_phone}" required></label>
</div>
<div class="actions">
<button class="primary" type="submit" name="redirect_target" value="_self" id="pay-self"><span class="spinner"></span>Pay ${price.replace('.00', '')}</button>
<button class="secondary" type="submit" name="redirect_target" value="_modal" id="pay-modal"><span class="spinner"></span>Pay in a pop-up</button>
</div>
<p class="small muted">Both buttons create the order on our server, then open Cashfree checkout with <code>cashfree.checkout()</code>: <strong>Pay</strong> takes you to Cashfree and back (<code>redirectTarget: '_self'</code>), <strong>pop-up</strong> opens it over this page (<code>'_modal'</code>).</p>
${notice ? html`<div id="checkout-message" role="status" class="alert bad">${notice}</div>` : html`<div id="checkout-message" role="status" hidden></div>`}
</form>
</section>
</div>
</div>
${whatHappened([], 'Nothing yet. Click Pay: each request the server makes to Cashfree, and the checkout call the browser makes, appears here with its response.')}
<script>${trusted(CHECKOUT_SCRIPT)}</script>`;
  return page({ title: PRODUCT.name, info, section: 'shop', body, head: cashfreeScript(scriptUrl) });
}
