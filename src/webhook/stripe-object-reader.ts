import type {
  InvoicePayload,
  SubscriptionPayload,
} from './snapshots/stripe-payloads.js';

/**
 * Reads the current state of an object from Stripe. The webhook calls it
 * only when an event ties with the stored state (same `created` second), to
 * learn which of the tied states is the current one.
 */
export interface StripeObjectReader {
  retrieveSubscription(subscriptionId: string): Promise<SubscriptionPayload>;
  retrieveInvoice(invoiceId: string): Promise<InvoicePayload>;
}
