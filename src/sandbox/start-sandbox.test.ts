import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ManualScheduler } from './delivery/delivery-scheduler.js';
import { SNAPSHOT_FILE_NAME } from './state/snapshot-file.js';
import {
  completeSession,
  makeClient,
  openSession,
  startReceiver,
  startTestSandbox,
} from './test-support/sandbox-test-kit.js';

const verifier = new Stripe('sk_test_verifier');

describe('Function: startSandbox', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sandbox-state-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps customers and subscriptions across a restart', async () => {
    const first = await startTestSandbox({ dataDir });
    const { customer, session } = await openSession(first.stripe);
    await completeSession(first.sandbox, session.id);
    await first.sandbox.stop();

    const second = await startTestSandbox({ dataDir });
    const stripe = makeClient(second.sandbox);
    const restored = await stripe.customers.retrieve(customer.id);
    const subscriptions = await stripe.subscriptions.list({
      customer: customer.id,
    });
    await second.sandbox.stop();

    expect(restored.id).toBe(customer.id);
    expect(subscriptions.data).toHaveLength(1);
    expect(subscriptions.data[0]?.status).toBe('active');
  });

  it('keeps events and delivers to a saved endpoint after a restart', async () => {
    const first = await startTestSandbox({ dataDir });
    const receiver = await startReceiver();
    const { secret } = first.sandbox.registerEndpoint({
      url: receiver.url,
      enabledEvents: ['customer.created'],
    });
    await first.stripe.customers.create({ email: 'before@example.com' });
    await first.sandbox.flushDeliveries();
    await first.sandbox.stop();

    const second = await startTestSandbox({ dataDir });
    const events = await second.stripe.events.list();
    await second.stripe.customers.create({ email: 'after@example.com' });
    await second.sandbox.flushDeliveries();
    await second.sandbox.stop();
    await receiver.close();

    expect(events.data.map((event) => event.type)).toEqual([
      'customer.created',
    ]);
    const delivered = receiver.deliveries.map(
      (delivery) =>
        verifier.webhooks.constructEvent(
          delivery.body,
          delivery.signature,
          secret,
        ).data.object as Stripe.Customer,
    );
    expect(delivered.map((customer) => customer.email)).toEqual([
      'before@example.com',
      'after@example.com',
    ]);
  });

  it('retries a refused delivery after a restart once its backoff ends', async () => {
    let now = Date.UTC(2026, 11, 3);
    const clock = () => now;
    const retryDelaysMs = [5000, 10_000];
    const receiver = await startReceiver();
    receiver.status = 500;
    const firstScheduler = new ManualScheduler();
    const first = await startTestSandbox({
      dataDir,
      clock,
      retryDelaysMs,
      scheduler: firstScheduler,
    });
    first.sandbox.registerEndpoint({
      url: receiver.url,
      enabledEvents: ['customer.created'],
    });
    await first.stripe.customers.create({ email: 'late@example.com' });
    await first.sandbox.flushDeliveries();
    const delaysBefore = firstScheduler.pendingDelays;
    await first.sandbox.stop();
    now += 2000;
    receiver.status = 200;
    const scheduler = new ManualScheduler();

    const second = await startTestSandbox({
      dataDir,
      clock,
      retryDelaysMs,
      scheduler,
    });
    const delaysAfter = scheduler.pendingDelays;
    scheduler.runAll();
    await second.sandbox.flushDeliveries();

    expect(delaysBefore).toEqual([5000]);
    expect(delaysAfter).toEqual([3000]);
    expect(receiver.deliveries).toHaveLength(2);
    expect(second.sandbox.pendingRetries()).toBe(0);
    await second.sandbox.stop();
    await receiver.close();
  });

  it('forgets everything and deletes the snapshot on reset', async () => {
    const { sandbox, stripe } = await startTestSandbox({ dataDir });
    const customer = await stripe.customers.create({
      email: 'gone@example.com',
    });
    await sandbox.save();

    await sandbox.reset();

    await expect(stripe.customers.retrieve(customer.id)).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(stat(join(dataDir, SNAPSHOT_FILE_NAME))).rejects.toThrow();
    await sandbox.stop();
  });

  it('seeds the catalog idempotently with the given price ids', async () => {
    const { sandbox, stripe } = await startTestSandbox();

    sandbox.seedCatalog([
      {
        key: 'pro',
        name: 'Pro',
        prices: {
          month: { id: 'price_pro_month', amount: 1000, currency: 'usd' },
        },
      },
    ]);

    const prices = await stripe.prices.list({ lookup_keys: ['pro_month'] });
    expect(prices.data.map((price) => price.id)).toEqual(['price_pro_month']);
    await sandbox.stop();
  });
});
