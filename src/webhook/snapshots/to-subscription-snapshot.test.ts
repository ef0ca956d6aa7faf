import { describe, expect, it } from 'vitest';

import { currentObject, olderObject } from '../testing/stripe-fixtures.js';
import { TEST_PLANS } from '../testing/webhook-harness.js';
import type { SubscriptionPayload } from './stripe-payloads.js';
import { toSubscriptionSnapshot } from './to-subscription-snapshot.js';

describe('Function: toSubscriptionSnapshot', () => {
  it('reads the billing period from the item in the current API shape', () => {
    const subscription = currentObject<SubscriptionPayload>('subscription');

    const snapshot = toSubscriptionSnapshot(subscription, TEST_PLANS);

    expect(snapshot).toMatchObject({
      customerId: 'cus_QXg1o8vcGmoR32',
      subscriptionId: 'sub_1Pgc6rB7WZ01zgkWNy0Cn5nw',
      status: 'active',
      priceId: 'price_1PgafmB7WZ01zgkW6dKueIc5',
      planKey: null,
      interval: 'month',
      quantity: 1,
      currentPeriodStart: 1896570518,
      currentPeriodEnd: 976287773,
      cancelAtPeriodEnd: true,
    });
  });

  it('reads the top-level period of an older API shape', () => {
    const subscription = olderObject<SubscriptionPayload>(
      'subscription.created',
    );

    const snapshot = toSubscriptionSnapshot(subscription, TEST_PLANS);

    expect(snapshot).toMatchObject({
      customerId: 'cus_00000000000000',
      status: 'active',
      priceId: 'FFBEGINNER_00000000000000',
      interval: 'month',
      quantity: 2,
      currentPeriodStart: 1486568724,
      currentPeriodEnd: 1488987924,
      trialEnd: 1467992724,
    });
  });

  it('maps a catalogue price to its plan key', () => {
    const subscription = olderObject<SubscriptionPayload>(
      'subscription.deleted',
    );
    const items = subscription.items?.data ?? [];
    const withPlanPrice = {
      ...subscription,
      items: {
        data: items.map((item) => ({
          ...item,
          price: { id: 'price_team_month' },
        })),
      },
    };

    const snapshot = toSubscriptionSnapshot(withPlanPrice, TEST_PLANS);

    expect(snapshot).toMatchObject({
      status: 'canceled',
      planKey: 'team',
      interval: 'month',
    });
  });

  it('takes the user id from the subscription metadata only', () => {
    const subscription = currentObject<SubscriptionPayload>('subscription');

    const linked = toSubscriptionSnapshot(
      { ...subscription, metadata: { userId: 'user_7' } },
      TEST_PLANS,
    );
    const unlinked = toSubscriptionSnapshot(subscription, TEST_PLANS);

    expect(linked.userId).toBe('user_7');
    expect(unlinked.userId).toBeUndefined();
  });

  it('keeps a well-formed status Stripe may add later as sent', () => {
    const subscription = currentObject<SubscriptionPayload>('subscription');

    const snapshot = toSubscriptionSnapshot(
      { ...subscription, status: 'sleeping' },
      TEST_PLANS,
    );

    expect(snapshot.status).toBe('sleeping');
  });

  it.each([
    ['Active', 'status'],
    ['', 'status'],
  ])('throws invalid_status for the status "%s"', (status, field) => {
    const subscription = currentObject<SubscriptionPayload>('subscription');

    const read = () =>
      toSubscriptionSnapshot({ ...subscription, status }, TEST_PLANS);

    expect(read).toThrow(
      expect.objectContaining({ reason: 'invalid_status', field }),
    );
  });
});
