import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type BillingApiHarness,
  startBillingApiHarness,
} from '../testing/billing-api-harness.js';

const PATH = '/api/billing/checkout-session';

describe('Route: POST /api/billing/checkout-session (claim held)', () => {
  let harness: BillingApiHarness;

  beforeAll(async () => {
    harness = await startBillingApiHarness({
      claimWait: { retries: 3, delay: async () => {} },
    });
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('answers 409 checkout_in_progress while another request holds the claim', async () => {
    await harness.claims.acquireClaim({
      userId: 'user_busy',
      leaseOwner: 'other_request',
      nowMs: Date.parse('2026-12-03T10:00:00.000Z'),
      leaseMs: 30_000,
    });

    const response = await harness.app.request(PATH, {
      method: 'POST',
      headers: await harness.authHeaders('user_busy'),
      body: JSON.stringify({ plan: 'pro', interval: 'month' }),
    });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: 'checkout_in_progress' },
    });
    expect(harness.stripe.customerCalls).toHaveLength(0);
  });

  it('takes over a claim whose lease expired', async () => {
    await harness.claims.acquireClaim({
      userId: 'user_stale',
      leaseOwner: 'crashed_request',
      nowMs: Date.parse('2026-12-03T09:00:00.000Z'),
      leaseMs: 30_000,
    });

    const response = await harness.app.request(PATH, {
      method: 'POST',
      headers: await harness.authHeaders('user_stale'),
      body: JSON.stringify({ plan: 'pro', interval: 'month' }),
    });

    expect(response.status).toBe(200);
    expect(
      (await harness.claims.getClaim('user_stale'))?.stripeCustomerId,
    ).toMatch(/^cus_/);
  });
});
