import { describe, expect, it } from 'vitest';

import {
  type AccessRules,
  chooseSubscription,
  grantsAccess,
} from './access.js';
import type { SubscriptionRecord } from './customer-record.js';

const DAY = 86_400;
const NOW_SECONDS = 1_796_292_000;
const NOW_MS = NOW_SECONDS * 1000;
const RULES: AccessRules = {
  grantingStatuses: ['active', 'trialing', 'past_due'],
  pastDueGraceDays: 3,
};

function subscription(
  overrides: Partial<SubscriptionRecord> = {},
): SubscriptionRecord {
  return {
    subscriptionId: 'sub_1',
    status: 'active',
    priceId: 'price_1',
    planKey: 'pro',
    interval: 'month',
    quantity: 1,
    currentPeriodStart: NOW_SECONDS - DAY,
    currentPeriodEnd: NOW_SECONDS + 29 * DAY,
    cancelAtPeriodEnd: false,
    cancelAt: null,
    trialEnd: null,
    created: NOW_SECONDS - 40 * DAY,
    asOf: { eventCreated: NOW_SECONDS, eventId: 'evt_1', source: 'event' },
    ...overrides,
  };
}

describe('Function: grantsAccess', () => {
  it('grants access to the configured statuses only', () => {
    const active = grantsAccess(subscription(), RULES, NOW_MS);
    const unpaid = grantsAccess(
      subscription({ status: 'unpaid' }),
      RULES,
      NOW_MS,
    );

    expect(active).toBe(true);
    expect(unpaid).toBe(false);
  });

  it('refuses a status the configuration leaves out', () => {
    const rules = { ...RULES, grantingStatuses: ['active' as const] };

    const trialing = grantsAccess(
      subscription({ status: 'trialing' }),
      rules,
      NOW_MS,
    );

    expect(trialing).toBe(false);
  });

  it('ends past_due access exactly when the grace period ends', () => {
    const pastDue = subscription({
      status: 'past_due',
      currentPeriodStart: NOW_SECONDS - 3 * DAY,
    });

    const justBefore = grantsAccess(pastDue, RULES, NOW_MS - 1);
    const atTheEnd = grantsAccess(pastDue, RULES, NOW_MS);

    expect(justBefore).toBe(true);
    expect(atTheEnd).toBe(false);
  });

  it('gives past_due no grace when the grace is 0 days', () => {
    const rules = { ...RULES, pastDueGraceDays: 0 };

    const granted = grantsAccess(
      subscription({ status: 'past_due' }),
      rules,
      NOW_MS,
    );

    expect(granted).toBe(false);
  });
});

describe('Function: chooseSubscription', () => {
  it('prefers an older subscription that grants access over a newer one', () => {
    const older = subscription({ subscriptionId: 'sub_old' });
    const newer = subscription({
      subscriptionId: 'sub_new',
      status: 'incomplete',
      created: NOW_SECONDS,
    });

    const chosen = chooseSubscription([newer, older], RULES, NOW_MS);

    expect(chosen?.subscriptionId).toBe('sub_old');
  });

  it('falls back to the newest when none grants access', () => {
    const canceled = subscription({
      subscriptionId: 'sub_a',
      status: 'canceled',
    });
    const expired = subscription({
      subscriptionId: 'sub_b',
      status: 'incomplete_expired',
      created: NOW_SECONDS,
    });

    const chosen = chooseSubscription([canceled, expired], RULES, NOW_MS);

    expect(chosen?.subscriptionId).toBe('sub_b');
  });

  it('prefers a granting subscription in the catalogue over a newer unknown one', () => {
    const known = subscription({ subscriptionId: 'sub_known' });
    const unknown = subscription({
      subscriptionId: 'sub_unknown',
      priceId: 'price_elsewhere',
      planKey: null,
      created: NOW_SECONDS,
    });

    const chosen = chooseSubscription(
      [unknown, known],
      RULES,
      NOW_MS,
      (candidate) => candidate.planKey !== null,
    );

    expect(chosen?.subscriptionId).toBe('sub_known');
  });

  it('still reports a granting unknown subscription over an ended known one', () => {
    const ended = subscription({
      subscriptionId: 'sub_ended',
      status: 'canceled',
    });
    const unknown = subscription({
      subscriptionId: 'sub_unknown',
      planKey: null,
      created: NOW_SECONDS,
    });

    const chosen = chooseSubscription(
      [ended, unknown],
      RULES,
      NOW_MS,
      (candidate) => candidate.planKey !== null,
    );

    expect(chosen?.subscriptionId).toBe('sub_unknown');
  });

  it('chooses nothing from nothing', () => {
    expect(chooseSubscription([], RULES, NOW_MS)).toBeUndefined();
  });
});
