import type { SubscriptionRecord } from './customer-record.js';
import type { SubscriptionStatus } from './subscription-status.js';

/** The access rules of the billing configuration (`AppConfig.access`). */
export interface AccessRules {
  /** Statuses that may grant access. */
  readonly grantingStatuses: readonly SubscriptionStatus[];
  /**
   * Days a `past_due` subscription keeps access after its current period
   * started (the renewal that failed). 0 means no grace at all.
   */
  readonly pastDueGraceDays: number;
}

const SECONDS_PER_DAY = 86_400;

/**
 * Whether a subscription grants access at `nowMs` (milliseconds since the
 * epoch). Its status must be a granting one; a `past_due` subscription
 * grants access only during the grace period that starts with its current
 * period.
 */
export function grantsAccess(
  subscription: SubscriptionRecord,
  rules: AccessRules,
  nowMs: number,
): boolean {
  if (!rules.grantingStatuses.includes(subscription.status)) return false;
  if (subscription.status !== 'past_due') return true;

  const periodStart = subscription.currentPeriodStart;
  if (periodStart === null || rules.pastDueGraceDays <= 0) return false;
  const graceEnd = periodStart + rules.pastDueGraceDays * SECONDS_PER_DAY;
  return nowMs < graceEnd * 1000;
}

/**
 * Picks the subscription to report to a user who may have several: the
 * newest one that grants access and whose plan is in the catalogue, else
 * the newest one that grants access, else the newest one. A new
 * `incomplete` subscription therefore never hides an older one that still
 * grants access, and one on a price outside the catalogue never hides a
 * known plan. `isInCatalogue` says whether a subscription's plan is
 * configured; by default every subscription counts as known.
 */
export function chooseSubscription(
  subscriptions: readonly SubscriptionRecord[],
  rules: AccessRules,
  nowMs: number,
  isInCatalogue: (subscription: SubscriptionRecord) => boolean = () => true,
): SubscriptionRecord | undefined {
  const newestFirst = [...subscriptions].sort((a, b) => b.created - a.created);
  const granting = newestFirst.filter((subscription) =>
    grantsAccess(subscription, rules, nowMs),
  );
  return granting.find(isInCatalogue) ?? granting[0] ?? newestFirst[0];
}
