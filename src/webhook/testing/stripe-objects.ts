import type {
  InvoicePayload,
  SubscriptionPayload,
} from '../snapshots/stripe-payloads.js';
import { currentObject } from './stripe-fixtures.js';

/** The parts of Stripe's example subscription a test rewrites. */
interface SubscriptionExample extends Record<string, unknown> {
  readonly items: {
    readonly data: Array<Record<string, unknown> & { price: { id: string } }>;
  };
}

/** Fields a test sets on a current-version subscription. */
export interface SubscriptionFields {
  readonly id: string;
  readonly customer: string;
  readonly status: string;
  readonly priceId: string;
  readonly userId?: string;
  readonly quantity?: number;
  readonly periodStart?: number;
  readonly periodEnd?: number;
  readonly cancelAtPeriodEnd?: boolean;
}

/**
 * A subscription in the current API shape (Stripe's example, billing period
 * on the item) with the given fields.
 */
export function subscriptionObject(
  fields: SubscriptionFields,
): SubscriptionPayload & Record<string, unknown> {
  const subscription = currentObject<SubscriptionExample>('subscription');
  const item = subscription.items.data[0];
  if (item === undefined) throw new Error('The example has no item');
  item.price.id = fields.priceId;
  item.quantity = fields.quantity ?? 1;
  item.current_period_start = fields.periodStart ?? 1_796_000_000;
  item.current_period_end = fields.periodEnd ?? 1_798_600_000;
  item.subscription = fields.id;
  return {
    ...subscription,
    id: fields.id,
    customer: fields.customer,
    status: fields.status,
    created: 1_795_000_000,
    cancel_at_period_end: fields.cancelAtPeriodEnd ?? false,
    cancel_at: null,
    trial_end: null,
    metadata: fields.userId ? { userId: fields.userId } : {},
  };
}

/** Fields a test sets on a current-version invoice. */
export interface InvoiceFields {
  readonly id: string;
  readonly customer: string;
  readonly subscription: string;
  readonly status: 'paid' | 'open' | 'void';
  readonly created: number;
  readonly attemptCount?: number;
}

/** An invoice in the current API shape (`parent.subscription_details`). */
export function invoiceObject(
  fields: InvoiceFields,
): InvoicePayload & Record<string, unknown> {
  const invoice = currentObject<Record<string, unknown>>('invoice');
  return {
    ...invoice,
    id: fields.id,
    customer: fields.customer,
    status: fields.status,
    created: fields.created,
    attempt_count: fields.attemptCount ?? 1,
    amount_due: 2000,
    parent: {
      subscription_details: { metadata: {}, subscription: fields.subscription },
      type: 'subscription_details',
    },
  };
}

/** A completed checkout session linking `customer` to `userId`. */
export function checkoutSessionObject(fields: {
  readonly id: string;
  readonly customer: string;
  readonly userId: string;
  readonly subscription: string;
}) {
  const session = currentObject<Record<string, unknown>>('checkout.session');
  return {
    ...session,
    id: fields.id,
    mode: 'subscription',
    status: 'complete',
    payment_status: 'paid',
    customer: fields.customer,
    subscription: fields.subscription,
    client_reference_id: fields.userId,
    metadata: { userId: fields.userId },
  };
}
