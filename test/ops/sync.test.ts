import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OpsHarness } from './ops-harness.js';

describe('Command: billing sync', () => {
  let harness: OpsHarness;

  beforeAll(async () => {
    harness = await OpsHarness.start();
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('restores a customer whose deliveries never arrived, as Stripe holds it', async () => {
    const { customerId, subscriptionId } = await harness.subscribe('user_a');

    const run = await harness.run(['sync', '--customer', customerId]);

    const truth = await harness.stripe.subscriptions.retrieve(subscriptionId);
    const stored = await harness.store.getCustomer(customerId);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${customerId}  fixed`);
    expect(stored?.userId).toBe('user_a');
    expect(stored?.subscriptions[subscriptionId]).toMatchObject({
      status: truth.status,
      priceId: 'price_pro_month',
      planKey: 'pro',
      currentPeriodEnd: truth.items.data[0]?.current_period_end,
      asOf: { source: 'sync' },
    });
  });

  it('reports nothing to fix on a second run', async () => {
    const { customerId } = await harness.subscribe('user_b');
    await harness.run(['sync', '--customer', customerId]);

    const run = await harness.run(['sync', '--customer', customerId]);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 in sync, 0 with drift');
  });

  it('names each drifted field and leaves the store alone on a dry run', async () => {
    const { customerId, subscriptionId } = await harness.subscribe('user_c');
    await harness.run(['sync', '--customer', customerId]);
    await harness.stripe.subscriptions.update(subscriptionId, {
      cancel_at_period_end: true,
    });
    const before = await harness.store.getCustomer(customerId);

    const run = await harness.run(['sync', '--user', 'user_c', '--dry-run']);

    const after = await harness.store.getCustomer(customerId);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `subscriptions.${subscriptionId}.cancelAtPeriodEnd: false -> true`,
    );
    expect(after).toEqual(before);
  });

  it('syncs every customer Stripe lists and reports the drift fixed', async () => {
    const first = await harness.subscribe('user_d');
    const second = await harness.subscribe('user_e');

    const run = await harness.run(['sync']);

    const stored = await Promise.all(
      [first, second].map((c) => harness.store.getCustomer(c.customerId)),
    );
    expect(run.code).toBe(0);
    expect(stored.map((record) => record?.userId)).toEqual([
      'user_d',
      'user_e',
    ]);
    expect(run.stdout).toMatch(/with drift \(\d+ fixed\), 0 failed/);
  });

  it('fails with a clear message when the user has no stored customer', async () => {
    const run = await harness.run(['sync', '--user', 'user_nobody']);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No stored customer is linked to user');
  });
});
