/**
 * An SDK response type as Cashfree's answers carry it: where the SDK declares a field optional,
 * Cashfree sends `null` when it has no value (`payment_gateway_details.gateway_status_code`,
 * `refund_speed.processed`, `transfer_utr` before a transfer), and the sandbox answers the same.
 * Every other fact of the SDK's type holds: its field names (a builder with a renamed field does
 * not compile), its required fields and its value types.
 *
 * @example
 * const speed: Wire<RefundEntity>['refund_speed'] = { requested: 'STANDARD', processed: null };
 */
export type Wire<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? {
          [K in keyof T]: Record<never, never> extends Pick<T, K>
            ? Wire<Exclude<T[K], undefined>> | null
            : Wire<T[K]>;
        }
      : T;

/**
 * {@link Wire} with every field of the SDK's type present: for a builder that answers each field
 * Cashfree documents, `null` when it has no value, so a field the SDK adds fails to compile here
 * until the sandbox answers it too.
 *
 * @example
 * const gateway: Complete<WebhookGatewayDetails> = { gateway_name: 'CASHFREE', gateway_order_id: '1', gateway_payment_id: '2', gateway_status_code: null, gateway_order_reference_id: null, gateway_settlement: 'CASHFREE', gateway_reference_name: null };
 */
export type Complete<T> = {
  [K in keyof T]-?: Record<never, never> extends Pick<T, K>
    ? Wire<Exclude<T[K], undefined>> | null
    : Wire<T[K]>;
};
