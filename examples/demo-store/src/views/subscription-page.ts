/**
 * `GET /tea-of-the-month`: the subscription offer and its Subscribe form. "Subscribe" asks the
 * shop's server to create the subscription (POST /api/subscriptions), then opens Cashfree's
 * mandate page with `cashfree.subscriptionsCheckout()` and the subscription_session_id it got
 * back; the mandate page returns to the store's return page, which asks Cashfree what happened.
 */
import { formatInrFromPaise } from 'cashfree-kit';
import { DEMO_CUSTOMER } from '../product.js';
import { TEA_PLAN } from '../subscriptions/tea-plan.js';
import { teaTin } from './artwork.js';
import { html, type SafeHtml, trusted } from './html.js';
import { page, type ShopInfo } from './layout.js';
import { cashfreeScript } from './product-page.js';

/**
 * Opens the mandate page for a session: the Subscribe form's (after the server created the
 * subscription) and the return page's "Approve the mandate" button (`data-session`). Plain ES5,
 * like the shop's other browser code.
 */
export const MANDATE_SCRIPT = `
(function () {
  var cashfree = Cashfree({ mode: 'sandbox' });
  var message = document.getElementById('subscribe-message');
  function show(kind, text) {
    message.className = 'alert ' + kind;
    message.textContent = text;
    message.hidden = false;
  }
  function openMandate(sessionId, done) {
    if (typeof cashfree.subscriptionsCheckout !== 'function') {
      done();
      show('bad', 'This cashfree.js cannot open the mandate page (it has no subscriptionsCheckout). Nothing was charged.');
      return;
    }
    return cashfree
      .subscriptionsCheckout({ subsSessionId: sessionId, redirectTarget: '_self' })
      .then(function (result) {
        if (result && result.error) {
          done();
          show('bad', 'The mandate page did not open: ' + result.error.message + ' Nothing was charged.');
        }
      });
  }

  var again = document.getElementById('approve-mandate');
  if (again) {
    again.addEventListener('click', function () {
      again.disabled = true;
      openMandate(again.getAttribute('data-session'), function () { again.disabled = false; });
    });
  }

  var form = document.getElementById('subscribe-form');
  if (!form) return;
  var button = form.querySelector('button[type=submit]');
  function busy(on) {
    button.disabled = on;
    button.classList.toggle('busy', on);
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    message.hidden = true;
    busy(true);
    var body = {
      customer_name: form.elements.customer_name.value,
      customer_email: form.elements.customer_email.value,
      customer_phone: form.elements.customer_phone.value
    };
    fetch('/api/subscriptions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.error) {
          busy(false);
          show('bad', answer.error.message);
          var field = answer.error.field && form.elements[answer.error.field];
          if (field) field.focus();
          return;
        }
        show('info', 'Subscription ' + answer.subscription_id + ' created. Opening the mandate page…');
        return openMandate(answer.subscription_session_id, function () { busy(false); });
      })
      .catch(function (error) {
        busy(false);
        show('bad', 'Could not reach the shop: ' + error.message);
      });
  });
})();
`;

/** The price line: `₹499.00 a month`. */
export function teaPlanPrice(): string {
  return `${formatInrFromPaise(TEA_PLAN.amountPaise)} a month`;
}

export function subscriptionPage(info: ShopInfo, scriptUrl: string): SafeHtml {
  const body = html`<div class="product">
<div>${teaTin}</div>
<div>
<div class="eyebrow">Subscription · cancel any time</div>
<h1>${TEA_PLAN.name}</h1>
<div class="muted">${TEA_PLAN.subtitle}</div>
<p class="price" data-testid="subscription-price">${teaPlanPrice()}<small>incl. GST · free shipping</small></p>
<p>Each month our tasters pick one tea from the gardens we buy from (a first flush in spring, a muscatel second flush in summer, an autumnal in October) and send you a 100 g tin with a note on how to brew it.</p>
<ul class="ticks"><li>Your first tin ships now; the first ${formatInrFromPaise(TEA_PLAN.amountPaise)} is charged a month later, then every month on the same day</li><li>Approve once with UPI Autopay or your card; ₹1 proves the mandate and comes back</li><li>Pause, resume or cancel by writing to us</li></ul>
<section class="card" aria-labelledby="subscribe-title">
<h2 id="subscribe-title">Subscribe</h2>
<form id="subscribe-form" class="stack" novalidate>
<label>Full name<input name="customer_name" autocomplete="name" value="${DEMO_CUSTOMER.customer_name}" required></label>
<div class="row2">
<label>Email<input name="customer_email" type="email" autocomplete="email" value="${DEMO_CUSTOMER.customer_email}" required></label>
<label>Mobile number<input name="customer_phone" type="tel" inputmode="tel" autocomplete="tel" value="${DEMO_CUSTOMER.customer_phone}" required></label>
</div>
<div class="actions"><button class="primary" type="submit" id="subscribe"><span class="spinner"></span>Subscribe for ${teaPlanPrice()}</button></div>
<p class="small muted">Our server creates the subscription on the plan <code>${TEA_PLAN.plan_id}</code>, then your browser opens Cashfree's mandate page with <code>cashfree.subscriptionsCheckout()</code>. You approve the mandate there and come back here.</p>
<div id="subscribe-message" role="status" hidden></div>
</form>
</section>
<p class="small"><a href="/">← First Flush Darjeeling, one tin</a></p>
</div>
</div>
<script>${trusted(MANDATE_SCRIPT)}</script>`;
  return page({ title: TEA_PLAN.name, info, section: 'shop', body, head: cashfreeScript(scriptUrl) });
}
