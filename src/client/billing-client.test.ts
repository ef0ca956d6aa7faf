import type { z } from '@hono/zod-openapi';
import { build } from 'esbuild';
import {
  afterAll,
  beforeAll,
  describe,
  expect,
  expectTypeOf,
  it,
} from 'vitest';

import type {
  BillingConfigSchema,
  InvoiceListSchema,
  SubscriptionSchema,
} from '../api/schemas.js';
import {
  type BillingApiHarness,
  saveLinkedCustomer,
  startBillingApiHarness,
  subscriptionRecord,
  TEST_PUBLISHABLE_KEY,
} from '../api/testing/billing-api-harness.js';
import { BillingApiError, BillingClient } from './billing-client.js';
import type {
  BillingConfig,
  Invoice,
  SubscriptionState,
} from './billing-client-types.js';

describe('Class: BillingClient', () => {
  let harness: BillingApiHarness;

  beforeAll(async () => {
    harness = await startBillingApiHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  function clientFor(userId: string) {
    return new BillingClient({
      baseUrl: 'http://api.local/',
      getToken: () => harness.tokenFor(userId),
      fetch: async (input, init) => harness.app.request(input, init),
    });
  }

  it('reads the config without asking for a token', async () => {
    let asked = 0;
    const client = new BillingClient({
      baseUrl: 'http://api.local',
      getToken: () => {
        asked += 1;
        return 'unused';
      },
      fetch: async (input, init) => harness.app.request(input, init),
    });

    const config = await client.getConfig();

    expect(config.publishableKey).toBe(TEST_PUBLISHABLE_KEY);
    expect(config.plans.map((plan) => plan.key)).toEqual(['starter', 'pro']);
    expect(asked).toBe(0);
  });

  it('starts a checkout, then reads access, opens the portal, lists invoices', async () => {
    const client = clientFor('user_client');

    const session = await client.startCheckout({
      plan: 'pro',
      interval: 'month',
    });
    const subscription = await client.getSubscription();
    const portal = await client.openPortal();
    const invoices = await client.listInvoices();

    expect(session.url).toContain(session.id);
    expect(subscription).toMatchObject({ status: 'none', hasAccess: false });
    expect(portal.url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    expect(invoices).toEqual([]);
  });

  it('reports access once the subscription is stored', async () => {
    await saveLinkedCustomer(harness, 'cus_client_sub', 'user_client_sub', [
      subscriptionRecord(),
    ]);

    const subscription = await clientFor('user_client_sub').getSubscription();

    expect(subscription.hasAccess).toBe(true);
    expect(subscription.entitlements).toContain('projects:unlimited');
  });

  it('throws a BillingApiError carrying the code of a refusal', async () => {
    const attempt = clientFor('user_client_sub').startCheckout({
      plan: 'pro',
      interval: 'month',
    });

    await expect(attempt).rejects.toBeInstanceOf(BillingApiError);
    await expect(attempt).rejects.toMatchObject({
      code: 'already_subscribed',
      status: 409,
    });
  });

  it('throws with code network_error when the API cannot be reached', async () => {
    const client = new BillingClient({
      baseUrl: 'http://api.local',
      getToken: () => 'token',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });

    const attempt = client.getSubscription();

    await expect(attempt).rejects.toMatchObject({
      code: 'network_error',
      status: 0,
    });
  });

  it('declares the shapes the API answers with', () => {
    type ApiConfig = z.infer<typeof BillingConfigSchema>;
    type ApiSubscription = z.infer<typeof SubscriptionSchema>;
    type ApiInvoice = z.infer<typeof InvoiceListSchema>['invoices'][number];

    expectTypeOf<ApiConfig>().toExtend<BillingConfig>();
    expectTypeOf<ApiSubscription>().toExtend<SubscriptionState>();
    expectTypeOf<ApiInvoice>().toExtend<Invoice>();
  });

  it('bundles for browsers as a plain ES module', async () => {
    const result = await build({
      entryPoints: [new URL('./index.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });

    const code = result.outputFiles[0]?.text ?? '';

    expect(code).toMatch(/export\s*\{[^}]*BillingClient/);
    expect(code).not.toMatch(/from\s*["']node:/);
  });
});
