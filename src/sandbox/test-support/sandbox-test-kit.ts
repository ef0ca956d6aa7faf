import { createServer, type Server } from 'node:http';

import Stripe from 'stripe';

import type { SeedPlan } from '../seed-catalog.js';
import {
  type SandboxHandle,
  type SandboxOptions,
  startSandbox,
} from '../start-sandbox.js';

/** A test key; the sandbox accepts any `sk_test_` key. */
export const TEST_SECRET_KEY = 'sk_test_sandbox_suite';

/** The catalog the sandbox tests use. */
export const TEST_PLANS: SeedPlan[] = [
  {
    key: 'pro',
    name: 'Pro',
    prices: {
      month: { id: 'price_pro_month', amount: 1000, currency: 'usd' },
      year: { id: 'price_pro_year', amount: 10000, currency: 'usd' },
    },
  },
  {
    key: 'team',
    name: 'Team',
    prices: {
      month: { id: 'price_team_month', amount: 3000, currency: 'usd' },
    },
  },
];

/** Starts a sandbox on a free port with the test catalog seeded. */
export async function startTestSandbox(
  options: SandboxOptions = {},
): Promise<{ sandbox: SandboxHandle; stripe: Stripe }> {
  const sandbox = await startSandbox({ port: 0, ...options });
  sandbox.seedCatalog(TEST_PLANS);
  return { sandbox, stripe: makeClient(sandbox) };
}

/** The official SDK pointed at a sandbox, without its own retries. */
export function makeClient(sandbox: SandboxHandle): Stripe {
  return new Stripe(TEST_SECRET_KEY, {
    ...sandbox.stripeConfig,
    maxNetworkRetries: 0,
  });
}

/** Completes a checkout session through the sandbox's test helper. */
export async function completeSession(
  sandbox: Pick<SandboxHandle, 'url'>,
  sessionId: string,
  paymentMethod = 'pm_card_visa',
): Promise<Response> {
  return fetch(
    `${sandbox.url}/v1/test_helpers/checkout/sessions/${sessionId}/complete`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_SECRET_KEY}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ payment_method: paymentMethod }),
    },
  );
}

/** Creates a customer and a subscription-mode checkout session for it. */
export async function openSession(
  stripe: Stripe,
  options: { testClock?: string; trialDays?: number } = {},
) {
  const customer = await stripe.customers.create({
    email: 'ada@example.com',
    metadata: { userId: 'u1' },
    ...(options.testClock ? { test_clock: options.testClock } : {}),
  });
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    client_reference_id: 'u1',
    line_items: [{ price: 'price_pro_month', quantity: 1 }],
    success_url: 'https://app.example.com/done?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://app.example.com/pricing',
    subscription_data: {
      metadata: { userId: 'u1' },
      ...(options.trialDays ? { trial_period_days: options.trialDays } : {}),
    },
  });
  return { customer, session };
}

/** A delivery the receiver got: raw body and signature header. */
export interface ReceivedDelivery {
  readonly body: string;
  readonly signature: string;
}

/** A local HTTP server recording webhook deliveries. */
export interface WebhookReceiver {
  readonly url: string;
  readonly deliveries: ReceivedDelivery[];
  /** Status to answer with (default 200). */
  status: number;
  /** Resolves once `count` deliveries in all have arrived. */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a webhook receiver on a free port. */
export async function startReceiver(): Promise<WebhookReceiver> {
  const deliveries: ReceivedDelivery[] = [];
  const receiver = { status: 200 } as { status: number };
  const waiters: { count: number; resolve: () => void }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      deliveries.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: String(request.headers['stripe-signature'] ?? ''),
      });
      response.statusCode = receiver.status;
      response.end();
      for (const waiter of waiters.filter(
        (w) => w.count <= deliveries.length,
      )) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/webhook`,
    deliveries,
    received: (count: number) =>
      count <= deliveries.length
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
