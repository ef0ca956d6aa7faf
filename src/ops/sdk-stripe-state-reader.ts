import type Stripe from 'stripe';

import type { Plan } from '../domain/plan.js';
import type { InvoiceSnapshot } from '../domain/state-snapshot.js';
import { translateStripeError } from '../stripe/make-stripe-client.js';
import type {
  InvoicePayload,
  SubscriptionPayload,
} from '../webhook/snapshots/stripe-payloads.js';
import { userIdOf } from '../webhook/snapshots/stripe-payloads.js';
import { toInvoiceSnapshot } from '../webhook/snapshots/to-invoice-snapshot.js';
import { toSubscriptionSnapshot } from '../webhook/snapshots/to-subscription-snapshot.js';
import type { CustomerTruth, StripeStateReader } from './customer-truth.js';

/** Invoices read to find the latest one (Stripe lists newest first). */
const RECENT_INVOICES = 10;

/**
 * {@link StripeStateReader} on the official SDK: the customer, its
 * subscriptions with `status: 'all'` (auto-paging) and its most recent
 * invoices, normalized by the webhook's own snapshot functions so that a
 * sync and an event judge an object the same way. The client is obtained
 * per call, once the secret key is known.
 */
export class SdkStripeStateReader implements StripeStateReader {
  readonly #getClient: () => Promise<Stripe>;
  readonly #plans: readonly Plan[];

  constructor(getClient: () => Promise<Stripe>, plans: readonly Plan[]) {
    this.#getClient = getClient;
    this.#plans = plans;
  }

  async readCustomer(customerId: string): Promise<CustomerTruth> {
    const client = await this.#getClient();
    try {
      const customer = await client.customers.retrieve(customerId);
      const subscriptions = await this.#listSubscriptions(client, customerId);
      const latestInvoice = await this.#findLatestInvoice(client, customerId);
      return {
        customer: customer.deleted
          ? { customerId, deleted: true }
          : {
              customerId,
              email: customer.email ?? undefined,
              userId: userIdOf(customer.metadata),
            },
        subscriptions,
        latestInvoice,
      };
    } catch (error) {
      throw translateStripeError(error, `reading customer ${customerId}`);
    }
  }

  async *listCustomerIds(): AsyncIterable<string> {
    const client = await this.#getClient();
    try {
      for await (const customer of client.customers.list({ limit: 100 })) {
        yield customer.id;
      }
    } catch (error) {
      throw translateStripeError(error, 'listing customers');
    }
  }

  async #listSubscriptions(client: Stripe, customerId: string) {
    const list = client.subscriptions.list({
      customer: customerId,
      status: 'all',
      limit: 100,
    });
    const snapshots = [];
    for await (const subscription of list) {
      const payload = subscription as unknown as SubscriptionPayload;
      snapshots.push(toSubscriptionSnapshot(payload, this.#plans));
    }
    return snapshots;
  }

  async #findLatestInvoice(
    client: Stripe,
    customerId: string,
  ): Promise<InvoiceSnapshot | undefined> {
    const page = await client.invoices.list({
      customer: customerId,
      limit: RECENT_INVOICES,
    });
    let latest: InvoiceSnapshot | undefined;
    for (const invoice of page.data) {
      if (invoice.status === 'draft') continue;
      const snapshot = toInvoiceSnapshot(invoice as unknown as InvoicePayload);
      if (latest === undefined || isNewer(snapshot, latest)) latest = snapshot;
    }
    return latest;
  }
}

function isNewer(candidate: InvoiceSnapshot, other: InvoiceSnapshot): boolean {
  if (candidate.created !== other.created) {
    return candidate.created > other.created;
  }
  return candidate.invoiceId > other.invoiceId;
}
