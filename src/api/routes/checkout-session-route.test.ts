import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { StripeUnavailableError } from '../../stripe/errors.js';
import { customerIdempotencyKey } from '../customers/customer-provisioner.js';
import {
  type BillingApiHarness,
  saveLinkedCustomer,
  startBillingApiHarness,
  subscriptionRecord,
} from '../testing/billing-api-harness.js';

const PATH = '/api/billing/checkout-session';

describe('Route: POST /api/billing/checkout-session', () => {
  let harness: BillingApiHarness;

  beforeAll(async () => {
    harness = await startBillingApiHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function checkout(userId: string, body: unknown) {
    return harness.app.request(PATH, {
      method: 'POST',
      headers: await harness.authHeaders(userId),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  it('creates a subscription checkout of the configured price', async () => {
    const response = await checkout('user_new', {
      plan: 'pro',
      interval: 'year',
      quantity: 3,
    });

    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; url: string };
    expect(body.id).toMatch(/^cs_test_/);
    expect(body.url).toContain(body.id);
    const call = harness.stripe.checkoutCalls.at(-1);
    expect(call).toEqual({
      customerId: expect.stringMatching(/^cus_/),
      userId: 'user_new',
      priceId: 'price_pro_year',
      quantity: 3,
      trialDays: 14,
      successUrl: 'https://app.example.com/done?s={CHECKOUT_SESSION_ID}',
      cancelUrl: 'https://app.example.com/pricing',
      allowPromotionCodes: true,
      automaticTax: false,
    });
  });

  it('creates the customer with metadata and email, and stores it', async () => {
    const response = await checkout('user_meta', {
      plan: 'starter',
      interval: 'month',
    });

    expect(response.status).toBe(200);
    const created = harness.stripe.customerCalls.find(
      (call) => call.params.userId === 'user_meta',
    );
    expect(created).toEqual({
      params: { userId: 'user_meta', email: 'user_meta@example.com' },
      idempotencyKey: customerIdempotencyKey('user_meta'),
    });
    const claim = await harness.claims.getClaim('user_meta');
    const customerId = claim?.stripeCustomerId ?? '';
    const record = await harness.customers.getCustomer(customerId);
    expect(record).toMatchObject({ userId: 'user_meta', revision: 1 });
    expect(harness.stripe.checkoutCalls.at(-1)?.quantity).toBe(1);
  });

  it('creates one customer for ten concurrent checkouts of a new user', async () => {
    const before = harness.stripe.customerCalls.length;

    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        checkout('user_race', { plan: 'pro', interval: 'month' }),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(
      Array(10).fill(200),
    );
    expect(harness.stripe.customerCalls.length - before).toBe(1);
    const stored = await harness.customers.findCustomersByUserId('user_race');
    expect(stored).toHaveLength(1);
    const customerIds = new Set(
      harness.stripe.checkoutCalls
        .filter((call) => call.userId === 'user_race')
        .map((call) => call.customerId),
    );
    expect([...customerIds]).toEqual([stored[0]?.customerId]);
  });

  it('reuses the customer of a returning user', async () => {
    await checkout('user_back', { plan: 'pro', interval: 'month' });
    const before = harness.stripe.customerCalls.length;

    const response = await checkout('user_back', {
      plan: 'starter',
      interval: 'month',
    });

    expect(response.status).toBe(200);
    expect(harness.stripe.customerCalls.length).toBe(before);
  });

  it("expires the customer's other open sessions before opening one", async () => {
    const first = await checkout('user_twice', {
      plan: 'starter',
      interval: 'month',
    });
    const { id: firstId } = (await first.json()) as { id: string };

    const second = await checkout('user_twice', {
      plan: 'pro',
      interval: 'year',
    });

    expect(second.status).toBe(200);
    const { id: secondId } = (await second.json()) as { id: string };
    expect(harness.stripe.expireCalls).toContain(firstId);
    expect(harness.stripe.openSessions.has(firstId)).toBe(false);
    expect(harness.stripe.openSessions.has(secondId)).toBe(true);
  });

  it("leaves other customers' open sessions alone", async () => {
    const other = await checkout('user_bystander', {
      plan: 'pro',
      interval: 'month',
    });
    const { id: otherId } = (await other.json()) as { id: string };

    await checkout('user_neighbour', { plan: 'pro', interval: 'month' });

    expect(harness.stripe.expireCalls).not.toContain(otherId);
    expect(harness.stripe.openSessions.has(otherId)).toBe(true);
  });

  it('answers 409 already_subscribed to a subscriber', async () => {
    await saveLinkedCustomer(harness, 'cus_subscriber', 'user_sub', [
      subscriptionRecord({ status: 'past_due' }),
    ]);
    const before = harness.stripe.checkoutCalls.length;

    const response = await checkout('user_sub', {
      plan: 'pro',
      interval: 'month',
    });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: 'already_subscribed' },
    });
    expect(harness.stripe.checkoutCalls.length).toBe(before);
  });

  it('lets a user whose subscription ended check out again', async () => {
    await saveLinkedCustomer(harness, 'cus_ended', 'user_ended', [
      subscriptionRecord({ status: 'canceled' }),
    ]);

    const response = await checkout('user_ended', {
      plan: 'pro',
      interval: 'month',
    });

    expect(response.status).toBe(200);
    expect(harness.stripe.checkoutCalls.at(-1)?.customerId).toBe('cus_ended');
  });

  it('answers 400 unknown_plan for a plan not in the catalogue', async () => {
    const response = await checkout('user_x', {
      plan: 'platinum',
      interval: 'month',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'unknown_plan' },
    });
  });

  it('answers 400 unknown_plan for an interval the plan lacks', async () => {
    const response = await checkout('user_x', {
      plan: 'starter',
      interval: 'year',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'unknown_plan' },
    });
  });

  it('answers 400 listing every problem of the fields', async () => {
    const response = await checkout('user_x', {
      plan: '',
      interval: 'week',
      quantity: 1000,
    });

    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; details: string[] };
    };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details).toHaveLength(3);
    expect(body.error.details.join('\n')).toMatch(/^plan: /m);
    expect(body.error.details.join('\n')).toMatch(/^interval: /m);
    expect(body.error.details.join('\n')).toMatch(/^quantity: /m);
  });

  it('answers 400 for malformed JSON and creates nothing', async () => {
    const before = harness.stripe.customerCalls.length;

    const response = await checkout('user_bad_json', '{"plan": "pro",');

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'invalid_request' },
    });
    expect(harness.stripe.customerCalls.length).toBe(before);
    expect(await harness.claims.getClaim('user_bad_json')).toBeUndefined();
  });

  it('refuses a client-sent price or redirect URL', async () => {
    const before = harness.stripe.checkoutCalls.length;

    const response = await checkout('user_x', {
      plan: 'pro',
      interval: 'month',
      price: 'price_attacker',
      success_url: 'https://evil.example/phish',
    });

    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: string[] } };
    expect(body.error.details.join(' ')).toContain('price');
    expect(body.error.details.join(' ')).toContain('success_url');
    expect(harness.stripe.checkoutCalls.length).toBe(before);
  });

  it('answers 401 without a token', async () => {
    const response = await harness.app.request(PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ plan: 'pro', interval: 'month' }),
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { code: 'unauthorized' },
    });
  });

  it('answers 502 when Stripe is unavailable and lets a retry succeed', async () => {
    harness.stripe.failWith = new StripeUnavailableError('creating a customer');

    const failed = await checkout('user_outage', {
      plan: 'pro',
      interval: 'month',
    });
    harness.stripe.failWith = undefined;
    const retried = await checkout('user_outage', {
      plan: 'pro',
      interval: 'month',
    });

    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({
      error: { code: 'stripe_unavailable' },
    });
    expect(retried.status).toBe(200);
  });
});
