import type { CustomerSnapshot } from '../../domain/state-snapshot.js';
import { REJECT_REASONS, UnreadableObjectError } from '../errors.js';
import {
  ID_PREFIXES,
  isIgnoredUserId,
  isRecord,
  readEmail,
  readExpandableId,
  readId,
  readUserId,
  userIdFromMetadata,
} from './stripe-fields.js';
import type {
  CheckoutSessionPayload,
  CustomerPayload,
} from './stripe-payloads.js';

type Fields = Record<string, unknown>;

/**
 * The customer facts of a checkout session: the user id travels in
 * `client_reference_id` (and in `metadata.userId`), both set by the billing
 * API when it created the session. Undefined when the session has no
 * customer (nothing to link). Ids are validated; a user id that is not a
 * usable string is read as absent (see {@link ignoredUserIdFields}).
 */
export function fromCheckoutSession(
  session: CheckoutSessionPayload,
): CustomerSnapshot | undefined {
  const fields = session as unknown as Fields;
  readId(fields.id, ID_PREFIXES.checkoutSession, 'id');
  const customerId = readExpandableId(
    fields.customer,
    ID_PREFIXES.customer,
    'customer',
  );
  if (customerId === undefined) return undefined;
  const details = isRecord(fields.customer_details)
    ? fields.customer_details
    : undefined;
  return {
    customerId,
    userId:
      readUserId(fields.client_reference_id) ??
      userIdFromMetadata(fields.metadata),
    email: readEmail(details?.email) ?? readEmail(fields.customer_email),
  };
}

/**
 * The user id fields of a checkout session that are present but unusable
 * (a number, an array, too long, control characters): read as absent, and
 * worth a log line naming the field, never its value.
 */
export function ignoredUserIdFields(session: CheckoutSessionPayload): string[] {
  const fields = session as unknown as Fields;
  const metadata = isRecord(fields.metadata) ? fields.metadata : {};
  return [
    isIgnoredUserId(fields.client_reference_id) ? 'client_reference_id' : '',
    isIgnoredUserId(metadata.userId) ? 'metadata.userId' : '',
  ].filter((field) => field !== '');
}

/**
 * The facts of a `customer.deleted` event: the customer is gone. Throws
 * `UnreadableObjectError` when the object carries no customer id.
 */
export function fromDeletedCustomer(
  customer: CustomerPayload,
): CustomerSnapshot {
  const id = (customer as unknown as Fields).id;
  if (id === null || id === undefined) {
    throw new UnreadableObjectError(REJECT_REASONS.missingCustomer, 'id');
  }
  return { customerId: readId(id, ID_PREFIXES.customer, 'id'), deleted: true };
}
