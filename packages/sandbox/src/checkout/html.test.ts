import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, html, scriptJson, trusted } from './html.js';

test('html escapes every interpolated value unless it is already HTML', () => {
  const name = `<script>alert('x')</script> & "friends" \`tick\``;
  assert.equal(
    html`<p title="${name}">${name}</p>`.text,
    '<p title="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot; &#96;tick&#96;">' +
      '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot; &#96;tick&#96;</p>',
  );
  assert.equal(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>`.text, '<ul>&lt;a&gt;<li>ok</li></ul>');
  assert.equal(html`${null}${undefined}${false}${0}`.text, '0');
  assert.equal(html`${trusted('<b>')}`.text, '<b>');
  assert.equal(escapeHtml('plain'), 'plain');
});

test('scriptJson cannot close its script element', () => {
  const text = scriptJson({ note: '</script><script>alert(1)</script>', amp: 'a&b', ls: '\u2028' }).text;
  assert.ok(!text.includes('</script>'));
  assert.ok(!text.includes('<'));
  assert.deepEqual(JSON.parse(text), {
    note: '</script><script>alert(1)</script>',
    amp: 'a&b',
    ls: '\u2028',
  });
});
