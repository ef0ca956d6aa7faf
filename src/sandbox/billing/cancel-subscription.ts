import type Stripe from 'stripe';

import type { SandboxContext } from '../sandbox-context.js';

/** Why a subscription ended, in Stripe's `cancellation_details.reason`. */
export type CancellationReason =
  | 'cancellation_requested'
  | 'payment_failed'
  | 'payment_disputed';

/**
 * Ends a subscription now: status `canceled`, `ended_at` set, no further
 * payment retries; records `customer.subscription.deleted`.
 */
export function cancelSubscriptionNow(
  context: SandboxContext,
  subscription: Stripe.Subscription,
  at: number,
  reason: CancellationReason,
  comment: string | null = null,
): Stripe.Subscription {
  subscription.status = 'canceled';
  subscription.canceled_at = subscription.canceled_at ?? at;
  subscription.ended_at = at;
  subscription.cancel_at = subscription.cancel_at ?? null;
  subscription.cancellation_details = {
    comment: comment ?? subscription.cancellation_details?.comment ?? null,
    feedback: subscription.cancellation_details?.feedback ?? null,
    feedback_option: null,
    reason,
  } as Stripe.Subscription.CancellationDetails;
  const schedule = context.state.scheduleOf(subscription.id);
  schedule.nextRetryAt = null;
  const invoiceId = subscription.latest_invoice as string | null;
  const invoice = invoiceId ? context.state.invoices.get(invoiceId) : undefined;
  if (invoice && invoice.status === 'open') invoice.next_payment_attempt = null;
  context.events.record('customer.subscription.deleted', subscription, {
    created: at,
  });
  context.markChanged();
  return subscription;
}
