import { describe, expect, it } from 'vitest';

import {
  hasBlockingSubscription,
  makeSubscriptionView,
  NO_SUBSCRIPTION_VIEW,
} from './billing-view.js';
import type { CustomerRecord, SubscriptionRecord } from './customer-record.js';
import type { Plan } from './plan.js';

const NOW_SECONDS = 1_796_292_000;
const PLANS: Plan[] = [
  {
    key: 'team',
    name: 'Team',
    entitlements: ['seats'],
    prices: { year: { id: 'price_team_year', amount: 1, currency: 'usd' } },
  },
];
const RULES = {
  grantingStatuses: ['active', 'trialing'] as const,
  pastDueGraceDays: 0,
};

function customer(
  subscriptions: SubscriptionRecord[],
  overrides: Partial<CustomerRecord> = {},
): CustomerRecord {
  return {
    customerId: 'cus_1',
    userId: 'user_1',
    subscriptions: Object.fromEntries(
      subscriptions.map((record) => [record.subscriptionId, record]),
    ),
    revision: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function trialing(): SubscriptionRecord {
  return {
    subscriptionId: 'sub_1',
    status: 'trialing',
    priceId: 'price_team_year',
    planKey: null,
    interval: 'year',
    quantity: 5,
    currentPeriodStart: NOW_SECONDS,
    currentPeriodEnd: NOW_SECONDS + 14 * 86_400,
    cancelAtPeriodEnd: false,
    cancelAt: null,
    trialEnd: NOW_SECONDS + 14 * 86_400,
    created: NOW_SECONDS,
    asOf: { eventCreated: NOW_SECONDS, eventId: 'evt_1', source: 'event' },
  };
}

describe('Function: makeSubscriptionView', () => {
  it('finds the plan by price and gives dates as ISO 8601', () => {
    const view = makeSubscriptionView({
      customers: [customer([trialing()])],
      plans: PLANS,
      rules: { ...RULES, grantingStatuses: [...RULES.grantingStatuses] },
      nowMs: NOW_SECONDS * 1000,
    });

    expect(view).toMatchObject({
      status: 'trialing',
      plan: 'team',
      quantity: 5,
      trialEnd: '2026-12-17T10:00:00.000Z',
      entitlements: ['seats'],
      hasAccess: true,
    });
  });

  it('reports the known plan when a newer subscription has an unknown price', () => {
    const unknown: SubscriptionRecord = {
      ...trialing(),
      subscriptionId: 'sub_unknown',
      status: 'active',
      priceId: 'price_not_in_catalogue',
      created: NOW_SECONDS + 60,
    };

    const view = makeSubscriptionView({
      customers: [customer([trialing(), unknown])],
      plans: PLANS,
      rules: { ...RULES, grantingStatuses: [...RULES.grantingStatuses] },
      nowMs: NOW_SECONDS * 1000,
    });

    expect(view).toMatchObject({
      plan: 'team',
      priceId: 'price_team_year',
      entitlements: ['seats'],
      hasAccess: true,
    });
  });

  it('ignores the subscriptions of a deleted customer', () => {
    const view = makeSubscriptionView({
      customers: [customer([trialing()], { deleted: true })],
      plans: PLANS,
      rules: { ...RULES, grantingStatuses: [...RULES.grantingStatuses] },
      nowMs: NOW_SECONDS * 1000,
    });

    expect(view).toEqual(NO_SUBSCRIPTION_VIEW);
  });
});

describe('Function: hasBlockingSubscription', () => {
  it('blocks a new checkout while a subscription is trialing', () => {
    expect(hasBlockingSubscription([customer([trialing()])])).toBe(true);
  });

  it('lets a customer with only ended subscriptions check out', () => {
    const ended = { ...trialing(), status: 'canceled' as const };

    expect(hasBlockingSubscription([customer([ended])])).toBe(false);
  });
});
