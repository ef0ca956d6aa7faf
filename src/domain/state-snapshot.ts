import type { InvoiceRecord, SubscriptionRecord } from './customer-record.js';

/**
 * The state of one subscription as an event (or a fetch) reports it,
 * normalized from whichever API version shaped the payload.
 */
export interface SubscriptionSnapshot extends Omit<SubscriptionRecord, 'asOf'> {
  readonly customerId: string;
  /** `metadata.userId` of the subscription, set when checkout began. */
  readonly userId?: string | undefined;
}

/** The state of one invoice as an event (or a fetch) reports it. */
export interface InvoiceSnapshot extends Omit<InvoiceRecord, 'asOf'> {
  readonly customerId: string;
  /** `metadata.userId` of the invoice's subscription, when present. */
  readonly userId?: string | undefined;
}

/**
 * Customer-level facts: the link to a user (from a checkout session), the
 * email, and whether Stripe deleted the customer.
 */
export interface CustomerSnapshot {
  readonly customerId: string;
  /** Only from `client_reference_id` or `metadata.userId`; never guessed. */
  readonly userId?: string | undefined;
  readonly email?: string | undefined;
  readonly deleted?: boolean | undefined;
}
