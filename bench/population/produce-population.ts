import Stripe from 'stripe';
import { mapWithConcurrency } from '../../src/ops/map-with-concurrency.js';
import { makeEventHandlers } from '../../src/webhook/handlers/event-handlers.js';
import { BENCH_SECRETS } from '../bench-config.js';

/** Seconds in a day. */
const DAY = 86_400;

/** What one subscriber does; assigned round-robin over ten subscribers. */
export const SUBSCRIBER_KINDS = [
  'renews',
  'renews',
  'renews',
  'renews',
  'renews',
  'renews',
  'checkout',
  'card-fails-on-renewal',
  'changes-plan',
  'cancels-at-period-end',
] as const;

/** A kind of {@link SUBSCRIBER_KINDS}. */
export type SubscriberKind = (typeof SUBSCRIBER_KINDS)[number];

/** Options of {@link producePopulation}. */
export interface PopulationOptions {
  readonly sandboxPort: number;
  readonly subscribers: number;
  /** Months the test clock is advanced after sign-up (renewals each). */
  readonly months: number;
  /** Distinguishes populations in one sandbox (emails, user ids). */
  readonly label: string;
}

/** The events a population produced, oldest first, split at sign-up. */
export interface Population {
  /** Events of sign-up and changes, at the test clock's start time. */
  readonly signUpEvents: Stripe.Event[];
  /** Events of renewals, retries and cancellations, after the start. */
  readonly renewalEvents: Stripe.Event[];
  readonly customerIds: string[];
  /** Test clock start, seconds since the epoch. */
  readonly startedAt: number;
}

/** The SDK pointed at the sandbox on `port`, without retries. */
export function makeSandboxClient(port: number): Stripe {
  return new Stripe(BENCH_SECRETS.STRIPE_SECRET_KEY, {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
}

/**
 * Produces a population in the sandbox through the official SDK: one test
 * clock, `subscribers` customers of every kind (plain renewals, checkout,
 * a card that fails on renewal, a plan change, a cancellation at period
 * end), then advances the clock `months` months so the sandbox renews,
 * retries and cancels. Answers the events the webhook handles, as the
 * Events API lists them, oldest first.
 */
export async function producePopulation(
  options: PopulationOptions,
): Promise<Population> {
  const stripe = makeSandboxClient(options.sandboxPort);
  const startedAt = Math.floor(Date.now() / 1000) - 60;
  const clock = await stripe.testHelpers.testClocks.create({
    frozen_time: startedAt,
    name: `bench ${options.label}`,
  });
  const indexes = Array.from({ length: options.subscribers }, (_, i) => i);
  const customerIds = await mapWithConcurrency(indexes, 16, (index) =>
    signUp(stripe, options, clock.id, index),
  );
  await stripe.testHelpers.testClocks.advance(clock.id, {
    frozen_time: startedAt + options.months * 31 * DAY + DAY,
  });

  const customers = new Set(customerIds);
  const events = (await listHandledEvents(stripe)).filter((event) =>
    customers.has(customerOf(event)),
  );
  return {
    signUpEvents: events.filter((event) => event.created <= startedAt),
    renewalEvents: events.filter((event) => event.created > startedAt),
    customerIds,
    startedAt,
  };
}

async function signUp(
  stripe: Stripe,
  options: PopulationOptions,
  clockId: string,
  index: number,
): Promise<string> {
  const kind = SUBSCRIBER_KINDS[
    index % SUBSCRIBER_KINDS.length
  ] as SubscriberKind;
  const userId = `user_${options.label}_${index}`;
  const customer = await stripe.customers.create({
    email: `${userId}@example.com`,
    test_clock: clockId,
    payment_method:
      kind === 'card-fails-on-renewal'
        ? 'pm_card_chargeCustomerFail'
        : 'pm_card_visa',
    metadata: { userId },
  });
  if (kind === 'checkout') {
    await checkOut(stripe, options.sandboxPort, customer.id, userId);
    return customer.id;
  }
  const subscription = await stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price: 'price_pro_month' }],
    metadata: { userId },
  });
  if (kind === 'changes-plan') {
    const item = subscription.items.data[0];
    await stripe.subscriptions.update(subscription.id, {
      items: [{ id: item?.id, price: 'price_team_month' }],
    });
  }
  if (kind === 'cancels-at-period-end') {
    await stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: true,
    });
  }
  return customer.id;
}

async function checkOut(
  stripe: Stripe,
  port: number,
  customerId: string,
  userId: string,
): Promise<void> {
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customerId,
    client_reference_id: userId,
    line_items: [{ price: 'price_pro_month', quantity: 1 }],
    success_url: 'https://app.example.com/ok?id={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://app.example.com/cancel',
    subscription_data: { metadata: { userId } },
  });
  const answer = await fetch(
    `http://127.0.0.1:${port}/v1/test_helpers/checkout/sessions/${session.id}/complete`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${BENCH_SECRETS.STRIPE_SECRET_KEY}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ payment_method: 'pm_card_visa' }),
    },
  );
  if (!answer.ok) throw new Error(`Checkout failed: ${answer.status}`);
}

/** Every event of a handled type, oldest first (the API lists newest first). */
export async function listHandledEvents(
  stripe: Stripe,
): Promise<Stripe.Event[]> {
  const handled = new Set(makeEventHandlers([]).keys());
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) {
    if (handled.has(event.type)) events.push(event);
  }
  return events.reverse();
}

/** The customer an event is about. */
export function customerOf(event: Stripe.Event): string {
  const object = event.data.object as {
    object?: string;
    id?: string;
    customer?: unknown;
  };
  if (object.object === 'customer') return String(object.id);
  return typeof object.customer === 'string' ? object.customer : '';
}
