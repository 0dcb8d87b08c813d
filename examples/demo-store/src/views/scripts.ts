/**
 * The little browser code the shop has, as plain ES5 strings inlined into pages. Everything that
 * touches money happens on the server; the browser only opens checkout with the session id.
 */

/** "Copy" buttons: `data-copy="<element id>"` copies that element's text. */
export const COPY_SCRIPT = `
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('[data-copy]');
  if (!button) return;
  var source = document.getElementById(button.getAttribute('data-copy'));
  if (!source) return;
  var text = source.value !== undefined && source.tagName === 'TEXTAREA' ? source.value : source.textContent;
  var label = button.textContent;
  function done(message) {
    button.textContent = message;
    setTimeout(function () { button.textContent = label; }, 1500);
  }
  function select() {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    done('Selected: press Ctrl-C');
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(function () { done('Copied'); }, select);
  } else {
    select();
  }
});
`;

/**
 * The product page: "Pay" asks the shop's server to create the order (POST /api/orders), then
 * opens Cashfree checkout with the payment_session_id it got back. \`_self\` leaves the page;
 * \`_modal\` opens checkout over it and, once it resolves, goes to the return page, which asks
 * Cashfree for the order on the server.
 */
export const CHECKOUT_SCRIPT = `
(function () {
  var form = document.getElementById('checkout-form');
  var message = document.getElementById('checkout-message');
  var panel = document.getElementById('what-happened');
  var buttons = form.querySelectorAll('button[type=submit]');
  var scriptUrl = (document.querySelector('script[src$="/cashfree.js"]') || {}).src;
  // cashfree.js is a plain <script> in <head>: by now it has run, or failed to load.
  var cashfree = typeof Cashfree === 'function' ? Cashfree({ mode: 'sandbox' }) : null;
  var unavailable = 'Checkout could not be loaded: this page could not load cashfree.js from ' + scriptUrl +
    '. Check that Cashfree (or the local sandbox) answers there, then reload this page. No order was created.';

  function busy(on, button) {
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = on;
    if (button) button.classList.toggle('busy', on);
  }
  function show(kind, text) {
    message.className = 'alert ' + kind;
    message.textContent = text;
    message.hidden = false;
  }
  // Each field the server named gets its message under it; the next Pay clears them.
  function clearFields() {
    var old = form.querySelectorAll('.field-error');
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
    var marked = form.querySelectorAll('[aria-invalid]');
    for (var j = 0; j < marked.length; j++) marked[j].removeAttribute('aria-invalid');
  }
  function markFields(fields) {
    for (var i = 0; i < (fields || []).length; i++) {
      var input = form.elements[fields[i].field];
      if (!input) continue;
      var note = document.createElement('span');
      note.className = 'field-error';
      note.id = fields[i].field + '-problem';
      note.setAttribute('data-field', fields[i].field);
      note.textContent = fields[i].message;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', note.id);
      input.parentNode.appendChild(note);
      if (i === 0) input.focus();
    }
  }

  if (!cashfree) show('bad', unavailable);

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!cashfree) {
      show('bad', unavailable);
      return;
    }
    var button = event.submitter || buttons[0];
    var target = button.value;
    message.hidden = true;
    clearFields();
    busy(true, button);
    var body = {
      customer_name: form.elements.customer_name.value,
      customer_email: form.elements.customer_email.value,
      customer_phone: form.elements.customer_phone.value,
      redirect_target: target
    };
    fetch('/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        if (answer.panel) {
          panel.outerHTML = answer.panel;
          panel = document.getElementById('what-happened');
        }
        if (answer.error) {
          busy(false, button);
          show('bad', answer.error.message);
          markFields(answer.error.fields);
          return;
        }
        show('info', 'Order ' + answer.order_id + ' created. Opening Cashfree checkout…');
        return cashfree
          .checkout({ paymentSessionId: answer.payment_session_id, redirectTarget: target })
          .then(function (result) {
            if (target !== '_modal') return; // _self: the browser is on its way to checkout
            if (result && result.error) {
              busy(false, button);
              show('bad', 'Checkout closed: ' + result.error.message + ' Order ' + answer.order_id + ' is still open; no money was taken.');
              return;
            }
            // Whatever the modal says, the server asks Cashfree: the return page decides.
            window.location.href = answer.return_path;
          });
      })
      .catch(function (error) {
        busy(false, button);
        show('bad', 'Could not reach the shop: ' + error.message);
      });
  });
})();
`;

/** "Try again" / "Pay now" on the return page: reopens checkout for the same open order. */
export const RETRY_SCRIPT = `
(function () {
  var button = document.getElementById('pay-again');
  if (!button) return;
  var cashfree = typeof Cashfree === 'function' ? Cashfree({ mode: 'sandbox' }) : null;
  button.addEventListener('click', function () {
    if (!cashfree) {
      var note = document.createElement('p');
      note.className = 'alert bad';
      note.textContent = 'Checkout could not be loaded: this page could not load cashfree.js from ' +
        (document.querySelector('script[src$="/cashfree.js"]') || {}).src + '. Reload the page once Cashfree answers there.';
      button.parentNode.insertBefore(note, button.nextSibling);
      return;
    }
    button.disabled = true;
    cashfree.checkout({ paymentSessionId: button.getAttribute('data-session'), redirectTarget: '_self' });
  });
})();
`;
