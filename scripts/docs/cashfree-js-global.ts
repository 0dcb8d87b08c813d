/**
 * The browser global of cashfree.js v3 (https://sdk.cashfree.com/js/v3/cashfree.js) that the docs'
 * browser blocks are compiled against: the surface the local sandbox's stand-in serves
 * (packages/sandbox/src/checkout/cashfree-js.ts), so a block that compiles here runs there too.
 * It is a string, compiled only into the docs' browser program: as a .d.ts in the repository it
 * would put a global `Cashfree` into every file's scope.
 */
export const CASHFREE_JS_GLOBAL = `
interface CashfreeCheckoutOptions {
  /** payment_session_id of the order, created on your server. */
  paymentSessionId: string;
  /** Where checkout opens. Default _self. */
  redirectTarget?: '_self' | '_blank' | '_top' | '_modal';
  /** Overrides the order's order_meta.return_url. */
  returnUrl?: string;
}

/** { redirect: true } once the page navigates; for _modal, paymentDetails or error. */
interface CashfreeCheckoutResult {
  redirect?: boolean;
  paymentDetails?: { paymentMessage: string };
  error?: { message: string; code: string; type: string };
}

interface CashfreeSubscriptionsCheckoutOptions {
  /** subscription_session_id of the subscription, created on your server. */
  subsSessionId: string;
  /** Where the mandate page opens. Default _self. */
  redirectTarget?: '_self' | '_blank' | '_top' | '_modal';
}

interface CashfreeJs {
  checkout(options: CashfreeCheckoutOptions): Promise<CashfreeCheckoutResult>;
  /** Opens the hosted mandate page; the customer returns to subscription_meta.return_url. */
  subscriptionsCheckout(options: CashfreeSubscriptionsCheckoutOptions): Promise<CashfreeCheckoutResult>;
  version(): string;
}

declare function Cashfree(options: { mode: 'sandbox' | 'production' }): CashfreeJs;
`;
