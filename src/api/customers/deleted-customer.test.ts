import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type BillingApiHarness,
  startBillingApiHarness,
} from '../testing/billing-api-harness.js';
import { customerIdempotencyKey } from './customer-provisioner.js';

const CHECKOUT = { plan: 'pro', interval: 'month' };

describe('Class: CustomerProvisioner (customer deleted in Stripe)', () => {
  let harness: BillingApiHarness;

  beforeAll(async () => {
    harness = await startBillingApiHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function request(userId: string, path: string, body?: unknown) {
    return harness.app.request(`/api/billing/${path}`, {
      method: body === undefined && path === 'invoices' ? 'GET' : 'POST',
      headers: await harness.authHeaders(userId),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** Checks the user out once, then marks their customer deleted. */
  async function deleteCustomerOf(userId: string): Promise<string> {
    await request(userId, 'checkout-session', CHECKOUT);
    const customerId =
      (await harness.claims.getClaim(userId))?.stripeCustomerId ?? '';
    const record = await harness.customers.getCustomer(customerId);
    if (!record) throw new Error(`no record of ${customerId}`);
    await harness.customers.saveCustomer({
      ...record,
      deleted: true,
      revision: record.revision + 1,
    });
    return customerId;
  }

  it('creates a new customer at checkout, keyed by the deleted one', async () => {
    const deletedId = await deleteCustomerOf('user_deleted');

    const response = await request(
      'user_deleted',
      'checkout-session',
      CHECKOUT,
    );

    expect(response.status).toBe(200);
    const created = harness.stripe.customerCalls.at(-1);
    expect(created?.idempotencyKey).toBe(
      customerIdempotencyKey('user_deleted', deletedId),
    );
    const newId = harness.stripe.checkoutCalls.at(-1)?.customerId;
    expect(newId).toMatch(/^cus_/);
    expect(newId).not.toBe(deletedId);
    expect(await harness.claims.getClaim('user_deleted')).toMatchObject({
      stripeCustomerId: newId,
      replacedCustomerId: deletedId,
    });
    expect(await harness.customers.getCustomer(newId ?? '')).toMatchObject({
      userId: 'user_deleted',
      revision: 1,
    });
  });

  it('creates one replacement for ten concurrent checkouts', async () => {
    const deletedId = await deleteCustomerOf('user_deleted_race');
    const before = harness.stripe.customerCalls.length;

    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        request('user_deleted_race', 'checkout-session', CHECKOUT),
      ),
    );

    expect(responses.map((response) => response.status)).toEqual(
      Array(10).fill(200),
    );
    expect(harness.stripe.customerCalls.length - before).toBe(1);
    const customerIds = new Set(
      harness.stripe.checkoutCalls.slice(-10).map((call) => call.customerId),
    );
    expect(customerIds.size).toBe(1);
    expect(customerIds.has(deletedId)).toBe(false);
  });

  it('answers 404 no_customer to the portal until a new checkout', async () => {
    await deleteCustomerOf('user_deleted_portal');
    const before = harness.stripe.portalCalls.length;

    const response = await request('user_deleted_portal', 'portal');

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { code: 'no_customer' },
    });
    expect(harness.stripe.portalCalls.length).toBe(before);
  });

  it('lists no invoices of a deleted customer, without asking Stripe', async () => {
    await deleteCustomerOf('user_deleted_invoices');
    const before = harness.stripe.invoiceCalls.length;

    const response = await request('user_deleted_invoices', 'invoices');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ invoices: [] });
    expect(harness.stripe.invoiceCalls.length).toBe(before);
  });
});
