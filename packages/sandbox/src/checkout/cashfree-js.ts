import { MODAL_MESSAGE_SOURCE } from './result-pages.js';

/**
 * The cashfree.js v3 stand-in served at `/js/v3/cashfree.js`: the same surface as
 * `https://sdk.cashfree.com/js/v3/cashfree.js`, so a page needs only its script URL changed.
 *
 * - `Cashfree({ mode })` returns `{ checkout, subscriptionsCheckout, version }`; `mode` is `'sandbox'` or `'production'`
 *   (both use this sandbox; `'production'` logs a warning).
 * - `checkout({ paymentSessionId, redirectTarget, returnUrl? })` checks the session with the
 *   sandbox (`GET /checkout/sessions/{id}`), then opens `/checkout/pay?session=…`:
 *   `_self` (default) / `_top` navigate that window, `_blank` a new one, and each resolves
 *   `{ redirect: true }`; `_modal` shows the checkout in an iframe over the page and resolves
 *   `{ paymentDetails: { paymentMessage } }` when a payment ends (whatever its outcome), or
 *   `{ error }` when the customer closes it or cancels.
 * - `subscriptionsCheckout({ subsSessionId, redirectTarget })` does the same for a subscription's
 *   `subscription_session_id` (checked with `GET /subscriptions/sessions/{id}`): it opens the hosted
 *   mandate page `/subscriptions/checkout?session=…` with the same targets, and in `_modal`
 *   resolves `{ paymentDetails: { paymentMessage } }` once the authorisation has an outcome.
 * - A missing or unknown session, or an unknown `redirectTarget`, resolves
 *   `{ error: { message, code, type } }`.
 *
 * The sandbox's origin is read from the script's own URL. Plain ES5 with no dependencies, so it
 * runs wherever the real one does.
 */
