import type Stripe from 'stripe';

import {
  eventDataJson,
  eventFields,
  makeEvent,
} from '../objects/build-event.js';
import type {
  CheckoutSessionPlan,
  DeliveryStatus,
  PendingRetry,
  SandboxState,
  SavedCard,
  SubscriptionSchedule,
} from './sandbox-state.js';

/** Version of the snapshot format, bumped when it changes. */
export const SNAPSHOT_VERSION = 2;

/** The whole state as plain JSON, written to the data folder. */
export interface StateSnapshot {
  readonly version: number;
  readonly products: Stripe.Product[];
  readonly prices: Stripe.Price[];
  readonly customers: Stripe.Customer[];
  readonly deletedCustomers: string[];
  readonly subscriptions: Stripe.Subscription[];
  readonly invoices: Stripe.Invoice[];
  readonly checkoutSessions: Stripe.Checkout.Session[];
  readonly portalSessions: Stripe.BillingPortal.Session[];
  /** Events as their fields and their serialized `data`. */
  readonly events: [Record<string, unknown>, string][];
  readonly webhookEndpoints: Stripe.WebhookEndpoint[];
  readonly testClocks: Stripe.TestHelpers.TestClock[];
  readonly cards: [string, SavedCard][];
  readonly checkoutPlans: [string, CheckoutSessionPlan][];
  readonly schedules: [string, SubscriptionSchedule][];
  readonly endpointSecrets: [string, string][];
  readonly deliveries: [string, Record<string, DeliveryStatus>][];
  /** Deliveries waiting for a retry (absent in older snapshots). */
  readonly deliveryRetries?: [string, Record<string, PendingRetry>][];
  /**
   * First journal generation not included in the snapshot: journals from
   * this one on are replayed over it (absent: all of them).
   */
  readonly journalGeneration?: number;
}

/** Takes a snapshot of the state. */
export function toSnapshot(state: SandboxState): StateSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    products: [...state.products.values()],
    prices: [...state.prices.values()],
    customers: [...state.customers.values()],
    deletedCustomers: [...state.deletedCustomers],
    subscriptions: [...state.subscriptions.values()],
    invoices: [...state.invoices.values()],
    checkoutSessions: [...state.checkoutSessions.values()],
    portalSessions: [...state.portalSessions.values()],
    events: [...state.events.values()].map((event) => [
      eventFields(event),
      eventDataJson(event),
    ]),
    webhookEndpoints: [...state.webhookEndpoints.values()],
    testClocks: [...state.testClocks.values()],
    cards: [...state.cards],
    checkoutPlans: [...state.checkoutPlans],
    schedules: [...state.schedules],
    endpointSecrets: [...state.endpointSecrets],
    deliveries: [...state.deliveries],
    deliveryRetries: [...state.deliveryRetries],
  };
}

/** Fills an empty state from a snapshot, rebuilding its indexes. */
export function restoreSnapshot(
  state: SandboxState,
  snapshot: StateSnapshot,
): void {
  for (const product of snapshot.products) state.products.add(product);
  for (const price of snapshot.prices) state.addPrice(price);
  for (const customer of snapshot.customers) state.addCustomer(customer);
  for (const id of snapshot.deletedCustomers) state.deletedCustomers.add(id);
  for (const entry of snapshot.schedules) state.schedules.set(...entry);
  for (const subscription of snapshot.subscriptions) {
    state.addSubscription(subscription);
  }
  for (const invoice of snapshot.invoices) state.addInvoice(invoice);
  for (const session of snapshot.checkoutSessions) {
    state.checkoutSessions.add(session);
  }
  for (const session of snapshot.portalSessions)
    state.portalSessions.add(session);
  for (const [fields, data] of snapshot.events) {
    state.events.add(makeEvent(fields, data));
  }
  restoreDeliveries(state, snapshot);
  for (const endpoint of snapshot.webhookEndpoints) {
    state.webhookEndpoints.add(endpoint);
  }
  for (const clock of snapshot.testClocks) state.testClocks.add(clock);
  for (const entry of snapshot.cards) state.cards.set(...entry);
  for (const entry of snapshot.checkoutPlans) state.checkoutPlans.set(...entry);
  for (const entry of snapshot.endpointSecrets)
    state.endpointSecrets.set(...entry);
}

/**
 * Restores delivery statuses and retries, and each event's
 * `pending_webhooks` from its statuses (the deliveries not yet succeeded):
 * the journal saves statuses alone when a delivery settles.
 */
function restoreDeliveries(state: SandboxState, snapshot: StateSnapshot) {
  for (const [eventId, statuses] of snapshot.deliveries) {
    state.deliveries.set(eventId, statuses);
    const event = state.events.peek(eventId);
    if (!event) continue;
    const pending = Object.values(statuses).filter(
      (status) => status !== 'succeeded',
    );
    event.pending_webhooks = pending.length;
  }
  for (const entry of snapshot.deliveryRetries ?? []) {
    state.deliveryRetries.set(...entry);
  }
}
