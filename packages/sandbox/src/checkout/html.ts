/**
 * Server-rendered HTML with escaping by default: every value interpolated into {@link html} is
 * escaped unless it is itself {@link Html} (the result of `html` or {@link trusted}), so data from
 * requests (customer names, order notes, link purposes) can never become markup.
 */

/** A fragment of HTML that is already safe to emit. */
export class Html {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Builds HTML; interpolated values are escaped (arrays are joined, `null`/`undefined`/`false`
 * render nothing).
 *
 * @example html`<p>${customerName}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Marks constant markup (the page's own CSS and scripts) as safe. Never pass request data. */
export function trusted(text: string): Html {
  return new Html(text);
}

/**
 * JSON for a `<script>` element: `<`, `>`, `&` and the line separators are escaped, so a value
 * cannot close the script or open a comment.
 */
export function scriptJson(value: unknown): Html {
  return new Html(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}
