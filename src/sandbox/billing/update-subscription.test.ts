import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { SandboxHandle } from '../start-sandbox.js';
import {
  completeSession,
  openSession,
  startTestSandbox,
} from '../test-support/sandbox-test-kit.js';

const DAY = 86_400;

describe('Function: updateSubscription', () => {
  let sandbox: SandboxHandle;
  let stripe: Stripe;
  let nowMs = 0;

  beforeEach(() => {
    nowMs = Date.UTC(2027, 0, 15);
  });

  afterEach(async () => {
    await sandbox.stop();
  });

  async function subscribe(): Promise<Stripe.Subscription> {
    ({ sandbox, stripe } = await startTestSandbox({
      clock: () => nowMs,
      dueWorkIntervalMs: 0,
    }));
    const { session } = await openSession(stripe);
    await completeSession(sandbox, session.id);
    const completed = await stripe.checkout.sessions.retrieve(session.id);
    return stripe.subscriptions.retrieve(completed.subscription as string);
  }

  it('swaps the price of an item and records the previous items', async () => {
    const subscription = await subscribe();
    const item = subscription.items.data[0] as Stripe.SubscriptionItem;

    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: 'price_team_month' }],
    });

    expect(updated.items.data[0]?.price.id).toBe('price_team_month');
    expect(updated.items.data[0]?.current_period_end).toBe(
      item.current_period_end,
    );
    const events = await stripe.events.list({
      type: 'customer.subscription.updated',
      limit: 1,
    });
    expect(events.data[0]?.data.previous_attributes).toHaveProperty('items');
  });

  it('starts and bills a new cycle when switching to a yearly price', async () => {
    const subscription = await subscribe();
    const item = subscription.items.data[0] as Stripe.SubscriptionItem;

    const updated = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: 'price_pro_year' }],
      expand: ['latest_invoice'],
    });

    const invoice = updated.latest_invoice as Stripe.Invoice;
    const start = updated.items.data[0]?.current_period_start ?? 0;
    expect(updated.items.data[0]?.current_period_end).toBe(start + 365 * DAY);
    expect(invoice.billing_reason).toBe('subscription_update');
    expect(invoice.amount_paid).toBe(10_000);
  });

  it('refuses an inactive price and changes nothing', async () => {
    const subscription = await subscribe();
    const item = subscription.items.data[0] as Stripe.SubscriptionItem;
    await stripe.prices.update('price_team_month', { active: false });

    const attempt = stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: 'price_team_month' }],
      cancel_at_period_end: true,
    });

    await expect(attempt).rejects.toMatchObject({ statusCode: 400 });
    const unchanged = await stripe.subscriptions.retrieve(subscription.id);
    expect(unchanged.cancel_at_period_end).toBe(false);
    expect(unchanged.items.data[0]?.price.id).toBe('price_pro_month');
  });

  it('resumes a subscription set to cancel at period end', async () => {
    const subscription = await subscribe();
    await stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: true,
    });

    const resumed = await stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: false,
    });

    expect(resumed.cancel_at).toBeNull();
    expect(resumed.cancel_at_period_end).toBe(false);
  });

  it('cancels at once on DELETE and records customer.subscription.deleted', async () => {
    const subscription = await subscribe();

    const canceled = await stripe.subscriptions.cancel(subscription.id);

    expect(canceled.status).toBe('canceled');
    const deleted = await stripe.events.list({
      type: 'customer.subscription.deleted',
    });
    expect(deleted.data).toHaveLength(1);
    const listed = await stripe.subscriptions.list({
      customer: subscription.customer as string,
    });
    expect(listed.data).toHaveLength(0);
  });

  it('cancels the subscriptions of a deleted customer', async () => {
    const subscription = await subscribe();

    await stripe.customers.del(subscription.customer as string);

    const ended = await stripe.subscriptions.retrieve(subscription.id);
    expect(ended.status).toBe('canceled');
  });

  it('renews subscriptions without a test clock by the wall clock', async () => {
    const subscription = await subscribe();
    const periodEnd = subscription.items.data[0]?.current_period_end ?? 0;

    nowMs = (periodEnd + DAY) * 1000;
    const steps = sandbox.runDueWork();

    const renewed = await stripe.subscriptions.retrieve(subscription.id);
    expect(steps).toBe(1);
    expect(renewed.items.data[0]?.current_period_start).toBe(periodEnd);
  });
});
