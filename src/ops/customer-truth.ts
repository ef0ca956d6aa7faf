import type {
  CustomerSnapshot,
  InvoiceSnapshot,
  SubscriptionSnapshot,
} from '../domain/state-snapshot.js';

/** What Stripe holds about one customer, normalized like event payloads. */
export interface CustomerTruth {
  /** Email, deletion, and `metadata.userId` of the customer. */
  readonly customer: CustomerSnapshot;
  /** Every subscription of the customer, ended ones included. */
  readonly subscriptions: readonly SubscriptionSnapshot[];
  /** The customer's most recent invoice; absent when it has none. */
  readonly latestInvoice?: InvoiceSnapshot | undefined;
}

/**
 * Reads the truth from Stripe. Implemented on the official SDK in
 * `sdk-stripe-state-reader.ts`.
 */
export interface StripeStateReader {
  /** Fetches one customer, its subscriptions and its latest invoice. */
  readCustomer(customerId: string): Promise<CustomerTruth>;
  /** Ids of every customer of the account (auto-paging). */
  listCustomerIds(): AsyncIterable<string>;
}
