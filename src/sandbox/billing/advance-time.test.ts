import type Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';

import type { SandboxHandle } from '../start-sandbox.js';
import {
  completeSession,
  openSession,
  startTestSandbox,
} from '../test-support/sandbox-test-kit.js';

const DAY = 86_400;
/** 2027-01-15T00:00:00Z, a mid-month start so periods are plain months. */
const START = 1_799_971_200;

describe('Route: test clock advance', () => {
  let sandbox: SandboxHandle;
  let stripe: Stripe;

  afterEach(async () => {
    await sandbox.stop();
  });

  async function subscribeOnClock(
    paymentMethod: string,
    options: { trialDays?: number } = {},
  ) {
    const clock = await stripe.testHelpers.testClocks.create({
      frozen_time: START,
    });
    const { session } = await openSession(stripe, {
      testClock: clock.id,
      ...options,
    });
    await completeSession(sandbox, session.id, paymentMethod);
    const completed = await stripe.checkout.sessions.retrieve(session.id);
    return { clock, subscriptionId: completed.subscription as string };
  }

  async function typesSince(subscriptionId: string, created: number) {
    const events = await stripe.events.list({
      limit: 100,
      created: { gt: created },
    });
    return events.data
      .filter((event) => {
        const object = event.data.object as { id: string; parent?: unknown };
        const invoice = object as Stripe.Invoice;
        return (
          object.id === subscriptionId ||
          invoice.parent?.subscription_details?.subscription === subscriptionId
        );
      })
      .map((event) => event.type)
      .reverse();
  }

  it('renews a subscription for the next period and pays the invoice', async () => {
    ({ sandbox, stripe } = await startTestSandbox());
    const { clock, subscriptionId } = await subscribeOnClock('pm_card_visa');
    const before = await stripe.subscriptions.retrieve(subscriptionId);
    const firstEnd = before.items.data[0]?.current_period_end ?? 0;

    await stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: firstEnd + DAY,
    });

    const after = await stripe.subscriptions.retrieve(subscriptionId, {
      expand: ['latest_invoice'],
    });
    const invoice = after.latest_invoice as Stripe.Invoice;
    expect(after.status).toBe('active');
    expect(after.items.data[0]?.current_period_start).toBe(firstEnd);
    expect(invoice.billing_reason).toBe('subscription_cycle');
    expect(invoice.status).toBe('paid');
    expect(await typesSince(subscriptionId, firstEnd - 1)).toEqual([
      'customer.subscription.updated',
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);
  });

  it('moves a failed renewal to past_due, retries, then cancels', async () => {
    ({ sandbox, stripe } = await startTestSandbox());
    const { clock, subscriptionId } = await subscribeOnClock(
      'pm_card_chargeCustomerFail',
    );
    const started = await stripe.subscriptions.retrieve(subscriptionId);
    const firstEnd = started.items.data[0]?.current_period_end ?? 0;

    await stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: firstEnd + DAY,
    });
    const pastDue = await stripe.subscriptions.retrieve(subscriptionId, {
      expand: ['latest_invoice'],
    });
    await stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: firstEnd + 8 * DAY,
    });

    const ended = await stripe.subscriptions.retrieve(subscriptionId);
    const invoice = pastDue.latest_invoice as Stripe.Invoice;
    expect(started.status).toBe('active');
    expect(pastDue.status).toBe('past_due');
    expect(invoice.next_payment_attempt).toBe(firstEnd + 3 * DAY);
    expect(ended.status).toBe('canceled');
    expect(ended.cancellation_details?.reason).toBe('payment_failed');
    const failures = await stripe.events.list({
      type: 'invoice.payment_failed',
    });
    expect(failures.data).toHaveLength(4);
    const deleted = await stripe.events.list({
      type: 'customer.subscription.deleted',
    });
    expect(deleted.data[0]?.created).toBe(firstEnd + 7 * DAY);
  });

  it('leaves the subscription unpaid after retries when settings say so', async () => {
    ({ sandbox, stripe } = await startTestSandbox({
      billing: { failedPaymentBehaviour: 'unpaid' },
    }));
    const { clock, subscriptionId } = await subscribeOnClock(
      'pm_card_chargeCustomerFail',
    );
    const started = await stripe.subscriptions.retrieve(subscriptionId);
    const firstEnd = started.items.data[0]?.current_period_end ?? 0;

    await stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: firstEnd + 10 * DAY,
    });

    const after = await stripe.subscriptions.retrieve(subscriptionId);
    expect(after.status).toBe('unpaid');
  });

  it('ends a subscription canceled at period end when the period ends', async () => {
    ({ sandbox, stripe } = await startTestSandbox());
    const { clock, subscriptionId } = await subscribeOnClock('pm_card_visa');
    const canceling = await stripe.subscriptions.update(subscriptionId, {
      cancel_at_period_end: true,
    });
    const periodEnd = canceling.items.data[0]?.current_period_end ?? 0;

    await stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: periodEnd + DAY,
    });

    const ended = await stripe.subscriptions.retrieve(subscriptionId);
    expect(canceling.cancel_at).toBe(periodEnd);
    expect(ended.status).toBe('canceled');
    expect(ended.ended_at).toBe(periodEnd);
    const invoices = await stripe.invoices.list({
      subscription: subscriptionId,
    });
    expect(invoices.data).toHaveLength(1);
  });

  it('warns before a trial ends, then charges and activates', async () => {
    ({ sandbox, stripe } = await startTestSandbox());
    const { clock, subscriptionId } = await subscribeOnClock('pm_card_visa', {
      trialDays: 7,
    });

    await stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: START + 8 * DAY,
    });

    const after = await stripe.subscriptions.retrieve(subscriptionId, {
      expand: ['latest_invoice'],
    });
    expect(after.status).toBe('active');
    expect((after.latest_invoice as Stripe.Invoice).amount_paid).toBe(1000);
    const warnings = await stripe.events.list({
      type: 'customer.subscription.trial_will_end',
    });
    expect(warnings.data[0]?.created).toBe(START + 4 * DAY);
  });

  it('refuses to move a clock backwards', async () => {
    ({ sandbox, stripe } = await startTestSandbox());
    const clock = await stripe.testHelpers.testClocks.create({
      frozen_time: START,
    });

    const attempt = stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: START - DAY,
    });

    await expect(attempt).rejects.toMatchObject({ statusCode: 400 });
  });
});
