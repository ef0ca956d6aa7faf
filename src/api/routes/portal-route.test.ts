import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type BillingApiHarness,
  saveLinkedCustomer,
  startBillingApiHarness,
  subscriptionRecord,
} from '../testing/billing-api-harness.js';

describe('Route: POST /api/billing/portal', () => {
  let harness: BillingApiHarness;

  beforeAll(async () => {
    harness = await startBillingApiHarness();
    await saveLinkedCustomer(harness, 'cus_alice', 'user_alice', [
      subscriptionRecord(),
    ]);
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function openPortal(userId: string) {
    return harness.app.request('/api/billing/portal', {
      method: 'POST',
      headers: await harness.authHeaders(userId),
    });
  }

  it("opens the portal of the caller's own customer", async () => {
    const response = await openPortal('user_alice');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      url: 'https://billing.stripe.test/p/session/cus_alice',
    });
    expect(harness.stripe.portalCalls.at(-1)).toEqual({
      customerId: 'cus_alice',
      returnUrl: 'https://app.example.com/account',
    });
  });

  it('answers 404 no_customer to another user, never opening Alice’s', async () => {
    const before = harness.stripe.portalCalls.length;

    const response = await openPortal('user_mallory');

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { code: 'no_customer' },
    });
    expect(harness.stripe.portalCalls.length).toBe(before);
  });

  it('finds a customer created by a checkout moments ago', async () => {
    await harness.app.request('/api/billing/checkout-session', {
      method: 'POST',
      headers: await harness.authHeaders('user_fresh'),
      body: JSON.stringify({ plan: 'pro', interval: 'month' }),
    });
    const claim = await harness.claims.getClaim('user_fresh');

    const response = await openPortal('user_fresh');

    expect(response.status).toBe(200);
    expect(harness.stripe.portalCalls.at(-1)?.customerId).toBe(
      claim?.stripeCustomerId,
    );
  });
});

describe('Route: GET /api/billing/invoices', () => {
  let harness: BillingApiHarness;

  beforeAll(async () => {
    harness = await startBillingApiHarness();
    await saveLinkedCustomer(harness, 'cus_bob', 'user_bob', []);
    harness.stripe.invoices.set('cus_bob', [
      {
        id: 'in_1',
        number: 'ABC-0001',
        amountDue: 2900,
        amountPaid: 2900,
        currency: 'usd',
        status: 'paid',
        created: '2026-11-03T10:00:00.000Z',
        hostedInvoiceUrl: 'https://invoice.stripe.test/i/in_1',
      },
    ]);
  });

  afterAll(async () => {
    await harness.stop();
  });

  it("lists the caller's invoices", async () => {
    const response = await harness.app.request('/api/billing/invoices', {
      headers: await harness.authHeaders('user_bob'),
    });

    expect(response.status).toBe(200);
    const body = (await response.json()) as { invoices: { id: string }[] };
    expect(body.invoices.map((invoice) => invoice.id)).toEqual(['in_1']);
    expect(harness.stripe.invoiceCalls.at(-1)?.customerId).toBe('cus_bob');
  });

  it('lists nothing for a user without a customer, asking Stripe nothing', async () => {
    const before = harness.stripe.invoiceCalls.length;

    const response = await harness.app.request('/api/billing/invoices', {
      headers: await harness.authHeaders('user_carol'),
    });

    expect(await response.json()).toEqual({ invoices: [] });
    expect(harness.stripe.invoiceCalls.length).toBe(before);
  });

  it('answers 401 without a token', async () => {
    const response = await harness.app.request('/api/billing/invoices');

    expect(response.status).toBe(401);
  });
});
