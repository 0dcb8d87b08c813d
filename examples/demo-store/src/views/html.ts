/**
 * HTML built from tagged templates: every interpolated value is escaped unless it is already
 * {@link SafeHtml}, so customer names, link purposes and Cashfree's answers can never become markup.
 */

/** Markup that is safe to emit as is. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function toMarkup(value: unknown): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(toMarkup).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeText(String(value));
}

/** `html\`<p>${name}</p>\``: values escaped, arrays joined, `undefined`/`null`/`false` left out. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, i) => {
    markup += toMarkup(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(markup);
}

/** Markup written by this app (CSS, SVG, scripts); never pass request data. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** JSON for a `<script type="application/json">` element: `<` cannot close the element. */
export function scriptJson(value: unknown): SafeHtml {
  return new SafeHtml(JSON.stringify(value).replace(/</g, '\\u003c'));
}
