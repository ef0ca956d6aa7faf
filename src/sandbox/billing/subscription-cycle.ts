import type Stripe from 'stripe';

import type { PriceInterval } from '../objects/build-price.js';
import type { SandboxContext } from '../sandbox-context.js';
import { daysToSeconds, nextPeriodEnd } from './billing-period.js';
import { cancelSubscriptionNow } from './cancel-subscription.js';
import {
  draftInvoice,
  finalizeInvoice,
  linesForPeriod,
  payInvoice,
} from './invoice-payment.js';
import { captureBefore } from './snapshot.js';

/** Stripe warns three days before a trial ends (seconds). */
const TRIAL_WILL_END_NOTICE_SECONDS = daysToSeconds(3);

const ENDED: ReadonlySet<string> = new Set([
  'canceled',
  'incomplete',
  'incomplete_expired',
  'unpaid',
]);

/** End of the current billing period (the first item's, as Stripe bills). */
export function periodEndOf(subscription: Stripe.Subscription): number {
  return subscription.items.data[0]?.current_period_end ?? subscription.created;
}

/**
 * The next moment (unix seconds) something happens to a subscription by
 * itself: trial warning, trial end, renewal, scheduled cancellation or a
 * payment retry. Null when nothing will.
 */
export function nextDueAt(
  context: SandboxContext,
  subscription: Stripe.Subscription,
): number | null {
  if (ENDED.has(subscription.status)) return null;
  const schedule = context.state.scheduleOf(subscription.id);
  const periodEnd = periodEndOf(subscription);
  const cancelAt = subscription.cancel_at ?? Number.POSITIVE_INFINITY;
  let due = Math.min(periodEnd, cancelAt);
  if (subscription.status === 'trialing' && subscription.trial_end) {
    const notice = subscription.trial_end - TRIAL_WILL_END_NOTICE_SECONDS;
    const isNoticeDue =
      !schedule.hasSentTrialWillEnd && notice > subscription.created;
    if (isNoticeDue) due = Math.min(due, notice);
  }
  if (schedule.nextRetryAt !== null) due = Math.min(due, schedule.nextRetryAt);
  return due;
}

/** Performs the one thing due on a subscription at `at` (unix seconds). */
export function runDue(
  context: SandboxContext,
  subscription: Stripe.Subscription,
  at: number,
): void {
  const schedule = context.state.scheduleOf(subscription.id);
  if (subscription.cancel_at !== null && subscription.cancel_at <= at) {
    cancelSubscriptionNow(context, subscription, at, 'cancellation_requested');
  } else if (schedule.nextRetryAt !== null && schedule.nextRetryAt <= at) {
    retryPayment(context, subscription, at);
  } else if (periodEndOf(subscription) <= at) {
    renew(context, subscription, at);
  } else if (subscription.status === 'trialing') {
    schedule.hasSentTrialWillEnd = true;
    context.events.record(
      'customer.subscription.trial_will_end',
      subscription,
      {
        created: at,
      },
    );
  }
  context.markChanged();
}

function renew(
  context: SandboxContext,
  subscription: Stripe.Subscription,
  at: number,
): void {
  const before = captureBefore(subscription);
  const start = periodEndOf(subscription);
  for (const item of subscription.items.data) {
    const recurring = item.price.recurring;
    item.current_period_start = start;
    item.current_period_end = nextPeriodEnd(
      subscription.billing_cycle_anchor,
      start,
      (recurring?.interval ?? 'month') as PriceInterval,
      recurring?.interval_count ?? 1,
    );
  }
  const invoice = draftInvoice(context, {
    subscription,
    billingReason: 'subscription_cycle',
    lines: linesForPeriod(context, subscription, false),
    at,
  });
  subscription.latest_invoice = invoice.id;
  if (subscription.status === 'trialing') subscription.status = 'active';
  context.events.record('customer.subscription.updated', subscription, {
    created: at,
    before,
  });
  finalizeInvoice(context, invoice, at);
  collectNow(context, subscription, invoice, at);
}

function retryPayment(
  context: SandboxContext,
  subscription: Stripe.Subscription,
  at: number,
): void {
  const invoiceId = subscription.latest_invoice as string | null;
  const invoice = invoiceId ? context.state.invoices.get(invoiceId) : undefined;
  if (invoice?.status !== 'open') {
    context.state.scheduleOf(subscription.id).nextRetryAt = null;
    return;
  }
  collectNow(context, subscription, invoice, at);
}

/**
 * Charges an open invoice and moves the subscription by the outcome:
 * active when paid; past_due with retries scheduled when not.
 */
export function collectNow(
  context: SandboxContext,
  subscription: Stripe.Subscription,
  invoice: Stripe.Invoice,
  at: number,
): void {
  const schedule = context.state.scheduleOf(subscription.id);
  const retryDays = context.settings.retryScheduleDays;
  const firstFailedAt = invoice.status_transitions.finalized_at ?? at;
  const nextRetryDays = retryDays[schedule.failedAttempts];
  const nextAttemptAt =
    nextRetryDays === undefined
      ? null
      : firstFailedAt + daysToSeconds(nextRetryDays);
  const failure = payInvoice(context, invoice, at, nextAttemptAt);
  const before = captureBefore(subscription);
  if (!failure) {
    schedule.failedAttempts = 0;
    schedule.nextRetryAt = null;
    if (subscription.status === 'active') return;
    subscription.status = 'active';
  } else {
    schedule.failedAttempts += 1;
    schedule.nextRetryAt = nextAttemptAt;
    if (nextAttemptAt === null) {
      exhaustRetries(context, subscription, at);
      return;
    }
    if (subscription.status === 'past_due') return;
    subscription.status = 'past_due';
  }
  context.events.record('customer.subscription.updated', subscription, {
    created: at,
    before,
  });
}

function exhaustRetries(
  context: SandboxContext,
  subscription: Stripe.Subscription,
  at: number,
): void {
  if (context.settings.failedPaymentBehaviour === 'cancel') {
    cancelSubscriptionNow(context, subscription, at, 'payment_failed');
    return;
  }
  const before = captureBefore(subscription);
  subscription.status = 'unpaid';
  context.events.record('customer.subscription.updated', subscription, {
    created: at,
    before,
  });
}
