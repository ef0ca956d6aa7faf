import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { SandboxHandle } from '../start-sandbox.js';
import {
  completeSession,
  openSession,
  startReceiver,
  startTestSandbox,
  type WebhookReceiver,
} from '../test-support/sandbox-test-kit.js';
import type { ChaosSettings } from './chaos.js';
import { ManualScheduler } from './delivery-scheduler.js';

const verifier = new Stripe('sk_test_verifier');
const SECRET = 'whsec_test_dispatcher_secret';

function verify(receiver: WebhookReceiver, secret = SECRET): Stripe.Event[] {
  return receiver.deliveries.map((delivery) =>
    verifier.webhooks.constructEvent(delivery.body, delivery.signature, secret),
  );
}

describe('Class: WebhookDispatcher', () => {
  let sandbox: SandboxHandle;
  let stripe: Stripe;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await startReceiver();
  });

  afterEach(async () => {
    await sandbox.stop();
    await receiver.close();
  });

  it('delivers a checkout’s events signed as Stripe signs them', async () => {
    ({ sandbox, stripe } = await startTestSandbox({ deliveryConcurrency: 1 }));
    sandbox.registerEndpoint({
      url: receiver.url,
      enabledEvents: ['*'],
      secret: SECRET,
    });
    const { session } = await openSession(stripe);

    await completeSession(sandbox, session.id);
    await sandbox.flushDeliveries();

    const types = verify(receiver).map((event) => event.type);
    expect(types.slice(-3)).toEqual([
      'invoice.payment_succeeded',
      'customer.subscription.updated',
      'checkout.session.completed',
    ]);
  });

  it('sends a payload that fails verification with another secret', async () => {
    ({ sandbox, stripe } = await startTestSandbox());
    sandbox.registerEndpoint({
      url: receiver.url,
      enabledEvents: ['*'],
      secret: SECRET,
    });

    await stripe.customers.create({ email: 'signed@example.com' });
    await sandbox.flushDeliveries();

    expect(() => verify(receiver, 'whsec_other')).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('sends only the event types an endpoint enabled', async () => {
    ({ sandbox, stripe } = await startTestSandbox());
    const created = await stripe.webhookEndpoints.create({
      url: receiver.url,
      enabled_events: ['customer.updated'],
    });
    const customer = await stripe.customers.create({ email: 'x@example.com' });

    await stripe.customers.update(customer.id, { name: 'Ada' });
    await sandbox.flushDeliveries();

    const events = verify(receiver, created.secret);
    expect(events.map((event) => event.type)).toEqual(['customer.updated']);
    expect(events[0]?.data.previous_attributes).toEqual({ name: null });
  });

  it('retries a failed delivery after the backoff, then succeeds', async () => {
    const scheduler = new ManualScheduler();
    ({ sandbox, stripe } = await startTestSandbox({
      scheduler,
      retryDelaysMs: [1000, 2000],
    }));
    sandbox.registerEndpoint({
      url: receiver.url,
      enabledEvents: ['customer.created'],
      secret: SECRET,
    });
    receiver.status = 500;
    await stripe.customers.create({ email: 'retry@example.com' });
    await sandbox.flushDeliveries();
    const pendingAfterFailure = await stripe.events.list({
      delivery_success: false,
    });

    receiver.status = 200;
    scheduler.runAll();
    await sandbox.flushDeliveries();

    expect(receiver.deliveries).toHaveLength(2);
    expect(pendingAfterFailure.data).toHaveLength(1);
    const delivered = await stripe.events.list({
      type: 'customer.created',
      delivery_success: true,
    });
    expect(delivered.data).toHaveLength(1);
    expect(delivered.data[0]?.pending_webhooks).toBe(0);
  });

  it('gives up after the last retry and counts the event as not delivered', async () => {
    const scheduler = new ManualScheduler();
    ({ sandbox, stripe } = await startTestSandbox({
      scheduler,
      retryDelaysMs: [1000],
    }));
    sandbox.registerEndpoint({
      url: receiver.url,
      enabledEvents: ['customer.created'],
      secret: SECRET,
    });
    receiver.status = 503;

    await stripe.customers.create({ email: 'lost@example.com' });
    await sandbox.flushDeliveries();
    scheduler.runAll();
    await sandbox.flushDeliveries();

    expect(receiver.deliveries).toHaveLength(2);
    expect(scheduler.pendingDelays).toEqual([]);
    const failed = await stripe.events.list({ delivery_success: false });
    expect(failed.data.map((event) => event.type)).toEqual([
      'customer.created',
    ]);
  });
});

describe('Class: Chaos (delays)', () => {
  it('holds a delayed delivery until its time comes', async () => {
    const receiver = await startReceiver();
    const scheduler = new ManualScheduler();
    const { sandbox, stripe } = await startTestSandbox({
      scheduler,
      chaos: { seed: 7, delayRate: 1, maxDelayMs: 500 },
    });
    sandbox.registerEndpoint({
      url: receiver.url,
      enabledEvents: ['customer.created'],
      secret: SECRET,
    });

    await stripe.customers.create({ email: 'late@example.com' });
    const heldDelays = scheduler.pendingDelays;
    const deliveredBefore = receiver.deliveries.length;
    scheduler.runAll();
    await sandbox.flushDeliveries();

    expect(heldDelays).toHaveLength(1);
    expect(heldDelays[0]).toBeLessThanOrEqual(500);
    expect(deliveredBefore).toBe(0);
    expect(verify(receiver).map((event) => event.type)).toEqual([
      'customer.created',
    ]);
    await sandbox.stop();
    await receiver.close();
  });
});

describe('Class: Chaos', () => {
  const chaos: ChaosSettings = {
    seed: 42,
    duplicateRate: 0.3,
    reorderRate: 0.5,
    dropRate: 0.1,
  };

  async function runWithChaos() {
    const receiver = await startReceiver();
    const { sandbox, stripe } = await startTestSandbox({
      chaos,
      deliveryConcurrency: 1,
    });
    sandbox.registerEndpoint({
      url: receiver.url,
      enabledEvents: ['*'],
      secret: SECRET,
    });
    const { session } = await openSession(stripe);
    await completeSession(sandbox, session.id);
    await sandbox.flushDeliveries();
    const received = verify(receiver).map((event) => event.id);
    const recorded = await stripe.events.list({ limit: 100 });
    const order = recorded.data.map((event) => event.id).reverse();
    await sandbox.stop();
    await receiver.close();
    return { order, received: received.map((id) => order.indexOf(id)) };
  }

  it('reproduces duplicates, reorders and drops for the same seed', async () => {
    const first = await runWithChaos();

    const second = await runWithChaos();

    expect(second.received).toEqual(first.received);
    const distinct = [...new Set(first.received)];
    expect(distinct.length).toBeLessThan(first.received.length);
    expect(distinct).not.toEqual([...distinct].sort((a, b) => a - b));
    expect(distinct.length).toBeLessThan(first.order.length);
  });
});
