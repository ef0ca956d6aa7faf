import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { copyFixture, type FixtureName } from '../fixtures/stripe-fixtures.js';
import type { SandboxHandle } from '../start-sandbox.js';
import {
  completeSession,
  openSession,
  startReceiver,
  startTestSandbox,
  type WebhookReceiver,
} from '../test-support/sandbox-test-kit.js';
import { buildCustomer } from './build-customer.js';
import { buildPrice } from './build-price.js';
import { buildProduct } from './build-product.js';
import { buildSubscription } from './build-subscription.js';

/** Keys of Stripe's example that the object lacks. */
function missingKeys(example: object, actual: object): string[] {
  const present = new Set(Object.keys(actual));
  return Object.keys(example).filter((key) => !present.has(key));
}

function expectStripeKeys(name: FixtureName, actual: object): void {
  expect(missingKeys(copyFixture(name), actual)).toEqual([]);
}

describe('Builders: Stripe shapes', () => {
  let sandbox: SandboxHandle;
  let stripe: Stripe;
  let receiver: WebhookReceiver;
  let subscription: Stripe.Subscription;
  let invoice: Stripe.Invoice;
  let session: Stripe.Checkout.Session;
  let customer: Stripe.Customer;

  beforeAll(async () => {
    ({ sandbox, stripe } = await startTestSandbox());
    receiver = await startReceiver();
    const opened = await openSession(stripe);
    await completeSession(sandbox, opened.session.id);
    session = await stripe.checkout.sessions.retrieve(opened.session.id);
    customer = (await stripe.customers.retrieve(
      opened.customer.id,
    )) as Stripe.Customer;
    subscription = await stripe.subscriptions.retrieve(
      session.subscription as string,
    );
    invoice = await stripe.invoices.retrieve(
      subscription.latest_invoice as string,
    );
  });

  afterAll(async () => {
    await sandbox.stop();
    await receiver.close();
  });

  it('gives a customer every key of Stripe’s example', () => {
    const typed: Stripe.Customer = customer;

    expectStripeKeys('customer', typed);
  });

  it('gives products and prices every key of Stripe’s examples', async () => {
    const product: Stripe.Product = await stripe.products.retrieve('prod_pro');
    const price: Stripe.Price = await stripe.prices.retrieve('price_pro_month');

    expectStripeKeys('product', product);
    expectStripeKeys('price', price);
  });

  it('gives a subscription and its items the current API shape', () => {
    const typed: Stripe.Subscription = subscription;
    const fixture = copyFixture('subscription') as {
      items: { data: object[] };
    };

    expectStripeKeys('subscription', typed);
    const item = typed.items.data[0] as Stripe.SubscriptionItem;
    expect(missingKeys(fixture.items.data[0] as object, item)).toEqual([]);
    expect(item.current_period_end).toBeGreaterThan(item.current_period_start);
    expect(typed).not.toHaveProperty('current_period_end');
  });

  it('names the subscription of an invoice under parent, with priced lines', () => {
    const typed: Stripe.Invoice = invoice;
    const fixture = copyFixture('invoice') as { lines: { data: object[] } };

    expectStripeKeys('invoice', typed);
    const line = typed.lines.data[0] as Stripe.InvoiceLineItem;
    expect(missingKeys(fixture.lines.data[0] as object, line)).toEqual([]);
    expect(typed.parent?.subscription_details?.subscription).toBe(
      subscription.id,
    );
    expect(line.pricing?.price_details?.price).toBe('price_pro_month');
  });

  it('gives checkout and portal sessions every key of Stripe’s examples', async () => {
    const portal: Stripe.BillingPortal.Session =
      await stripe.billingPortal.sessions.create({
        customer: customer.id,
        return_url: 'https://app.example.com/account',
      });
    const typed: Stripe.Checkout.Session = session;

    expectStripeKeys('checkout.session', typed);
    expectStripeKeys('billing_portal.session', portal);
  });

  it('gives events, webhook endpoints and test clocks Stripe’s keys', async () => {
    const events = await stripe.events.list({ limit: 1 });
    const endpoint: Stripe.WebhookEndpoint =
      await stripe.webhookEndpoints.create({
        url: receiver.url,
        enabled_events: ['*'],
      });
    const clock: Stripe.TestHelpers.TestClock =
      await stripe.testHelpers.testClocks.create({
        frozen_time: 1_800_000_000,
      });

    expectStripeKeys('event', events.data[0] as Stripe.Event);
    expectStripeKeys('webhook_endpoint', endpoint);
    expectStripeKeys('test_helpers.test_clock', clock);
    expect(endpoint.secret).toMatch(/^whsec_/);
  });

  it('types the builders’ outputs as the SDK’s resources', () => {
    const product: Stripe.Product = buildProduct({ created: 1, name: 'X' });
    const price: Stripe.Price = buildPrice({
      created: 1,
      product: product.id,
      unitAmount: 100,
      currency: 'usd',
      recurring: { interval: 'month', intervalCount: 1 },
    });
    const built: Stripe.Customer = buildCustomer({ created: 1 });
    const sub: Stripe.Subscription = buildSubscription({
      created: 1,
      customer: built.id,
      lines: [{ price, quantity: 1 }],
      periodStart: 1,
      periodEnd: 2,
      billingCycleAnchor: 1,
      status: 'active',
    });

    expectStripeKeys('subscription', sub);
    expectStripeKeys('customer', built);
    expectStripeKeys('price', price);
  });
});
