/** What the shop sells: one product, priced in paise like every amount the shop stores. */
export const PRODUCT = {
  id: 'darjeeling-first-flush-100g',
  name: 'First Flush Darjeeling',
  subtitle: 'Loose-leaf black tea · 100 g tin',
  pricePaise: 49_900,
  note: 'Pahadi Tea Co. · First Flush Darjeeling, 100 g',
} as const;

/** Prefilled on the product page (the seed's test customer), so a demo is one click. */
export const DEMO_CUSTOMER = {
  customer_name: 'Priya Patel',
  customer_email: 'priya@example.com',
  customer_phone: '9876543210',
} as const;
