import type Stripe from 'stripe';

import { Collection } from './collection.js';
import { IdIndex } from './id-index.js';
import type { StateTable, TouchListener } from './state-table.js';
import { TrackedMap } from './tracked-map.js';
import { TrackedSet } from './tracked-set.js';

/** How a customer's saved card behaves when charged (Stripe test cards). */
export const CardBehaviour = {
  /** 4242 4242 4242 4242, `pm_card_visa`. */
  succeeds: 'succeeds',
  /** 4000 0000 0000 0341: first payment succeeds, later charges fail. */
  failsAfterAttach: 'fails_after_attach',
  /** 4000 0000 0000 0002: `card_declined`. */
  declined: 'declined',
  /** 4000 0000 0000 9995: `card_declined` / `insufficient_funds`. */
  insufficientFunds: 'insufficient_funds',
} as const;

/** One of {@link CardBehaviour}. */
export type CardBehaviour = (typeof CardBehaviour)[keyof typeof CardBehaviour];

/** A customer's saved card: its payment method id and behaviour. */
export interface SavedCard {
  readonly paymentMethodId: string;
  readonly behaviour: CardBehaviour;
}

/** What a checkout session needs at completion, beyond its Stripe shape. */
export interface CheckoutSessionPlan {
  readonly lineItems: { readonly price: string; readonly quantity: number }[];
  readonly subscriptionMetadata: Record<string, string>;
  readonly trialPeriodDays: number | null;
}

/** Per subscription bookkeeping of the billing cycle. */
export interface SubscriptionSchedule {
  /** Unix seconds of the next payment retry of the open invoice. */
  nextRetryAt: number | null;
  /** Failed payment attempts of the open invoice so far. */
  failedAttempts: number;
  /** Whether `customer.subscription.trial_will_end` was sent. */
  hasSentTrialWillEnd: boolean;
}

/** Delivery status of one event to one endpoint. */
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** The next attempt of a delivery that failed and will be retried. */
export interface PendingRetry {
  /** Number of the next attempt (2 for the first retry). */
  readonly attempt: number;
  /** When it is due, in milliseconds since the epoch. */
  readonly dueAt: number;
}

/**
 * Everything the sandbox knows, in memory: Stripe-shaped objects by kind,
 * the indexes lists need, and the sandbox's own bookkeeping.
 */
export class SandboxState {
  #listener: TouchListener = () => {};

