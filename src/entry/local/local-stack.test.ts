import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from 'vitest';

import type { SubscriptionState } from '../../client/index.js';
import { SANDBOX_SECRET_KEY } from './local-settings.js';
import { type LocalStack, startLocalStack } from './local-stack.js';

/** Starts the stack on free ports with no outside settings. */
function startOn(dataDir: string): Promise<LocalStack> {
  return startLocalStack({
    port: 0,
    sandboxPort: 0,
    dataDir,
    env: {},
    quiet: true,
  });
}

async function signIn(stack: LocalStack, userId: string): Promise<string> {
  const response = await fetch(`${stack.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, email: `${userId}@example.com` }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function getSubscription(
  stack: LocalStack,
  token: string,
): Promise<SubscriptionState> {
  const response = await fetch(`${stack.url}/api/billing/subscription`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SubscriptionState;
}

async function startCheckout(stack: LocalStack, token: string) {
  const response = await fetch(`${stack.url}/api/billing/checkout-session`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ plan: 'starter', interval: 'month' }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; url: string };
}

async function completeInSandbox(stack: LocalStack, sessionId: string) {
  const response = await fetch(
    `${stack.sandboxUrl}/v1/test_helpers/checkout/sessions/${sessionId}/complete`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${SANDBOX_SECRET_KEY}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ payment_method: 'pm_card_visa' }),
    },
  );
  expect(response.status).toBe(200);
}

async function listEndpointUrls(stack: LocalStack): Promise<string[]> {
  const response = await fetch(`${stack.sandboxUrl}/v1/webhook_endpoints`, {
    headers: { authorization: `Bearer ${SANDBOX_SECRET_KEY}` },
  });
  const page = (await response.json()) as { data: { url: string }[] };
  return page.data.map((endpoint) => endpoint.url);
}

describe('Function: startLocalStack', () => {
  let dataDir: string;
  let stack: LocalStack | undefined;

  beforeAll(async () => {
    vi.stubEnv('LOG_LEVEL', 'SILENT');
    dataDir = await mkdtemp(join(tmpdir(), 'local-stack-'));
  });

  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers 200 on /healthz once every part is ready', async () => {
    stack = await startOn(dataDir);

    const response = await fetch(`${stack.url}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(stack.mode).toBe('sandbox');
  });

  it('grants access once a sandbox checkout completes, and keeps it across a restart', async () => {
    stack = await startOn(dataDir);
    const token = await signIn(stack, 'user-local-1');
    const session = await startCheckout(stack, token);

    await completeInSandbox(stack, session.id);
    await stack.sandbox?.flushDeliveries();
    const afterCheckout = await getSubscription(stack, token);
    await stack.stop();
    stack = await startOn(dataDir);
    const afterRestart = await getSubscription(
      stack,
      await signIn(stack, 'user-local-1'),
    );

    expect(afterCheckout).toMatchObject({
      status: 'active',
      plan: 'starter',
      hasAccess: true,
    });
    expect(afterRestart).toEqual(afterCheckout);
    expect(await listEndpointUrls(stack)).toEqual([`${stack.url}/webhook`]);
  });

  it('points the example configuration at the port it listens on', async () => {
    stack = await startOn(dataDir);

    const { urls, allowedOrigins, auth } = stack.config;

    expect(urls.portalReturn).toBe(`${stack.url}/`);
    expect(urls.checkoutSuccess.startsWith(`${stack.url}/?`)).toBe(true);
    expect(allowedOrigins).toContain(stack.url);
    expect(auth?.issuer).toBe(`${stack.url}/dev`);
  });

  it('answers 401 to the billing API without a token', async () => {
    stack = await startOn(dataDir);

    const response = await fetch(`${stack.url}/api/billing/subscription`);

    expect(response.status).toBe(401);
  });

  it('registers the endpoint with STRIPE_WEBHOOK_SECRET, so scripts can sign deliveries', async () => {
    const secret = 'whsec_script_signed';
    stack = await startLocalStack({
      port: 0,
      sandboxPort: 0,
      dataDir,
      env: { STRIPE_WEBHOOK_SECRET: secret },
      quiet: true,
    });
    const payload = JSON.stringify({
      id: 'evt_script_1',
      object: 'event',
      type: 'product.created',
      livemode: false,
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: 'prod_x', object: 'product' } },
    });
    const header = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
    });

    const response = await fetch(`${stack.url}/webhook`, {
      method: 'POST',
      headers: { 'stripe-signature': header },
      body: payload,
    });

    expect(stack.webhookSecret).toBe(secret);
    expect(response.status).toBe(200);
  });

  it('uses real Stripe and starts no sandbox when STRIPE_SECRET_KEY is set', async () => {
    stack = await startLocalStack({
      port: 0,
      sandboxPort: 0,
      dataDir,
      env: {
        STRIPE_SECRET_KEY: 'sk_test_real_account',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_real_account',
        STRIPE_WEBHOOK_SECRET: 'whsec_from_stripe_listen',
      },
      quiet: true,
    });

    const health = await fetch(`${stack.url}/healthz`);

    expect(health.status).toBe(200);
    expect(stack.mode).toBe('stripe');
    expect(stack.sandbox).toBeUndefined();
    expect(stack.config.stripe.apiBase).toBeUndefined();
  });
});
