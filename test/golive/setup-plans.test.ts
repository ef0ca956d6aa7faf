import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { parseBillingConfig } from '../../src/config/load-config.js';
import {
  billingConfig,
  GoLiveHarness,
  TEST_SECRET_KEY,
} from './golive-harness.js';

describe('Command: setup plans', () => {
  let harness: GoLiveHarness;
  const env = () => harness.env({ STRIPE_SECRET_KEY: TEST_SECRET_KEY });
  const store = () => ['--env-file', harness.envFile];

  beforeEach(async () => {
    harness = await GoLiveHarness.start();
  });

  afterEach(async () => {
    await harness.stop();
  });

  async function catalog() {
    const products = await harness.stripe.products
      .list({ limit: 100 })
      .autoPagingToArray({ limit: 1000 });
    const prices = await harness.stripe.prices
      .list({ limit: 100 })
      .autoPagingToArray({ limit: 1000 });
    return { products, prices };
  }

  it('gives one product per plan and one price per interval when run twice', async () => {
    const first = await harness.run(['setup', 'plans', ...store()], env());

    const second = await harness.run(['setup', 'plans', ...store()], env());

    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const { products, prices } = await catalog();
    expect(products.map((p) => p.metadata.plan_key).sort()).toEqual([
      'pro',
      'starter',
    ]);
    expect(prices.map((p) => p.lookup_key).sort()).toEqual([
      'pro_month',
      'pro_year',
      'starter_month',
    ]);
    expect(first.stdout).toMatch(/pro month: price_\w+ created/);
    expect(second.stdout).toMatch(/pro month: price_\w+ kept/);
    const proMonth = prices.find((p) => p.lookup_key === 'pro_month');
    expect(proMonth).toMatchObject({
      unit_amount: 2900,
      currency: 'usd',
      active: true,
      recurring: expect.objectContaining({ interval: 'month' }),
    });
  });

  it('makes a new price for a changed amount and retires the old one', async () => {
    await harness.run(['setup', 'plans', ...store()], env());
    const before = (await catalog()).prices.find(
      (p) => p.lookup_key === 'pro_month',
    );
    await harness.writeConfig(billingConfig(3900));

    const run = await harness.run(['setup', 'plans', ...store()], env());

    expect(run.code).toBe(0);
    const { prices } = await catalog();
    const old = prices.find((p) => p.id === before?.id);
    const current = prices.find((p) => p.lookup_key === 'pro_month');
    expect(old).toMatchObject({ active: false, lookup_key: null });
    expect(current).toMatchObject({ unit_amount: 3900, active: true });
    expect(current?.id).not.toBe(before?.id);
    expect(prices.filter((p) => p.active)).toHaveLength(3);
    expect(run.stdout).toContain(
      `pro month: ${current?.id} replaced (retired ${before?.id})`,
    );
  });

  it('renames the product when the plan name changes, without a second one', async () => {
    await harness.run(['setup', 'plans', ...store()], env());
    const renamed = billingConfig();
    renamed.plans[1] = { ...renamed.plans[1], name: 'Professional' };
    await harness.writeConfig(renamed);

    await harness.run(['setup', 'plans', ...store()], env());

    const { products } = await catalog();
    const pro = products.filter((p) => p.metadata.plan_key === 'pro');
    expect(pro.map((p) => p.name)).toEqual(['Professional']);
  });

  it('writes the price IDs into the configuration file with --write and keeps the rest', async () => {
    const original = await harness.readConfigText();

    const run = await harness.run(
      ['setup', 'plans', '--write', ...store()],
      env(),
    );

    expect(run.code).toBe(0);
    const text = await harness.readConfigText();
    const config = parseBillingConfig(text, 'test');
    const { prices } = await catalog();
    const byKey = new Map(prices.map((p) => [p.lookup_key, p.id]));
    expect(config.plans[1]?.prices.month?.id).toBe(byKey.get('pro_month'));
    expect(config.plans[0]?.prices.month?.id).toBe(byKey.get('starter_month'));
    const idLines = /"id": "price_\w+"/g;
    expect(text.replace(idLines, '')).toBe(original.replace(idLines, ''));
    expect(run.stderr).toContain('3 price IDs written');
  });

  it('answers 1 and creates nothing when no secret key is stored or set', async () => {
    const run = await harness.run(
      ['setup', 'plans', '--env-file', harness.envFile],
      harness.env(),
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('run `setup secret` first');
    expect((await catalog()).products).toHaveLength(0);
  });
});
