import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EnvironmentSecretsSource } from '../../config/stripe-secrets.js';
import { StripeUnavailableError } from '../../stripe/errors.js';
import {
  type BillingApiHarness,
  saveLinkedCustomer,
  startBillingApiHarness,
  testSecretsEnv,
} from '../testing/billing-api-harness.js';
import { StripeSdkGateway } from './stripe-sdk-gateway.js';

interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | undefined;
  readonly form: URLSearchParams;
}

/** A local HTTP server answering like Stripe for the calls under test. */
async function startStripeLookalike() {
  const seen: SeenRequest[] = [];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://localhost');
    seen.push({
      method: request.method ?? '',
      path: url.pathname,
      idempotencyKey: request.headers['idempotency-key'] as string | undefined,
      form: new URLSearchParams(url.search || body),
    });
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(answerFor(url.pathname)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, port: (server.address() as AddressInfo).port };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answerFor(path: string): unknown {
  if (path === '/v1/customers') return { id: 'cus_sdk', object: 'customer' };
  if (path === '/v1/checkout/sessions') {
    return { id: 'cs_sdk', object: 'checkout.session', url: 'https://c.test' };
  }
  if (path === '/v1/billing_portal/sessions') {
    return {
      id: 'bps_sdk',
      object: 'billing_portal.session',
      url: 'https://p',
    };
  }
  return {
    object: 'list',
    has_more: false,
    data: [
      {
        id: 'in_sdk',
        object: 'invoice',
        number: 'N-1',
        amount_due: 900,
        amount_paid: 900,
        currency: 'usd',
        status: 'paid',
        created: 1_764_756_000,
        hosted_invoice_url: 'https://i.test/in_sdk',
      },
    ],
  };
}

describe('Class: StripeSdkGateway', () => {
  let lookalike: Awaited<ReturnType<typeof startStripeLookalike>>;
  let gateway: StripeSdkGateway;

  beforeAll(async () => {
    lookalike = await startStripeLookalike();
    gateway = new StripeSdkGateway({
      secrets: new EnvironmentSecretsSource(testSecretsEnv()),
      apiBase: { host: '127.0.0.1', port: lookalike.port, protocol: 'http' },
      maxNetworkRetries: 0,
    });
  });

  afterAll(async () => {
    await new Promise((resolve) => lookalike.server.close(resolve));
  });

  it('creates a customer with the idempotency key and user metadata', async () => {
    const result = await gateway.createCustomer(
      { userId: 'user_1', email: 'one@example.com' },
      'key-user-1',
    );

    expect(result).toEqual({ customerId: 'cus_sdk' });
    const request = lookalike.seen.at(-1);
    expect(request?.idempotencyKey).toBe('key-user-1');
    expect(request?.form.get('metadata[userId]')).toBe('user_1');
    expect(request?.form.get('email')).toBe('one@example.com');
  });

  it('creates a subscription-mode checkout session tied to the user', async () => {
    const session = await gateway.createCheckoutSession({
      customerId: 'cus_sdk',
      userId: 'user_1',
      priceId: 'price_pro_month',
      quantity: 2,
      trialDays: 14,
      successUrl: 'https://app.example.com/ok?s={CHECKOUT_SESSION_ID}',
      cancelUrl: 'https://app.example.com/no',
      allowPromotionCodes: true,
      automaticTax: true,
    });

    expect(session).toEqual({ id: 'cs_sdk', url: 'https://c.test' });
    const form = lookalike.seen.at(-1)?.form;
    expect(form?.get('mode')).toBe('subscription');
    expect(form?.get('customer')).toBe('cus_sdk');
    expect(form?.get('client_reference_id')).toBe('user_1');
    expect(form?.get('metadata[userId]')).toBe('user_1');
    expect(form?.get('subscription_data[metadata][userId]')).toBe('user_1');
    expect(form?.get('subscription_data[trial_period_days]')).toBe('14');
    expect(form?.get('line_items[0][price]')).toBe('price_pro_month');
    expect(form?.get('line_items[0][quantity]')).toBe('2');
    expect(form?.get('allow_promotion_codes')).toBe('true');
    expect(form?.get('automatic_tax[enabled]')).toBe('true');
  });

  it('lists invoices of one customer as summaries', async () => {
    const invoices = await gateway.listInvoices({
      customerId: 'cus_sdk',
      limit: 5,
    });

    expect(invoices).toEqual([
      {
        id: 'in_sdk',
        number: 'N-1',
        amountDue: 900,
        amountPaid: 900,
        currency: 'usd',
        status: 'paid',
        created: '2025-12-03T10:00:00.000Z',
        hostedInvoiceUrl: 'https://i.test/in_sdk',
      },
    ]);
    expect(lookalike.seen.at(-1)?.form.get('customer')).toBe('cus_sdk');
  });

  it('throws StripeUnavailableError when Stripe cannot be reached', async () => {
    const closedPort = await findClosedPort();
    const offline = new StripeSdkGateway({
      secrets: new EnvironmentSecretsSource(testSecretsEnv()),
      apiBase: { host: '127.0.0.1', port: closedPort, protocol: 'http' },
      maxNetworkRetries: 0,
    });

    const attempt = offline.createPortalSession({
      customerId: 'cus_sdk',
      returnUrl: 'https://app.example.com',
    });

    await expect(attempt).rejects.toBeInstanceOf(StripeUnavailableError);
  });
});

describe('Route: billing API with Stripe unreachable', () => {
  let harness: BillingApiHarness;

  beforeAll(async () => {
    const closedPort = await findClosedPort();
    harness = await startBillingApiHarness({
      stripe: new StripeSdkGateway({
        secrets: new EnvironmentSecretsSource(testSecretsEnv()),
        apiBase: { host: '127.0.0.1', port: closedPort, protocol: 'http' },
        maxNetworkRetries: 0,
      }),
    });
    await saveLinkedCustomer(harness, 'cus_down', 'user_down', []);
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('answers 502 stripe_unavailable without leaking the key', async () => {
    const response = await harness.app.request('/api/billing/portal', {
      method: 'POST',
      headers: await harness.authHeaders('user_down'),
    });

    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      error: { code: 'stripe_unavailable' },
    });
    expect(text).not.toContain('sk_test');
  });
});

/** A loopback port nothing listens on: bound, then released. */
async function findClosedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
