import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OpsHarness } from './ops-harness.js';

/** The harness's billing configuration with `plans` replaced. */
function withPlans(harness: OpsHarness, plans: unknown): string {
  const config = JSON.parse(harness.env.BILLING_CONFIG ?? '{}');
  return JSON.stringify({ ...config, plans });
}

function proMonthAs(price: Record<string, unknown>, interval = 'month') {
  return [
    {
      key: 'pro',
      name: 'Pro',
      prices: {
        [interval]: {
          id: 'price_pro_month',
          amount: 2000,
          currency: 'usd',
          ...price,
        },
      },
    },
  ];
}

describe('Command: billing doctor', () => {
  let harness: OpsHarness;

  beforeAll(async () => {
    harness = await OpsHarness.start();
  });

  afterAll(async () => {
    await harness.stop();
  });

  const doctor = (overrides: Record<string, string>) =>
    harness.run(['doctor'], { ...harness.env, ...overrides });

  it('passes every check of a sound setup without printing a secret', async () => {
    const run = await doctor({});

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('All checks passed.');
    expect(run.stdout).not.toContain('✗');
    for (const price of [
      'price_pro_month',
      'price_pro_year',
      'price_team_month',
    ]) {
      expect(run.stdout).toContain(`✓ Price ${price}`);
    }
    for (const secret of [
      harness.env.STRIPE_SECRET_KEY,
      harness.env.STRIPE_WEBHOOK_SECRET,
    ]) {
      expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });

  it('fails when the keys are of different modes', async () => {
    const run = await doctor({ STRIPE_PUBLISHABLE_KEY: 'pk_live_other123' });

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /✗ Stripe keys present and of one mode .*use keys of one mode/,
    );
    expect(run.stdout).toContain('- Prices in Stripe');
  });

  it('fails when the webhook signing secret is malformed, without echoing it', async () => {
    const run = await doctor({ STRIPE_WEBHOOK_SECRET: 'sk_test_pasted_wrong' });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ Webhook signing secret well-formed');
    expect(run.stdout).not.toContain('sk_test_pasted_wrong');
  });

  it('fails when a configured price does not exist in Stripe', async () => {
    const plans = proMonthAs({ id: 'price_ghost_month' });

    const run = await doctor({ BILLING_CONFIG: withPlans(harness, plans) });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '✗ Price price_ghost_month (pro, month) matches Stripe (no such price in this test-mode account)',
    );
  });

  it('fails when a price has another amount in Stripe', async () => {
    const plans = proMonthAs({ amount: 2500 });

    const run = await doctor({ BILLING_CONFIG: withPlans(harness, plans) });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Stripe amount 2000, configured 2500');
  });

  it('fails when a price bills at another interval in Stripe', async () => {
    const plans = proMonthAs({}, 'year');

    const run = await doctor({ BILLING_CONFIG: withPlans(harness, plans) });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Stripe bills it every month, configured year',
    );
  });

  it('fails when a price has another currency in Stripe', async () => {
    const plans = proMonthAs({ currency: 'eur' });

    const run = await doctor({ BILLING_CONFIG: withPlans(harness, plans) });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Stripe currency usd, configured eur');
  });

  it('fails when a table does not exist', async () => {
    const run = await doctor({ EVENTS_TABLE: 'events-missing' });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ Table events-missing reachable');
    expect(run.stdout).toContain('fix: Set EVENTS_TABLE');
  });

  it('fails when the invoices bucket does not exist', async () => {
    const run = await doctor({ INVOICES_BUCKET: 'no-such-bucket' });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ Bucket no-such-bucket reachable');
  });

  it('fails when an allowed origin is plain http outside loopback', async () => {
    const run = await doctor({ ALLOWED_ORIGINS: 'http://app.example.com' });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '✗ Allowed origins well-formed (not a bare https origin: http://app.example.com)',
    );
  });

  it('answers 2 when the success URL lacks {CHECKOUT_SESSION_ID}', async () => {
    const config = JSON.parse(harness.env.BILLING_CONFIG ?? '{}');
    config.urls.checkoutSuccess = 'https://app.example.com/ok';

    const run = await doctor({ BILLING_CONFIG: JSON.stringify(config) });

    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /✗ Configuration loads and validates .*urls\.checkoutSuccess.*\{CHECKOUT_SESSION_ID\}/,
    );
  });
});
