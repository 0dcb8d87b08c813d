/**
 * Version 6: which products' events a registered webhook endpoint receives. NULL (every endpoint
 * registered before, and the default) means all of them, PG and Payouts, as Cashfree's dashboard
 * endpoints of one account would; a comma-separated list of product names (`pg`) narrows it, so an
 * endpoint that only understands PG events is not sent Payouts ones.
 */
export const webhookEndpointProductsSchema = `
ALTER TABLE webhook_endpoints ADD COLUMN products TEXT;
`;
