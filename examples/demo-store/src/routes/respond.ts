import { isApiError, isConnectionError, isValidationError } from 'cashfree-kit';
import type { Response } from 'express';
import type { Shop } from '../shop.js';
import type { SafeHtml } from '../views/html.js';

/**
 * Sends a page. The secret key is never put into a page on purpose; this last filter replaces it
 * (in every spelling) anyway, so no future template can leak it.
 */
export function sendPage(res: Response, shop: Shop, markup: SafeHtml, status = 200): void {
  res.status(status).type('html').send(shop.withoutSecret(markup.markup));
}

/** Sends JSON through the same filter as pages: an error message can quote what it was given. */
export function sendJson(res: Response, shop: Shop, body: unknown, status = 200): void {
  res
    .status(status)
    .type('json')
    .send(shop.withoutSecret(JSON.stringify(body)));
}

/** A message for a person, and the HTTP status to answer with, for an error from a Cashfree call. */
export function describeFailure(error: unknown): { status: number; message: string; field?: string } {
  if (isValidationError(error)) return { status: 400, message: error.message, field: error.field };
  if (isApiError(error)) {
    const status = error.status === 400 || error.status === 409 || error.status === 422 ? 400 : 502;
    return { status, message: `Cashfree answered ${error.status}: ${error.message}` };
  }
  if (isConnectionError(error)) return { status: 502, message: error.message };
  throw error;
}
