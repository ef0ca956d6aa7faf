import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { SandboxHandle } from '../start-sandbox.js';
import { startTestSandbox } from '../test-support/sandbox-test-kit.js';

describe('Function: registerEventRoutes', () => {
  let sandbox: SandboxHandle;
  let stripe: Stripe;
  let nowMs = 0;

  beforeEach(async () => {
    nowMs = Date.UTC(2027, 0, 1);
    ({ sandbox, stripe } = await startTestSandbox({ clock: () => nowMs }));
  });

  afterEach(async () => {
    await sandbox.stop();
  });

  it('filters by a type wildcard and by a list of types', async () => {
    const customer = await stripe.customers.create({ email: 'a@example.com' });
    await stripe.customers.update(customer.id, { name: 'Ada' });
    await stripe.products.create({ name: 'Extra' });

    const customerEvents = await stripe.events.list({ type: 'customer.*' });
    const chosen = await stripe.events.list({
      types: ['product.created', 'customer.updated'],
    });

    expect(customerEvents.data.map((e) => e.type)).toEqual([
      'customer.updated',
      'customer.created',
    ]);
    expect(chosen.data.map((e) => e.type)).toEqual([
      'product.created',
      'customer.updated',
    ]);
  });

  it('filters by a created range', async () => {
    await stripe.customers.create({ email: 'early@example.com' });
    const early = Math.floor(nowMs / 1000);
    nowMs += 60_000;
    await stripe.customers.create({ email: 'late@example.com' });

    const later = await stripe.events.list({ created: { gt: early } });
    const before = await stripe.events.list({ created: { lte: early } });

    expect(later.data).toHaveLength(1);
    expect(before.data).toHaveLength(1);
    expect(
      (later.data[0]?.data.object as Stripe.Customer | undefined)?.email,
    ).toBe('late@example.com');
  });

  it('retrieves an event by id and answers 404 for an unknown one', async () => {
    await stripe.customers.create({ email: 'a@example.com' });
    const [latest] = (await stripe.events.list({ limit: 1 })).data;

    const found = await stripe.events.retrieve(latest?.id ?? '');

    expect(found.type).toBe('customer.created');
    await expect(stripe.events.retrieve('evt_missing')).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});
