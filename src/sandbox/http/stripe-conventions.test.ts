import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { SandboxHandle } from '../start-sandbox.js';
import {
  startTestSandbox,
  TEST_SECRET_KEY,
} from '../test-support/sandbox-test-kit.js';

describe('Function: stripeConventions (through the official SDK)', () => {
  let sandbox: SandboxHandle;
  let stripe: Stripe;

  beforeAll(async () => {
    ({ sandbox, stripe } = await startTestSandbox());
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  it('answers 401 in Stripe format when the API key is missing', async () => {
    const response = await fetch(`${sandbox.url}/v1/customers`);

    const body = (await response.json()) as { error: { type: string } };
    expect(response.status).toBe(401);
    expect(body.error.type).toBe('invalid_request_error');
  });

  it('answers 401 for a key that is not a test secret key', async () => {
    const response = await fetch(`${sandbox.url}/v1/customers`, {
      headers: { authorization: 'Bearer pk_test_public' },
    });

    expect(response.status).toBe(401);
  });

  it('replays the first answer when an idempotency key is reused', async () => {
    const key = `replay-${Date.now()}`;

    const first = await stripe.customers.create(
      { email: 'same@example.com' },
      { idempotencyKey: key },
    );
    const second = await stripe.customers.create(
      { email: 'same@example.com' },
      { idempotencyKey: key },
    );

    expect(second.id).toBe(first.id);
    const listed = await stripe.customers.list({ email: 'same@example.com' });
    expect(listed.data).toHaveLength(1);
  });

  it('answers idempotency_error when a key is reused with other parameters', async () => {
    const key = `mismatch-${Date.now()}`;
    await stripe.customers.create(
      { email: 'a@example.com' },
      { idempotencyKey: key },
    );

    const attempt = stripe.customers.create(
      { email: 'b@example.com' },
      { idempotencyKey: key },
    );

    await expect(attempt).rejects.toMatchObject({
      type: 'StripeIdempotencyError',
      statusCode: 400,
    });
  });

  it('answers resource_missing with 404 for an unknown id', async () => {
    const attempt = stripe.customers.retrieve('cus_missing');

    await expect(attempt).rejects.toMatchObject({
      code: 'resource_missing',
      statusCode: 404,
      param: 'id',
    });
  });

  it('answers parameter_missing when a required parameter is left out', async () => {
    const attempt = stripe.products.create({} as Stripe.ProductCreateParams);

    await expect(attempt).rejects.toMatchObject({
      code: 'parameter_missing',
      param: 'name',
    });
  });

  it('pages through a list with auto-paging, newest first', async () => {
    const created: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      const product = await stripe.products.create({ name: `P${index}` });
      created.push(product.id);
    }

    const seen: string[] = [];
    for await (const product of stripe.products.list({ limit: 3 })) {
      if (created.includes(product.id)) seen.push(product.id);
    }

    expect(seen).toEqual([...created].reverse());
  });

  it('pages backwards with ending_before', async () => {
    const page = await stripe.products.list({ limit: 2 });
    const older = await stripe.products.list({
      limit: 2,
      starting_after: page.data[1]?.id,
    });

    const back = await stripe.products.list({
      limit: 2,
      ending_before: older.data[0]?.id,
    });

    expect(back.data.map((p) => p.id)).toEqual(page.data.map((p) => p.id));
    expect(older.has_more).toBe(true);
  });

  it('expands ids into objects on request', async () => {
    const prices = await stripe.prices.list({
      lookup_keys: ['pro_month'],
      expand: ['data.product'],
    });

    const product = prices.data[0]?.product as Stripe.Product;
    expect(prices.data).toHaveLength(1);
    expect(product.name).toBe('Pro');
  });

  it('finds customers by metadata with search', async () => {
    await stripe.customers.create({ metadata: { userId: 'search-me' } });

    const found = await stripe.customers.search({
      query: "metadata['userId']:'search-me'",
    });

    expect(found.data).toHaveLength(1);
    expect(found.data[0]?.metadata.userId).toBe('search-me');
  });

  it('deactivates a price with active=false and filters lists on it', async () => {
    const price = await stripe.prices.create({
      product: 'prod_team',
      unit_amount: 500,
      currency: 'usd',
      recurring: { interval: 'month' },
    });

    await stripe.prices.update(price.id, { active: false });

    const active = await stripe.prices.list({ active: true, limit: 100 });
    expect(active.data.map((p) => p.id)).not.toContain(price.id);
  });

  it('reads bracket-nested form bodies sent by hand', async () => {
    const response = await fetch(`${sandbox.url}/v1/customers`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_SECRET_KEY}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'metadata[userId]=u42&expand[]=test_clock',
    });

    const customer = (await response.json()) as Stripe.Customer;
    expect(customer.metadata).toEqual({ userId: 'u42' });
  });
});
