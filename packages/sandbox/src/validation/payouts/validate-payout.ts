import { badRequest } from '../../http/errors.js';
import { bodyReader } from '../fields.js';
import { fieldError, optionalString, PATTERNS } from './rules.js';
import { checkTransferId } from './transfer.js';

/** A checked `POST /validatePayout` body: the transfer it is for, and the VPA or phone to check. */
export type NewValidation = { transfer_id: string } & (
  | { vpa: string; phone?: undefined }
  | { phone: string; vpa?: undefined }
);

/** Checks `POST /validatePayout`: a transfer_id and exactly one of vpa and phone. */
export function parseValidatePayout(body: unknown): NewValidation {
  const r = bodyReader(body);
  const transfer_id = checkTransferId('transfer_id', r.raw('transfer_id'));
  const vpa = optionalString(r.value, 'vpa', 'vpa');
  const phone = optionalString(r.value, 'phone', 'phone');
  if ((vpa === undefined) === (phone === undefined)) {
    throw badRequest('vpa_invalid', 'vpa : send exactly one of vpa and phone. Value received: ');
  }
  if (vpa !== undefined) {
    if (!PATTERNS.vpa.test(vpa))
      throw fieldError('vpa', 'invalid', 'should be a valid VPA such as success@upi', vpa);
    return { transfer_id, vpa };
  }
  if (!PATTERNS.validatePhone.test(phone!))
    throw fieldError('phone', 'invalid', 'should be 8 to 12 digits, optionally after +91', phone);
  return { transfer_id, phone: phone! };
}
