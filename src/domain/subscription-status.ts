/**
 * Subscription statuses as Stripe names them today. Kept as an `as const`
 * list so the access policy can be validated against it.
 */
export const SUBSCRIPTION_STATUSES = [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
] as const;

/** A status of {@link SUBSCRIPTION_STATUSES}. */
export type KnownSubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * A subscription status exactly as Stripe sent it: a known one, or one
 * Stripe added after this code was written (see
 * {@link isWellFormedStatus}), stored as sent. An unrecognized status never
 * grants access and never blocks a checkout, because the access rules and
 * {@link BLOCKING_STATUSES} list known statuses only.
 */
export type SubscriptionStatus =
  | KnownSubscriptionStatus
  | (string & Record<never, never>);

/** Statuses in which a customer may not start a second subscription. */
export const BLOCKING_STATUSES: readonly SubscriptionStatus[] = [
  'active',
  'trialing',
  'past_due',
];

const STATUS_FORM = /^[a-z][a-z_]{0,63}$/;

/** Whether a string is one of Stripe's statuses known today. */
export function isSubscriptionStatus(
  value: string,
): value is KnownSubscriptionStatus {
  return (SUBSCRIPTION_STATUSES as readonly string[]).includes(value);
}

/**
 * Whether a value has the form of a Stripe status: lower-case words joined
 * by `_`, at most 64 characters. A status of that form that is not known
 * yet is one Stripe may add later; anything else is not a status.
 */
export function isWellFormedStatus(value: unknown): value is string {
  return typeof value === 'string' && STATUS_FORM.test(value);
}
