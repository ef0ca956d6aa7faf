import type { BillingInterval } from './plan.js';
import type { SubscriptionStatus } from './subscription-status.js';

/**
 * The point of Stripe's timeline a piece of stored state reflects.
 *
 * `eventCreated` is the `created` time (seconds) of the newest event applied
 * to it; `source` says whether the state came from that event's payload or
 * from re-fetching the object through the API (done when `created` ties).
 */
export interface TimelinePoint {
  /** Seconds since the epoch, as Stripe's `created`. */
  readonly eventCreated: number;
  /** Id of the event that last changed this state. */
  readonly eventId: string;
  readonly source: 'event' | 'fetch' | 'sync';
}

/** One subscription of a customer, as stored. Times in epoch seconds. */
export interface SubscriptionRecord {
  readonly subscriptionId: string;
  readonly status: SubscriptionStatus;
  /** Price of the subscription's first item. */
  readonly priceId: string | null;
  /** Plan key of that price in the catalogue; null when not in it. */
  readonly planKey: string | null;
  readonly interval: BillingInterval | null;
  readonly quantity: number;
  readonly currentPeriodStart: number | null;
  readonly currentPeriodEnd: number | null;
  readonly cancelAtPeriodEnd: boolean;
  /** When a scheduled cancellation takes effect, if any. */
  readonly cancelAt: number | null;
  readonly trialEnd: number | null;
  /** Stripe's `created` of the subscription. */
  readonly created: number;
  readonly asOf: TimelinePoint;
}

/** Payment state of a customer's latest invoice. */
export type InvoicePaymentStatus = 'paid' | 'failed' | 'open' | 'void';

/** The latest invoice of a customer, as stored. */
export interface InvoiceRecord {
  readonly invoiceId: string;
  readonly subscriptionId: string | null;
  readonly paymentStatus: InvoicePaymentStatus;
  /** Amount due in the currency's smallest unit. */
  readonly amountDue: number;
  readonly currency: string;
  /** Stripe's `created` of the invoice. */
  readonly created: number;
  readonly asOf: TimelinePoint;
}

/**
 * Everything stored about one Stripe customer: the item of the customers
 * table whose key is `customerId`.
 */
export interface CustomerRecord {
  readonly customerId: string;
  /**
   * The app's user this customer belongs to. Absent for customers created
   * outside the app with no link to a user; never guessed from the email.
   */
  readonly userId?: string | undefined;
  readonly email?: string | undefined;
  /** Set once Stripe reports the customer deleted. */
  readonly deleted?: boolean | undefined;
  /** Subscriptions by id, including ended ones. */
  readonly subscriptions: Readonly<Record<string, SubscriptionRecord>>;
  readonly latestInvoice?: InvoiceRecord | undefined;
  /**
   * Optimistic-concurrency counter: every write of the item requires the
   * revision it read and stores the next one.
   */
  readonly revision: number;
  /** ISO 8601 times of the item itself. */
  readonly createdAt: string;
  readonly updatedAt: string;
}
