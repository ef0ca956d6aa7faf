import type Stripe from 'stripe';

import { translateStripeError } from '../stripe/make-stripe-client.js';
import type {
  InvoicePayload,
  SubscriptionPayload,
} from './snapshots/stripe-payloads.js';
import type { StripeObjectReader } from './stripe-object-reader.js';

/**
 * {@link StripeObjectReader} on the official SDK. The client is obtained
 * per call (`getClient`), so it can be created lazily once the secret key
 * is known. SDK errors are translated at this edge.
 */
export class SdkStripeObjectReader implements StripeObjectReader {
  readonly #getClient: () => Promise<Stripe>;

  constructor(getClient: () => Promise<Stripe>) {
    this.#getClient = getClient;
  }

  async retrieveSubscription(
    subscriptionId: string,
  ): Promise<SubscriptionPayload> {
    const client = await this.#getClient();
    try {
      const subscription = await client.subscriptions.retrieve(subscriptionId);
      return subscription as unknown as SubscriptionPayload;
    } catch (error) {
      throw translateStripeError(
        error,
        `retrieving subscription ${subscriptionId}`,
      );
    }
  }

  async retrieveInvoice(invoiceId: string): Promise<InvoicePayload> {
    const client = await this.#getClient();
    try {
      const invoice = await client.invoices.retrieve(invoiceId);
      return invoice as unknown as InvoicePayload;
    } catch (error) {
      throw translateStripeError(error, `retrieving invoice ${invoiceId}`);
    }
  }
}
