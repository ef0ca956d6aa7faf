import type Stripe from 'stripe';

import { Collection } from './collection.js';
import { IdIndex } from './id-index.js';

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

/**
 * Everything the sandbox knows, in memory: Stripe-shaped objects by kind,
 * the indexes lists need, and the sandbox's own bookkeeping.
 */
export class SandboxState {
  readonly products = new Collection<Stripe.Product>();
  readonly prices = new Collection<Stripe.Price>();
  readonly customers = new Collection<Stripe.Customer>();
  readonly subscriptions = new Collection<Stripe.Subscription>();
  readonly invoices = new Collection<Stripe.Invoice>();
  readonly checkoutSessions = new Collection<Stripe.Checkout.Session>();
  readonly portalSessions = new Collection<Stripe.BillingPortal.Session>();
  readonly events = new Collection<Stripe.Event>();
  readonly webhookEndpoints = new Collection<Stripe.WebhookEndpoint>();
  readonly testClocks = new Collection<Stripe.TestHelpers.TestClock>();

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
  readonly deletedCustomers = new Set<string>();
  readonly cards = new Map<string, SavedCard>();
  readonly checkoutPlans = new Map<string, CheckoutSessionPlan>();
  readonly schedules = new Map<string, SubscriptionSchedule>();
  readonly endpointSecrets = new Map<string, string>();
  /** Per event id: delivery status per endpoint id. */
  readonly deliveries = new Map<string, Record<string, DeliveryStatus>>();

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
