import {
  type DeliveryStatus,
  ORDER_DELIVERY_STATUSES,
  type OrderDeliveryStatus,
  type ShipmentDetails,
} from 'cashfree-kit';
import { badRequest } from '../http/errors.js';
import { isJsonObject } from '../util/json.js';
import { bodyReader, FieldReader, invalid } from './fields.js';

/** A validated `PUT /orders/{order_id}/extended`: what was sent, the other part left undefined. */
export interface OrderShipmentUpdate {
  shipmentDetails: ShipmentDetails[] | undefined;
  deliveryStatus: OrderDeliveryStatus | undefined;
}

/** A non-empty array of non-empty strings (tracking URLs or numbers), named by its full path. */
function readStrings(f: FieldReader, key: string): string[] {
  const values = f.array(key, { required: true })!;
  if (values.length === 0) throw invalid(f.path(key), 'should have at least one item', values);
  values.forEach((value, i) => {
    if (typeof value !== 'string' || value.trim() === '') {
      throw invalid(`${f.path(key)}[${i}]`, 'should be a non-empty string', value);
    }
  });
  return values as string[];
}

/**
 * Validates `PUT /orders/{order_id}/extended` (UpdateOrderExtendedRequest) in Cashfree's wording.
 * The contract's schema requires `shipment_details`, but its prose and its own delivery-status
 * example send either part alone, so the sandbox asks for at least one of them.
 */
export function parseUpdateOrderExtended(body: unknown): OrderShipmentUpdate {
  const r = bodyReader(body);
  const shipments = r.array('shipment_details');
  const delivery = r.object('order_delivery_status');
  if (shipments === undefined && delivery === undefined) {
    throw badRequest(
      'shipment_details_missing',
      'shipment_details : is missing in the request; send shipment_details, order_delivery_status or both. Value received: ',
    );
  }
  const shipmentDetails = shipments?.map((item, i): ShipmentDetails => {
    const path = `shipment_details[${i}]`;
    if (!isJsonObject(item)) throw invalid(path, 'should be an object', item);
    const f = new FieldReader(item, path);
    return {
      tracking_company: f.string('tracking_company', { required: true })!,
      tracking_urls: readStrings(f, 'tracking_urls'),
      tracking_numbers: readStrings(f, 'tracking_numbers'),
    };
  });
  if (shipmentDetails !== undefined && shipmentDetails.length === 0) {
    throw invalid('shipment_details', 'should have at least one shipment', shipments);
  }
  let deliveryStatus: OrderShipmentUpdate['deliveryStatus'];
  if (delivery) {
    const status = delivery.string('status', {
      required: true,
      oneOf: ORDER_DELIVERY_STATUSES,
    }) as DeliveryStatus;
    const reason = delivery.string('reason');
    deliveryStatus = reason === undefined ? { status } : { status, reason };
  }
  return { shipmentDetails, deliveryStatus };
}
