import type { BillingInterval, Plan } from '../../domain/plan.js';
import { BILLING_INTERVALS, findPlanByPriceId } from '../../domain/plan.js';
import type { SubscriptionSnapshot } from '../../domain/state-snapshot.js';
import { isSubscriptionStatus } from '../../domain/subscription-status.js';
import { UnreadableObjectError } from '../errors.js';
import {
  idOf,
  type PricePayload,
  type SubscriptionItemPayload,
  type SubscriptionPayload,
  userIdOf,
} from './stripe-payloads.js';

/**
 * Normalizes a subscription of any API version: the price, quantity and
 * billing period come from the first item when it has them (current
 * versions), else from the subscription itself (older versions with `plan`
 * and a top-level `current_period_end`). The plan key and interval come
 * from the catalogue when the price is in it.
 */
export function toSubscriptionSnapshot(
  subscription: SubscriptionPayload,
  plans: readonly Plan[],
): SubscriptionSnapshot {
  const customerId = idOf(subscription.customer);
  if (customerId === undefined) {
    throw new UnreadableObjectError(
      `subscription ${subscription.id}`,
      'names no customer',
    );
  }
  if (!isSubscriptionStatus(subscription.status)) {
    throw new UnreadableObjectError(
      `subscription ${subscription.id}`,
      `has the unknown status ${subscription.status}`,
    );
  }

  const item = subscription.items?.data?.[0];
  const price = item?.price ?? item?.plan ?? subscription.plan ?? null;
  const match = price ? findPlanByPriceId(plans, price.id) : undefined;
  return {
    customerId,
    userId: userIdOf(subscription.metadata),
    subscriptionId: subscription.id,
    status: subscription.status,
    priceId: price?.id ?? null,
    planKey: match?.plan.key ?? null,
    interval: match?.interval ?? intervalOf(price),
    quantity: item?.quantity ?? subscription.quantity ?? 1,
    currentPeriodStart: periodOf(item, subscription, 'current_period_start'),
    currentPeriodEnd: periodOf(item, subscription, 'current_period_end'),
    cancelAtPeriodEnd: subscription.cancel_at_period_end ?? false,
    cancelAt: subscription.cancel_at ?? null,
    trialEnd: subscription.trial_end ?? null,
    created: subscription.created,
  };
}

function intervalOf(price: PricePayload | null): BillingInterval | null {
  const interval = price?.recurring?.interval ?? price?.interval ?? null;
  return BILLING_INTERVALS.find((known) => known === interval) ?? null;
}

function periodOf(
  item: SubscriptionItemPayload | undefined,
  subscription: SubscriptionPayload,
  field: 'current_period_start' | 'current_period_end',
): number | null {
  return item?.[field] ?? subscription[field] ?? null;
}
