import type Stripe from 'stripe';

import { invalidState, resourceMissing } from '../errors.js';
import { mergeMetadata } from '../http/param-reader.js';
import { type PriceInterval, toPlan } from '../objects/build-price.js';
import type { SandboxContext } from '../sandbox-context.js';
import { addIntervals } from './billing-period.js';
import {
  draftInvoice,
  finalizeInvoice,
  linesForPeriod,
} from './invoice-payment.js';
import { type BeforeImage, captureBefore } from './snapshot.js';
import { collectNow, periodEndOf } from './subscription-cycle.js';

/** A change to one subscription item: a new price and/or quantity. */
export interface ItemChange {
  readonly id: string | undefined;
  readonly price: string | undefined;
  readonly quantity: number | undefined;
}

/** What a subscription update asks for (absent fields stay as they are). */
export interface SubscriptionChange {
  readonly cancelAtPeriodEnd?: boolean | undefined;
  readonly items?: readonly ItemChange[] | undefined;
  readonly metadata?: Record<string, string> | null | undefined;
  readonly description?: string | null | undefined;
}

const FROZEN: ReadonlySet<string> = new Set(['canceled', 'incomplete_expired']);

/**
 * Applies an update as Stripe does: checks every part first (so bad input
 * changes nothing), then schedules or lifts the end-of-period
 * cancellation, swaps prices or quantities, and records
 * `customer.subscription.updated` with `previous_attributes`.
 */
export function updateSubscription(
  context: SandboxContext,
  subscription: Stripe.Subscription,
  change: SubscriptionChange,
): Stripe.Subscription {
  if (FROZEN.has(subscription.status)) {
    throw invalidState(
      'A canceled subscription can only update its cancellation_details and metadata.',
    );
  }
  const resolved = (change.items ?? []).map((item, index) =>
    resolveItem(context, subscription, item, index),
  );
  const at = context.timeOf(subscription.test_clock as string | null);
  const before = captureBefore(subscription);
  if (change.cancelAtPeriodEnd !== undefined) {
    setCancelAtPeriodEnd(subscription, change.cancelAtPeriodEnd, at);
  }
  let isCycleReset = false;
  for (const { item, price, quantity } of resolved) {
    if (price) {
      isCycleReset ||= changesInterval(item.price, price);
      item.price = structuredClone(price);
      item.plan = toPlan(price);
    }
    if (quantity !== undefined) item.quantity = quantity;
  }
  subscription.metadata = mergeMetadata(subscription.metadata, change.metadata);
  if (change.description !== undefined) {
    subscription.description = change.description;
  }
  if (isCycleReset) {
    restartBillingCycle(context, subscription, before, at);
  } else {
    context.events.record('customer.subscription.updated', subscription, {
      created: at,
      before,
    });
  }
  context.markChanged();
  return subscription;
}

function changesInterval(from: Stripe.Price, to: Stripe.Price): boolean {
  return (
    from.recurring?.interval !== to.recurring?.interval ||
    from.recurring?.interval_count !== to.recurring?.interval_count
  );
}

/**
 * A switch to another billing interval (monthly to yearly) starts a new
 * cycle now and bills it at once, as Stripe does.
 * TODO(#5): credit the unused time of the old period (prorations).
 */
function restartBillingCycle(
  context: SandboxContext,
  subscription: Stripe.Subscription,
  before: BeforeImage,
  at: number,
): void {
  for (const item of subscription.items.data) {
    const recurring = item.price.recurring;
    item.current_period_start = at;
    item.current_period_end = addIntervals(
      at,
      (recurring?.interval ?? 'month') as PriceInterval,
      recurring?.interval_count ?? 1,
    );
  }
  subscription.billing_cycle_anchor = at;
  if (subscription.cancel_at_period_end) {
    subscription.cancel_at = periodEndOf(subscription);
  }
  const invoice = draftInvoice(context, {
    subscription,
    billingReason: 'subscription_update',
    lines: linesForPeriod(context, subscription, false),
    at,
  });
  subscription.latest_invoice = invoice.id;
  context.events.record('customer.subscription.updated', subscription, {
    created: at,
    before,
  });
  finalizeInvoice(context, invoice, at);
  collectNow(context, subscription, invoice, at);
}

function setCancelAtPeriodEnd(
  subscription: Stripe.Subscription,
  isCanceling: boolean,
  at: number,
): void {
  subscription.cancel_at_period_end = isCanceling;
  subscription.cancel_at = isCanceling ? periodEndOf(subscription) : null;
  subscription.canceled_at = isCanceling ? at : null;
  subscription.cancellation_details = {
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: isCanceling ? 'cancellation_requested' : null,
  } as Stripe.Subscription.CancellationDetails;
}

function resolveItem(
  context: SandboxContext,
  subscription: Stripe.Subscription,
  change: ItemChange,
  index: number,
) {
  const items = subscription.items.data;
  const item = change.id
    ? items.find((candidate) => candidate.id === change.id)
    : items.length === 1
      ? items[0]
      : undefined;
  if (!item) {
    throw resourceMissing(
      'subscription_item',
      change.id ?? '',
      `items[${index}][id]`,
    );
  }
  const price = change.price
    ? context.state.prices.get(change.price)
    : undefined;
  if (change.price && !price) {
    throw resourceMissing('price', change.price, `items[${index}][price]`);
  }
  if (price && (!price.active || !price.recurring)) {
    throw invalidState(
      'The price specified is inactive or not recurring.',
      `items[${index}][price]`,
    );
  }
  return { item, price, quantity: change.quantity };
}
