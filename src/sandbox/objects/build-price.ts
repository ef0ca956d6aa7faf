import type Stripe from 'stripe';

import { fixtureTemplate } from '../fixtures/stripe-fixtures.js';
import { makeId } from '../ids.js';
import { ID_FIRST } from './id-first.js';
import { toWireDecimal } from './wire-decimal.js';

/** Billing intervals of recurring prices. */
export type PriceInterval = 'day' | 'week' | 'month' | 'year';

/** What a new price is made of. */
export interface PriceInput {
  readonly id?: string | undefined;
  readonly created: number;
  readonly product: string;
  /** Amount in the currency's smallest unit (cents). */
  readonly unitAmount: number;
  readonly currency: string;
  /** Absent for one-time prices. */
  readonly recurring?:
    | { readonly interval: PriceInterval; readonly intervalCount: number }
    | undefined;
  readonly lookupKey?: string | null | undefined;
  readonly nickname?: string | null | undefined;
  readonly active?: boolean | undefined;
  readonly metadata?: Record<string, string> | undefined;
}

/** Builds a price in Stripe's shape (a given id is kept). */
export function buildPrice(input: PriceInput): Stripe.Price {
  const template = fixtureTemplate('price') as unknown as Stripe.Price;
  return {
    ...ID_FIRST,
    ...template,
    id: input.id ?? makeId('price', 24),
    object: 'price',
    active: input.active ?? true,
    billing_scheme: 'per_unit',
    created: input.created,
    currency: input.currency.toLowerCase(),
    custom_unit_amount: null,
    livemode: false,
    lookup_key: input.lookupKey ?? null,
    metadata: { ...input.metadata },
    nickname: input.nickname ?? null,
    product: input.product,
    recurring: input.recurring
      ? {
          ...template.recurring,
          interval: input.recurring.interval,
          interval_count: input.recurring.intervalCount,
          meter: null,
          trial_period_days: null,
          usage_type: 'licensed',
        }
      : null,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: input.recurring ? 'recurring' : 'one_time',
    unit_amount: input.unitAmount,
    unit_amount_decimal: toWireDecimal(input.unitAmount),
  };
}

/** The legacy `plan` view of a recurring price, as subscription items carry. */
export function toPlan(price: Stripe.Price): Stripe.Plan {
  const recurring = price.recurring;
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: recurring?.interval ?? 'month',
    interval_count: recurring?.interval_count ?? 1,
    livemode: false,
    metadata: { ...price.metadata },
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: 'licensed',
  } as Stripe.Plan;
}
