import type {
  InvoicePayload,
  SubscriptionPayload,
} from '../snapshots/stripe-payloads.js';
import type { StripeObjectReader } from '../stripe-object-reader.js';

/**
 * A {@link StripeObjectReader} for tests: answers with the objects a test
 * declares current, and counts the reads (the cost per event is part of
 * the contract). An unknown id fails, as Stripe's 404 would.
 */
export class InMemoryStripeReader implements StripeObjectReader {
  readonly subscriptions = new Map<string, SubscriptionPayload>();
  readonly invoices = new Map<string, InvoicePayload>();
  reads = 0;

  async retrieveSubscription(id: string): Promise<SubscriptionPayload> {
    this.reads++;
    const subscription = this.subscriptions.get(id);
    if (!subscription) throw new Error(`No such subscription: ${id}`);
    return subscription;
  }

  async retrieveInvoice(id: string): Promise<InvoicePayload> {
    this.reads++;
    const invoice = this.invoices.get(id);
    if (!invoice) throw new Error(`No such invoice: ${id}`);
    return invoice;
  }
}
