import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type BillingApiHarness,
  saveLinkedCustomer,
  startBillingApiHarness,
  subscriptionRecord,
  TEST_NOW_MS,
} from '../testing/billing-api-harness.js';

const PATH = '/api/billing/subscription';
const DAY_SECONDS = 86_400;
const NOW_SECONDS = Math.floor(TEST_NOW_MS / 1000);

describe('Route: GET /api/billing/subscription', () => {
  let harness: BillingApiHarness;

  beforeAll(async () => {
    harness = await startBillingApiHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function readSubscription(userId: string) {
    const response = await harness.app.request(PATH, {
      headers: await harness.authHeaders(userId),
    });
    return { status: response.status, body: await response.json() };
  }

  it('answers status none for a user without a customer', async () => {
    const { status, body } = await readSubscription('user_nobody');

    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'none',
      plan: null,
      priceId: null,
      interval: null,
      quantity: 0,
      currentPeriodEnd: null,
      cancelAtPeriodEnd: false,
      trialEnd: null,
      entitlements: [],
      hasAccess: false,
    });
  });

  it('reports an active subscription with its plan and entitlements', async () => {
    await saveLinkedCustomer(harness, 'cus_active', 'user_active', [
      subscriptionRecord({
        quantity: 2,
        cancelAtPeriodEnd: true,
        currentPeriodEnd: NOW_SECONDS + 10 * DAY_SECONDS,
      }),
    ]);

    const { body } = await readSubscription('user_active');

    expect(body).toEqual({
      status: 'active',
      plan: 'pro',
      priceId: 'price_pro_month',
      interval: 'month',
      quantity: 2,
      currentPeriodEnd: '2026-12-13T10:00:00.000Z',
      cancelAtPeriodEnd: true,
      trialEnd: null,
      entitlements: ['projects:unlimited', 'export:csv'],
      hasAccess: true,
    });
  });

  it('reports the subscription granting access over a newer incomplete one', async () => {
    await saveLinkedCustomer(harness, 'cus_two', 'user_two', [
      subscriptionRecord({ subscriptionId: 'sub_old', status: 'active' }),
      subscriptionRecord({
        subscriptionId: 'sub_new',
        status: 'incomplete',
        priceId: 'price_starter_month',
        planKey: 'starter',
        created: NOW_SECONDS - 60,
      }),
    ]);

    const { body } = await readSubscription('user_two');

    expect(body).toMatchObject({
      status: 'active',
      plan: 'pro',
      hasAccess: true,
    });
  });

  it('keeps access for a past_due subscription within the grace period', async () => {
    await saveLinkedCustomer(harness, 'cus_grace', 'user_grace', [
      subscriptionRecord({
        status: 'past_due',
        currentPeriodStart: NOW_SECONDS - 6 * DAY_SECONDS,
      }),
    ]);

    const { body } = await readSubscription('user_grace');

    expect(body).toMatchObject({ status: 'past_due', hasAccess: true });
  });

  it('ends access for a past_due subscription beyond the grace period', async () => {
    await saveLinkedCustomer(harness, 'cus_late', 'user_late', [
      subscriptionRecord({
        status: 'past_due',
        currentPeriodStart: NOW_SECONDS - 8 * DAY_SECONDS,
      }),
    ]);

    const { body } = await readSubscription('user_late');

    expect(body).toMatchObject({
      status: 'past_due',
      hasAccess: false,
      entitlements: [],
    });
  });

  it('follows the clock: the same subscription loses access as time passes', async () => {
    await saveLinkedCustomer(harness, 'cus_clock', 'user_clock', [
      subscriptionRecord({
        status: 'past_due',
        currentPeriodStart: NOW_SECONDS - DAY_SECONDS,
      }),
    ]);
    const before = await readSubscription('user_clock');

    harness.setNow(TEST_NOW_MS + 7 * DAY_SECONDS * 1000);
    const after = await readSubscription('user_clock');
    harness.setNow(TEST_NOW_MS);

    expect(before.body).toMatchObject({ hasAccess: true });
    expect(after.body).toMatchObject({ hasAccess: false });
  });

  it('shows a user only their own subscription', async () => {
    await saveLinkedCustomer(harness, 'cus_owner_a', 'user_a', [
      subscriptionRecord({ status: 'active' }),
    ]);

    const { body } = await readSubscription('user_b');

    expect(body).toMatchObject({ status: 'none', hasAccess: false });
  });
});
