import type { CustomerSnapshot } from '../../domain/state-snapshot.js';
import {
  type CheckoutSessionPayload,
  type CustomerPayload,
  idOf,
  userIdOf,
} from './stripe-payloads.js';

/**
 * The customer facts of a checkout session: the user id travels in
 * `client_reference_id` (and in `metadata.userId`), both set by the billing
 * API when it created the session. Undefined when the session has no
 * customer (nothing to link).
 */
export function fromCheckoutSession(
  session: CheckoutSessionPayload,
): CustomerSnapshot | undefined {
  const customerId = idOf(session.customer);
  if (customerId === undefined) return undefined;
  const reference = session.client_reference_id?.trim();
  return {
    customerId,
    userId: reference ? reference : userIdOf(session.metadata),
    email:
      session.customer_details?.email ?? session.customer_email ?? undefined,
  };
}

/** The facts of a `customer.deleted` event: the customer is gone. */
export function fromDeletedCustomer(
  customer: CustomerPayload,
): CustomerSnapshot {
  return { customerId: customer.id, deleted: true };
}