  readonly products = new Collection<Stripe.Product>(this.#touch('products'));
  readonly prices = new Collection<Stripe.Price>(this.#touch('prices'));
  readonly customers = new Collection<Stripe.Customer>(
    this.#touch('customers'),
  );
  readonly subscriptions = new Collection<Stripe.Subscription>(
    this.#touch('subscriptions'),
  );
  readonly invoices = new Collection<Stripe.Invoice>(this.#touch('invoices'));
  readonly checkoutSessions = new Collection<Stripe.Checkout.Session>(
    this.#touch('checkoutSessions'),
  );
  readonly portalSessions = new Collection<Stripe.BillingPortal.Session>(
    this.#touch('portalSessions'),
  );
  readonly events = new Collection<Stripe.Event>(this.#touch('events'));
  readonly webhookEndpoints = new Collection<Stripe.WebhookEndpoint>(
    this.#touch('webhookEndpoints'),
  );
  readonly testClocks = new Collection<Stripe.TestHelpers.TestClock>(
    this.#touch('testClocks'),
  );

  /** Price id by lookup key. */
  readonly priceByLookupKey = new Map<string, string>();
  /** Customer ids by email. */
  readonly customersByEmail = new IdIndex();
  /** Subscription ids by customer id and by test clock id. */
  readonly subscriptionsByCustomer = new IdIndex();
  readonly subscriptionsByClock = new IdIndex();
  /** Invoice ids by customer id and by subscription id. */
  readonly invoicesByCustomer = new IdIndex();
  readonly invoicesBySubscription = new IdIndex();

  /** Ids of deleted customers, which Stripe still answers as deleted. */
  readonly deletedCustomers = new TrackedSet(this.#touch('deletedCustomers'));
  readonly cards = new TrackedMap<SavedCard>(this.#touch('cards'));
  readonly checkoutPlans = new TrackedMap<CheckoutSessionPlan>(
    this.#touch('checkoutPlans'),
  );
  readonly schedules = new TrackedMap<SubscriptionSchedule>(
    this.#touch('schedules'),
  );
  readonly endpointSecrets = new TrackedMap<string>(
    this.#touch('endpointSecrets'),
  );
  /** Per event id: delivery status per endpoint id. */
  readonly deliveries = new TrackedMap<Record<string, DeliveryStatus>>(
    this.#touch('deliveries'),
  );
  /** Per event id: the next attempt of each delivery waiting for a retry. */
  readonly deliveryRetries = new TrackedMap<Record<string, PendingRetry>>(
    this.#touch('deliveryRetries'),
  );

  /**
   * Sets who is told each (table, id) touched: the journal, which saves
   * them before the sandbox answers. Only one listener is kept.
   */
  watch(listener: TouchListener): void {
    this.#listener = listener;
  }

  /** Stores a price and indexes its lookup key. */
  addPrice(price: Stripe.Price): Stripe.Price {
    if (price.lookup_key) this.priceByLookupKey.set(price.lookup_key, price.id);
    return this.prices.add(price);
  }

  /** Stores a customer and indexes its email. */
  addCustomer(customer: Stripe.Customer): Stripe.Customer {
    this.customersByEmail.add(customer.email, customer.id);
    return this.customers.add(customer);
  }

  /** Stores a subscription and indexes its customer and test clock. */
  addSubscription(subscription: Stripe.Subscription): Stripe.Subscription {
    this.subscriptionsByCustomer.add(
      subscription.customer as string,
      subscription.id,
    );
    this.subscriptionsByClock.add(
      subscription.test_clock as string | null,
      subscription.id,
    );
    if (!this.schedules.has(subscription.id)) {
      this.schedules.set(subscription.id, {
        nextRetryAt: null,
        failedAttempts: 0,
        hasSentTrialWillEnd: false,
      });
    }
    return this.subscriptions.add(subscription);
  }

  /** Stores an invoice and indexes its customer and subscription. */
  addInvoice(invoice: Stripe.Invoice): Stripe.Invoice {
    this.invoicesByCustomer.add(invoice.customer as string, invoice.id);
    const subscription = invoice.parent?.subscription_details?.subscription;
    this.invoicesBySubscription.add(subscription as string, invoice.id);
    return this.invoices.add(invoice);
  }

  /** Forgets everything (a reset). */
  clear(): void {
    for (const collection of [
      this.products,
      this.prices,
      this.customers,
      this.subscriptions,
      this.invoices,
      this.checkoutSessions,
      this.portalSessions,
      this.events,
      this.webhookEndpoints,
      this.testClocks,
    ]) {
      collection.clear();
    }
    for (const index of [
      this.customersByEmail,
      this.subscriptionsByCustomer,
      this.subscriptionsByClock,
      this.invoicesByCustomer,
      this.invoicesBySubscription,
    ]) {
      index.clear();
    }
    this.priceByLookupKey.clear();
    this.deletedCustomers.clear();
    this.cards.clear();
    this.checkoutPlans.clear();
    this.schedules.clear();
    this.endpointSecrets.clear();
    this.deliveries.clear();
    this.deliveryRetries.clear();
  }

  #touch(table: StateTable): (id: string) => void {
    return (id) => this.#listener(table, id);
  }

  /** The schedule of a subscription (made on first use). */
  scheduleOf(subscriptionId: string): SubscriptionSchedule {
    let schedule = this.schedules.get(subscriptionId);
    if (!schedule) {
      schedule = {
        nextRetryAt: null,
        failedAttempts: 0,
        hasSentTrialWillEnd: false,
      };
      this.schedules.set(subscriptionId, schedule);
    }
    return schedule;
  }
}
