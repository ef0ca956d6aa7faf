import type Stripe from 'stripe';

import {
  addMissingKeys,
  fixtureTemplate,
  withFixtureKeys,
} from '../fixtures/stripe-fixtures.js';
import { makeId } from '../ids.js';
import { toPlan } from './build-price.js';

/** One priced line of a new subscription. */
export interface SubscriptionLineInput {
  readonly price: Stripe.Price;
  readonly quantity: number;
}

/** What a new subscription is made of. */
export interface SubscriptionInput {
  readonly created: number;
  readonly customer: string;
  readonly lines: readonly SubscriptionLineInput[];
  /** Billing period in unix seconds (the trial, when there is one). */
  readonly periodStart: number;
  readonly periodEnd: number;
  /** When billing cycles start: creation, or the end of the trial. */
  readonly billingCycleAnchor: number;
  readonly status: Stripe.Subscription.Status;
  readonly trialStart?: number | null | undefined;
  readonly trialEnd?: number | null | undefined;
  readonly metadata?: Record<string, string> | undefined;
  readonly defaultPaymentMethod?: string | null | undefined;
  readonly testClock?: string | null | undefined;
}

/** What a new subscription item is made of. */
export interface SubscriptionItemInput extends SubscriptionLineInput {
  readonly subscription: string;
  readonly created: number;
  readonly periodStart: number;
  readonly periodEnd: number;
}

/** Builds a subscription item, carrying its billing period (current API). */
export function buildSubscriptionItem(
  input: SubscriptionItemInput,
): Stripe.SubscriptionItem {
  const fixture = fixtureTemplate(
    'subscription',
  ) as unknown as Stripe.Subscription;
  const example = fixture.items.data[0] as unknown as Record<string, unknown>;
  return addMissingKeys(example, {
    id: makeId('si', 14),
    object: 'subscription_item',
    billing_thresholds: null,
    created: input.created,
    current_period_end: input.periodEnd,
    current_period_start: input.periodStart,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: toPlan(input.price),
    price: structuredClone(input.price),
    quantity: input.quantity,
    subscription: input.subscription,
    tax_rates: [],
  } satisfies Stripe.SubscriptionItem as Stripe.SubscriptionItem);
}

/** Builds a subscription in Stripe's current shape, with a `sub_` id. */
export function buildSubscription(
  input: SubscriptionInput,
): Stripe.Subscription {
  const id = makeId('sub', 24);
  const items = input.lines.map((line) =>
    buildSubscriptionItem({ ...line, subscription: id, ...input }),
  );
  return withFixtureKeys('subscription', {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, disabled_reason: null, liability: null },
    billing_cycle_anchor: input.billingCycleAnchor,
    billing_cycle_anchor_config: null,
    billing_mode: { type: 'classic' } as Stripe.Subscription.BillingMode,
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: {
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: null,
    },
    collection_method: 'charge_automatically',
    created: input.created,
    currency: input.lines[0]?.price.currency ?? 'usd',
    customer: input.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: input.defaultPaymentMethod ?? null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: 'self' },
    },
    items: {
      object: 'list',
      data: items,
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: { ...input.metadata },
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: 'off',
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: input.created,
    status: input.status,
    test_clock: input.testClock ?? null,
    transfer_data: null,
    trial_end: input.trialEnd ?? null,
    trial_settings: {
      end_behavior: {
        billing_cycle_anchor: null,
        missing_payment_method: 'create_invoice',
      },
    },
    trial_start: input.trialStart ?? null,
  } satisfies Stripe.Subscription as Stripe.Subscription);
}
