import {
  type AccessRules,
  chooseSubscription,
  grantsAccess,
} from './access.js';
import type { CustomerRecord, SubscriptionRecord } from './customer-record.js';
import type { BillingInterval } from './plan.js';
import { findPlan, findPlanByPriceId, type Plan } from './plan.js';
import {
  BLOCKING_STATUSES,
  type SubscriptionStatus,
} from './subscription-status.js';

/** What the frontend is told about a user's subscription. */
export interface SubscriptionView {
  /** Stripe's status of the reported subscription, or `none`. */
  readonly status: SubscriptionStatus | 'none';
  /** Plan key in the catalogue; null when none or not in the catalogue. */
  readonly plan: string | null;
  readonly priceId: string | null;
  readonly interval: BillingInterval | null;
  /** Seats or units; 0 when there is no subscription. */
  readonly quantity: number;
  /** ISO 8601 end of the current period. */
  readonly currentPeriodEnd: string | null;
  readonly cancelAtPeriodEnd: boolean;
  /** ISO 8601 end of the trial. */
  readonly trialEnd: string | null;
  /** The plan's entitlements while the subscription grants access. */
  readonly entitlements: readonly string[];
  readonly hasAccess: boolean;
}

/** What {@link makeSubscriptionView} works from. */
export interface SubscriptionViewInput {
  /** Every customer record linked to the user. */
  readonly customers: readonly CustomerRecord[];
  readonly plans: readonly Plan[];
  readonly rules: AccessRules;
  /** Milliseconds since the epoch. */
  readonly nowMs: number;
}

/** The view of a user with no subscription at all. */
export const NO_SUBSCRIPTION_VIEW: SubscriptionView = Object.freeze({
  status: 'none',
  plan: null,
  priceId: null,
  interval: null,
  quantity: 0,
  currentPeriodEnd: null,
  cancelAtPeriodEnd: false,
  trialEnd: null,
  entitlements: [],
  hasAccess: false,
});

/**
 * Builds the subscription view of a user from their customer records: the
 * subscription chosen by {@link chooseSubscription} across all of them,
 * with access decided by the access rules at `nowMs`.
 */
export function makeSubscriptionView(
  input: SubscriptionViewInput,
): SubscriptionView {
  const chosen = chooseSubscription(
    listSubscriptions(input.customers),
    input.rules,
    input.nowMs,
    (subscription) => planOf(subscription, input.plans) !== undefined,
  );
  if (chosen === undefined) return NO_SUBSCRIPTION_VIEW;

  const hasAccess = grantsAccess(chosen, input.rules, input.nowMs);
  const plan = planOf(chosen, input.plans);
  return {
    status: chosen.status,
    plan: plan?.key ?? null,
    priceId: chosen.priceId,
    interval: chosen.interval,
    quantity: chosen.quantity,
    currentPeriodEnd: toIso(chosen.currentPeriodEnd),
    cancelAtPeriodEnd: chosen.cancelAtPeriodEnd,
    trialEnd: toIso(chosen.trialEnd),
    entitlements: hasAccess && plan ? [...plan.entitlements] : [],
    hasAccess,
  };
}

/**
 * Whether any of the user's subscriptions blocks a new checkout (active,
 * trialing or past_due): such users change plans in the portal instead.
 */
export function hasBlockingSubscription(
  customers: readonly CustomerRecord[],
): boolean {
  return listSubscriptions(customers).some((subscription) =>
    BLOCKING_STATUSES.includes(subscription.status),
  );
}

function listSubscriptions(
  customers: readonly CustomerRecord[],
): SubscriptionRecord[] {
  return customers
    .filter((customer) => customer.deleted !== true)
    .flatMap((customer) => Object.values(customer.subscriptions));
}

function planOf(
  subscription: SubscriptionRecord,
  plans: readonly Plan[],
): Plan | undefined {
  if (subscription.planKey !== null) {
    const plan = findPlan(plans, subscription.planKey);
    if (plan) return plan;
  }
  if (subscription.priceId === null) return undefined;
  return findPlanByPriceId(plans, subscription.priceId)?.plan;
}

function toIso(epochSeconds: number | null): string | null {
  return epochSeconds === null
    ? null
    : new Date(epochSeconds * 1000).toISOString();
}
