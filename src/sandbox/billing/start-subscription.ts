import type Stripe from 'stripe';

import type { SandboxApiError } from '../errors.js';
import type { PriceInterval } from '../objects/build-price.js';
import { buildSubscription } from '../objects/build-subscription.js';
import type { SandboxContext } from '../sandbox-context.js';
import { addIntervals, daysToSeconds } from './billing-period.js';
import {
  draftInvoice,
  finalizeInvoice,
  linesForPeriod,
  payInvoice,
} from './invoice-payment.js';
import { captureBefore } from './snapshot.js';

/** What a new subscription starts with. */
export interface StartSubscriptionInput {
  readonly customer: Stripe.Customer;
  readonly lines: readonly { price: Stripe.Price; quantity: number }[];
  readonly metadata: Record<string, string>;
  readonly trialPeriodDays: number | null;
}

/** The new subscription, its first invoice and any payment failure. */
export interface StartedSubscription {
  readonly subscription: Stripe.Subscription;
  readonly invoice: Stripe.Invoice;
  readonly failure: SandboxApiError | undefined;
}

/**
 * Starts a subscription as Stripe does: created `incomplete` (or
 * `trialing`), its first invoice created, finalized and paid (a $0 invoice
 * during a trial), then moved to `active` when the payment succeeds.
 * Records `customer.subscription.created`, the invoice events and
 * `customer.subscription.updated`.
 */
export function startSubscription(
  context: SandboxContext,
  input: StartSubscriptionInput,
): StartedSubscription {
  const customer = input.customer;
  const at = context.timeOf(customer.test_clock as string | null);
  const trialEnd = input.trialPeriodDays
    ? at + daysToSeconds(input.trialPeriodDays)
    : null;
  const subscription = buildSubscription({
    created: at,
    customer: customer.id,
    lines: input.lines,
    periodStart: at,
    periodEnd: trialEnd ?? firstPeriodEnd(at, input.lines[0]?.price),
    billingCycleAnchor: trialEnd ?? at,
    status: trialEnd ? 'trialing' : 'incomplete',
    trialStart: trialEnd ? at : null,
    trialEnd,
    metadata: input.metadata,
    defaultPaymentMethod:
      context.state.cards.get(customer.id)?.paymentMethodId ?? null,
    testClock: customer.test_clock as string | null,
  });
  return billFirstPeriod(context, subscription, at, trialEnd !== null);
}

function billFirstPeriod(
  context: SandboxContext,
  subscription: Stripe.Subscription,
  at: number,
  isTrial: boolean,
): StartedSubscription {
  context.state.addSubscription(subscription);
  const invoice = draftInvoice(context, {
    subscription,
    billingReason: 'subscription_create',
    lines: linesForPeriod(context, subscription, isTrial),
    at,
  });
  subscription.latest_invoice = invoice.id;
  context.events.record('customer.subscription.created', subscription, {
    created: at,
  });
  finalizeInvoice(context, invoice, at);
  const failure = payInvoice(context, invoice, at);
  if (!failure && subscription.status === 'incomplete') {
    const before = captureBefore(subscription);
    subscription.status = 'active';
    context.events.record('customer.subscription.updated', subscription, {
      created: at,
      before,
    });
  }
  return { subscription, invoice, failure };
}

function firstPeriodEnd(at: number, price: Stripe.Price | undefined) {
  const recurring = price?.recurring;
  return addIntervals(
    at,
    (recurring?.interval ?? 'month') as PriceInterval,
    recurring?.interval_count ?? 1,
  );
}
