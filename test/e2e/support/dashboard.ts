/**
 * Checks through the sandbox's dashboard, as a developer would: search an id, open what it finds,
 * read the webhook deliveries.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.js';
import { waitFor } from './webhook-receiver.js';

interface DeliveryLike {
  event_type: string;
  status: string;
  order_id: string | null;
  attempts: unknown[];
}

/** Waits until the sandbox recorded a delivered `type` webhook for the order (admin API). */
export function deliveredWebhook(sandboxUrl: string, orderId: string, type: string): Promise<DeliveryLike> {
  return waitFor(`a delivered ${type} for ${orderId}`, async () => {
    const response = await fetch(
      `${sandboxUrl}/_sandbox/webhooks/deliveries?order_id=${encodeURIComponent(orderId)}`,
    );
    const { data } = (await response.json()) as { data: DeliveryLike[] };
    return data.find((d) => d.event_type === type && d.status === 'delivered');
  });
}

/**
 * Opens the dashboard, searches `id`, and asserts that the page found lists a delivered `type`
 * webhook; saves a screenshot named `name`.
 */
export async function dashboardShowsDelivery(
  page: Page,
  sandboxUrl: string,
  id: string,
  type: string,
  name: string,
): Promise<void> {
  await page.goto(`${sandboxUrl}/_sandbox/`);
  await page.fill('input[name=q]', id);
  await Promise.all([page.waitForURL(/\/_sandbox\/(orders|links)\//), page.press('input[name=q]', 'Enter')]);
  const row = page.locator('[data-testid=deliveries] tr', { hasText: type }).first();
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /delivered/);
  await screenshot(page, name);
}
