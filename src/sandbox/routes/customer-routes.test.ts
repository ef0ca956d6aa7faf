import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { SandboxHandle } from '../start-sandbox.js';
import { startTestSandbox } from '../test-support/sandbox-test-kit.js';

describe('Function: registerCustomerRoutes', () => {
  let sandbox: SandboxHandle;
  let stripe: Stripe;

  beforeEach(async () => {
    ({ sandbox, stripe } = await startTestSandbox());
  });

  afterEach(async () => {
    await sandbox.stop();
  });

  it('lists customers by email', async () => {
    await stripe.customers.create({ email: 'one@example.com' });
    const wanted = await stripe.customers.create({ email: 'two@example.com' });

    const listed = await stripe.customers.list({ email: 'two@example.com' });

    expect(listed.data.map((c) => c.id)).toEqual([wanted.id]);
  });

  it('follows an email change in the email filter', async () => {
    const customer = await stripe.customers.create({
      email: 'old@example.com',
    });

    await stripe.customers.update(customer.id, { email: 'new@example.com' });

    const old = await stripe.customers.list({ email: 'old@example.com' });
    const current = await stripe.customers.list({ email: 'new@example.com' });
    expect(old.data).toHaveLength(0);
    expect(current.data).toHaveLength(1);
  });

  it('pages search results with the SDK’s auto-paging', async () => {
    for (let index = 0; index < 5; index += 1) {
      await stripe.customers.create({ metadata: { team: 'blue' } });
    }
    await stripe.customers.create({ metadata: { team: 'red' } });

    const found: string[] = [];
    for await (const customer of stripe.customers.search({
      query: "metadata['team']:'blue'",
      limit: 2,
    })) {
      found.push(customer.id);
    }

    expect(found).toHaveLength(5);
    expect(new Set(found).size).toBe(5);
  });

  it('refuses a search query it cannot read', async () => {
    const attempt = stripe.customers.search({ query: 'created>100' });

    await expect(attempt).rejects.toMatchObject({ statusCode: 400 });
  });

  it('answers a deleted customer as deleted', async () => {
    const customer = await stripe.customers.create({ email: 'x@example.com' });

    await stripe.customers.del(customer.id);

    const retrieved = await stripe.customers.retrieve(customer.id);
    expect(retrieved.deleted).toBe(true);
  });

  it('removes metadata keys sent empty', async () => {
    const customer = await stripe.customers.create({
      metadata: { userId: 'u1', plan: 'pro' },
    });

    const updated = await stripe.customers.update(customer.id, {
      metadata: { plan: '' },
    });

    expect(updated.metadata).toEqual({ userId: 'u1' });
  });
});
