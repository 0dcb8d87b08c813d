/**
 * What every list page of the dashboard shares: reading its filters and cursor from the query
 * string, the filter form, and the links to the newer and older pages (which keep the filters).
 */
import { type Html, html, trusted } from '../checkout/html.js';
import type { Cursor, Page } from '../store/dashboard-lists.js';

/** Rows per page unless `?limit=` says otherwise (1 to 200). */
export const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/** A filter field of a list page: a select of `options`, or a text input without them. */
export interface FilterField {
  /** The query parameter. */
  name: string;
  label: string;
  options?: readonly string[];
  placeholder?: string;
}

/** The query string of a list page, as given. */
export type ListQuery = Record<string, string | undefined>;

const wholeNumber = (text: string | undefined) =>
  text !== undefined && /^\d{1,16}$/.test(text) ? Number(text) : undefined;

/** The page a query asks for: `before` or `after` an id, at most `limit` rows. */
export function cursorOf(query: ListQuery): Cursor {
  const limit = wholeNumber(query['limit']);
  return {
    before: wholeNumber(query['before']),
    after: wholeNumber(query['after']),
    limit: limit === undefined ? PAGE_SIZE : Math.min(Math.max(limit, 1), MAX_PAGE_SIZE),
  };
}

/** The filter values of `fields` in the query, trimmed; a select's value only if it is one of its options. */
export function filtersOf(
  query: ListQuery,
  fields: readonly FilterField[],
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const field of fields) {
    const value = query[field.name]?.trim();
    out[field.name] =
      value === undefined || value === '' || (field.options && !field.options.includes(value))
        ? undefined
        : value;
  }
  return out;
}

/** The filter form: one select or input per field, Filter and Clear. */
export function filterForm(
  path: string,
  fields: readonly FilterField[],
  values: Record<string, string | undefined>,
): Html {
  const input = (f: FilterField) =>
    f.options
      ? html`<select name="${f.name}"><option value="">any</option>${f.options.map(
          (o) => html`<option${o === values[f.name] ? trusted(' selected') : ''}>${o}</option>`,
        )}</select>`
      : html`<input name="${f.name}" value="${values[f.name] ?? ''}" placeholder="${f.placeholder ?? ''}">`;
  return html`<form class="filters" method="get" action="${path}" data-testid="filters">${fields.map(
    (f) => html`<label>${f.label}${input(f)}</label>`,
  )}<button type="submit" class="small">Filter</button> <a href="${path}">Clear</a></form>`;
}

function href(
  path: string,
  values: Record<string, string | undefined>,
  extra: Record<string, string | number>,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined) params.set(name, value);
  for (const [name, value] of Object.entries(extra)) params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** "← Newer", "Newest" and "Older →" for a page, keeping the filters. */
export function pagingLinks(
  path: string,
  values: Record<string, string | undefined>,
  page: Page<unknown>,
  cursor: Cursor,
): Html {
  const limit = cursor.limit === PAGE_SIZE ? {} : { limit: cursor.limit };
  const fromCursor = cursor.before !== undefined || cursor.after !== undefined;
  const newer =
    page.newer !== undefined
      ? html`<a href="${href(path, values, { ...limit, after: page.newer })}" rel="prev" data-testid="newer">← Newer</a>`
      : '';
  const newest = fromCursor
    ? html`<a href="${href(path, values, limit)}" data-testid="newest">Newest</a>`
    : '';
  const older =
    page.older !== undefined
      ? html`<a href="${href(path, values, { ...limit, before: page.older })}" rel="next" data-testid="older">Older →</a>`
      : '';
  if (!newer && !newest && !older) return html``;
  return html`<div class="paging" data-testid="paging"><span>${newer} ${newest}</span><span>${older}</span></div>`;
}
