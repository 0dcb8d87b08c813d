/** The admin page of a payment link prints its expiry in the store's date style, not Cashfree's raw ISO. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LinkEntity } from 'cashfree-kit';
import type { ShopLink } from '../db/links.js';
import { adminLinkPage } from './admin-link-page.js';
import { html } from './html.js';

test("a link's expiry reads as an India time, as every other time on the store's pages", () => {
  const shop: ShopLink = {
    link_id: 'link_1',
    link_url: 'http://127.0.0.1:8787/links/link_1',
    purpose: 'Darjeeling first flush',
    amount_paise: 49_900,
    amount_paid_paise: 0,
    customer_name: 'Asha',
    customer_phone: '9876543210',
    status: 'ACTIVE',
    created_at: 0,
    updated_at: 0,
  };
  const link = {
    link_id: 'link_1',
    link_url: shop.link_url,
    link_status: 'ACTIVE',
    link_amount: 499,
    link_amount_paid: 0,
    link_expiry_time: '2026-12-08T10:00:05+05:30',
  } as LinkEntity;
  const page = String(
    adminLinkPage({
      info: {
        target: 'local-sandbox',
        apiBase: 'http://127.0.0.1:8787/pg',
        webhooksOff: undefined,
        sandboxDashboard: undefined,
      },
      shop,
      link,
      orders: [],
      qrSvg: html``,
      steps: [],
      omitted: 0,
    }),
  );
  assert.match(page, /data-testid="link-expires">8 Dec, 10:00:05 IST</);
  assert.ok(!page.includes('2026-12-08T10:00:05'), 'no raw ISO time on the page');
});