export const CASHFREE_JS = `/* cashfree-kit sandbox stand-in for https://sdk.cashfree.com/js/v3/cashfree.js */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var SOURCE = ${JSON.stringify(MODAL_MESSAGE_SOURCE)};
  var TARGETS = ['_self', '_blank', '_top', '_modal'];

  function failure(message, code, type) {
    return { error: { message: message, code: code, type: type || 'invalid_request_error' } };
  }

  // The two kinds of session: an order's payment session and a subscription's mandate session.
  var KINDS = {
    payment: { lookUp: '/checkout/sessions/', page: '/checkout/pay' },
    subscription: { lookUp: '/subscriptions/sessions/', page: '/subscriptions/checkout' }
  };

  function checkoutUrl(kind, sessionId, modal, returnUrl) {
    var url = origin + KINDS[kind].page + '?session=' + encodeURIComponent(sessionId);
    if (modal) url += '&mode=modal';
    if (returnUrl) url += '&return_url=' + encodeURIComponent(returnUrl);
    return url;
  }

  function lookUp(kind, sessionId) {
    return fetch(origin + KINDS[kind].lookUp + encodeURIComponent(sessionId)).then(
      function (response) {
        return response.json().then(function (body) {
          return response.ok ? null : failure(body.message, body.code, body.type);
        });
      },
      function () {
        return failure(
          'Could not reach the Cashfree sandbox at ' + origin + '. Is it running?',
          'sandbox_unreachable',
          'api_connection_error'
        );
      }
    );
  }

  function openModal(url) {
    return new Promise(function (resolve) {
      var overlay = document.createElement('div');
      overlay.id = 'cashfree-sandbox-modal';
      overlay.setAttribute('role', 'dialog');
      overlay.setAttribute('aria-modal', 'true');
      overlay.style.cssText =
        'position:fixed;inset:0;z-index:2147483000;background:rgba(15,20,35,.55);display:flex;align-items:center;justify-content:center';
      var box = document.createElement('div');
      box.style.cssText =
        'position:relative;width:min(480px,100%);height:min(760px,100%);background:#f3f4f8;border-radius:12px;overflow:hidden;box-shadow:0 10px 40px rgba(0,0,0,.35)';
      var close = document.createElement('button');
      close.type = 'button';
      close.id = 'cashfree-sandbox-modal-close';
      close.setAttribute('aria-label', 'Close checkout');
      close.textContent = '\\u00d7';
      close.style.cssText =
        'position:absolute;top:6px;right:8px;z-index:1;border:0;background:#fff;border-radius:50%;width:32px;height:32px;font-size:20px;cursor:pointer';
      var frame = document.createElement('iframe');
      frame.src = url;
      frame.title = 'Cashfree sandbox checkout';
      frame.name = 'cashfree-sandbox-checkout';
      frame.style.cssText = 'border:0;width:100%;height:100%';
      box.appendChild(close);
      box.appendChild(frame);
      overlay.appendChild(box);
      document.body.appendChild(overlay);

      function finish(result) {
        window.removeEventListener('message', onMessage);
        if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
        resolve(result);
      }
      function onMessage(event) {
        var data = event.data;
        if (event.origin !== origin || !data || data.source !== SOURCE) return;
        if (data.type === 'completed') {
          finish({ paymentDetails: { paymentMessage: data.payment_message } });
        } else {
          finish(failure('The customer cancelled the payment.', 'payment_cancelled', 'user_dropped'));
        }
      }
      window.addEventListener('message', onMessage);
      close.addEventListener('click', function () {
        finish(failure('The customer closed the checkout.', 'checkout_closed', 'user_dropped'));
      });
    });
  }

  // Opens the checkout of a session of this kind in the target (for checkout and subscriptionsCheckout).
  function open(kind, sessionId, target, returnUrl) {
    if (TARGETS.indexOf(target) === -1) {
      return Promise.resolve(
        failure('redirectTarget should be one of ' + TARGETS.join(', ') + '; received ' + target + '.', 'redirect_target_invalid')
      );
    }
    // Open the new window now, while the click still counts as a user gesture.
    var popup = target === '_blank' ? window.open('about:blank', '_blank') : null;
    return lookUp(kind, sessionId).then(function (problem) {
      if (problem) {
        if (popup) popup.close();
        return problem;
      }
      var url = checkoutUrl(kind, sessionId, target === '_modal', returnUrl);
      if (target === '_modal') return openModal(url);
      if (target === '_blank') {
        if (popup) popup.location.href = url;
        else window.open(url, '_blank');
      } else if (target === '_top') {
        window.top.location.href = url;
      } else {
        window.location.href = url;
      }
      return { redirect: true };
    });
  }

  function checkout(options) {
    var sessionId = options && options.paymentSessionId;
    if (typeof sessionId !== 'string' || sessionId === '') {
      return Promise.resolve(
        failure('paymentSessionId is missing: pass the payment_session_id from POST /pg/orders.', 'payment_session_id_invalid')
      );
    }
    return open('payment', sessionId, (options && options.redirectTarget) || '_self', options.returnUrl);
  }

  function subscriptionsCheckout(options) {
    var sessionId = options && options.subsSessionId;
    if (typeof sessionId !== 'string' || sessionId === '') {
      return Promise.resolve(
        failure(
          'subsSessionId is missing: pass the subscription_session_id from POST /pg/subscriptions.',
          'subscription_session_id_invalid'
        )
      );
    }
    return open('subscription', sessionId, (options && options.redirectTarget) || '_self');
  }

  function Cashfree(options) {
    var mode = options && options.mode;
    if (mode === 'production') {
      console.warn(
        '[cashfree-sandbox] Cashfree({ mode: "production" }) is served by the local sandbox at ' + origin +
          ': no real payment is made. Use mode "sandbox" with the sandbox, and the real script in production.'
      );
    } else if (mode !== 'sandbox') {
      console.warn('[cashfree-sandbox] Cashfree({ mode }) should be "sandbox" or "production"; received ' + mode + '.');
    }
    return {
      checkout: checkout,
      subscriptionsCheckout: subscriptionsCheckout,
      version: function () {
        return 'cashfree-kit-sandbox';
      }
    };
  }

  window.Cashfree = Cashfree;
})();
`;
