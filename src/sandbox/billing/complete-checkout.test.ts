import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { SandboxHandle } from '../start-sandbox.js';
import {
  completeSession,
  openSession,
  startTestSandbox,
} from '../test-support/sandbox-test-kit.js';

const CHECKOUT_EVENT_ORDER = [
  'customer.updated',
  'customer.subscription.created',
  'invoice.created',
  'invoice.finalized',
  'invoice.paid',
  'invoice.payment_succeeded',
  'customer.subscription.updated',
  'checkout.session.completed',
];

async function eventTypes(stripe: Stripe): Promise<string[]> {
  const types: string[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) {
    types.push(event.type);
  }
  return types.reverse();
}

describe('Function: completeCheckout', () => {
  let sandbox: SandboxHandle;
  let stripe: Stripe;

  beforeEach(async () => {
    ({ sandbox, stripe } = await startTestSandbox());
  });

  afterEach(async () => {
    await sandbox.stop();
  });

  it('starts an active subscription with a paid invoice for card 4242', async () => {
    const { session } = await openSession(stripe);

    const response = await completeSession(sandbox, session.id);

    expect(response.status).toBe(200);
    const completed = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['subscription.latest_invoice'],
    });
    const subscription = completed.subscription as Stripe.Subscription;
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(completed.status).toBe('complete');
    expect(completed.payment_status).toBe('paid');
    expect(subscription.status).toBe('active');
    expect(subscription.metadata).toEqual({ userId: 'u1' });
    expect(invoice.status).toBe('paid');
    expect(invoice.amount_paid).toBe(1000);
    expect(invoice.hosted_invoice_url).toContain(invoice.id);
  });

  it('records the events of a checkout in Stripe’s order', async () => {
    const { session } = await openSession(stripe);
    const before = await eventTypes(stripe);

    await completeSession(sandbox, session.id);

    const after = await eventTypes(stripe);
    expect(after.slice(before.length)).toEqual(CHECKOUT_EVENT_ORDER);
  });

  it('records the previous status on the incomplete to active update', async () => {
    const { session } = await openSession(stripe);

    await completeSession(sandbox, session.id);

    const updates = await stripe.events.list({
      type: 'customer.subscription.updated',
    });
    const update = updates.data[0] as Stripe.Event;
    const subscription = update.data.object as Stripe.Subscription;
    expect(subscription.status).toBe('active');
    expect(update.data.previous_attributes).toMatchObject({
      status: 'incomplete',
    });
    expect(update.api_version).toBe('2026-11-18.endive');
    expect(update.request?.id).toMatch(/^req_/);
  });

  it('answers card_declined for 4000 0000 0000 0002 and creates nothing', async () => {
    const { session, customer } = await openSession(stripe);

    const response = await completeSession(
      sandbox,
      session.id,
      'pm_card_chargeDeclined',
    );

    const body = (await response.json()) as { error: Record<string, string> };
    expect(response.status).toBe(402);
    expect(body.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
    });
    const subscriptions = await stripe.subscriptions.list({
      customer: customer.id,
      status: 'all',
    });
    expect(subscriptions.data).toHaveLength(0);
    const reopened = await stripe.checkout.sessions.retrieve(session.id);
    expect(reopened.status).toBe('open');
  });

  it('starts a trialing subscription with a $0 paid invoice', async () => {
    const { session } = await openSession(stripe, { trialDays: 14 });

    await completeSession(sandbox, session.id);

    const completed = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ['subscription.latest_invoice'],
    });
    const subscription = completed.subscription as Stripe.Subscription;
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(subscription.status).toBe('trialing');
    expect(subscription.trial_end).toBe(
      (subscription.trial_start ?? 0) + 14 * 86_400,
    );
    expect(invoice.amount_due).toBe(0);
    expect(invoice.status).toBe('paid');
    expect(completed.payment_status).toBe('no_payment_required');
  });

  it('refuses to complete a session twice', async () => {
    const { session } = await openSession(stripe);
    await completeSession(sandbox, session.id);

    const again = await completeSession(sandbox, session.id);

    expect(again.status).toBe(400);
  });

  it('refuses a checkout with an unknown price and stores nothing', async () => {
    const attempt = stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: 'price_unknown', quantity: 1 }],
      success_url: 'https://app.example.com/done',
    });

    await expect(attempt).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'line_items[0][price]',
    });
    const sessions = await stripe.checkout.sessions.list();
    expect(sessions.data).toHaveLength(0);
  });

  it('expires an open session', async () => {
    const { session } = await openSession(stripe);

    const expired = await stripe.checkout.sessions.expire(session.id);

    expect(expired.status).toBe('expired');
    expect((await completeSession(sandbox, session.id)).status).toBe(400);
  });

  it('expires a session left open for 24 hours', async () => {
    await sandbox.stop();
    let nowMs = Date.UTC(2027, 0, 1);
    ({ sandbox, stripe } = await startTestSandbox({ clock: () => nowMs }));
    const { session } = await openSession(stripe);

    nowMs += 24 * 60 * 60 * 1000;
    const expired = await stripe.checkout.sessions.retrieve(session.id);

    expect(expired.status).toBe('expired');
    expect(expired.url).toBeNull();
    const events = await stripe.events.list({
      type: 'checkout.session.expired',
    });
    expect(events.data[0]?.created).toBe(session.expires_at);
  });
});
