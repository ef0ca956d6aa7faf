import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { SandboxHandle } from '../start-sandbox.js';
import {
  completeSession,
  openSession,
  startTestSandbox,
} from '../test-support/sandbox-test-kit.js';

function postForm(url: string, fields: Record<string, string>) {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

describe('Function: registerHostedPages', () => {
  let sandbox: SandboxHandle;
  let stripe: Stripe;

  beforeEach(async () => {
    ({ sandbox, stripe } = await startTestSandbox());
  });

  afterEach(async () => {
    await sandbox.stop();
  });

  it('shows the plan, its price and a labelled card field on checkout', async () => {
    const { session } = await openSession(stripe);

    const html = await (await fetch(session.url as string)).text();

    expect(html).toContain('<label for="card-number">Card number</label>');
    expect(html).toContain('id="card-number"');
    expect(html).toContain('>Subscribe</button>');
    expect(html).toContain('<strong>Pro</strong>: 10.00 USD / month');
  });

  it('redirects to the success URL with the session id after card 4242', async () => {
    const { session } = await openSession(stripe);

    const response = await postForm(session.url as string, {
      card_number: '4242 4242 4242 4242',
    });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `https://app.example.com/done?session=${session.id}`,
    );
    const completed = await stripe.checkout.sessions.retrieve(session.id);
    expect(completed.status).toBe('complete');
  });

  it('shows the decline and keeps the session open for card 9995', async () => {
    const { session } = await openSession(stripe);

    const response = await postForm(session.url as string, {
      card_number: '4000000000009995',
    });

    const html = await response.text();
    expect(response.status).toBe(402);
    expect(html).toContain('role="alert"');
    expect(html).toContain('insufficient funds');
    const reopened = await stripe.checkout.sessions.retrieve(session.id);
    expect(reopened.status).toBe('open');
  });

  it('lets the portal cancel at period end and offers the other plans', async () => {
    const { customer, session } = await openSession(stripe);
    await completeSession(sandbox, session.id);
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'https://app.example.com/account',
    });
    const page = await (await fetch(portal.url)).text();
    const subscriptionId = /name="subscription" value="([^"]+)"/.exec(
      page,
    )?.[1];

    const response = await postForm(`${portal.url}/cancel`, {
      subscription: subscriptionId ?? '',
    });

    expect(page).toContain('>Cancel at period end</button>');
    expect(page).toContain('>New plan</label>');
    expect(page).toContain('value="price_team_month"');
    expect(page).toContain('href="https://app.example.com/account"');
    expect(response.status).toBe(303);
    const updated = await stripe.subscriptions.retrieve(subscriptionId ?? '');
    expect(updated.cancel_at_period_end).toBe(true);
  });

  it('switches plan from the portal', async () => {
    const { customer, session } = await openSession(stripe);
    await completeSession(sandbox, session.id);
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
    });
    const page = await (await fetch(portal.url)).text();
    const subscriptionId = /name="subscription" value="([^"]+)"/.exec(
      page,
    )?.[1];

    await postForm(`${portal.url}/switch`, {
      subscription: subscriptionId ?? '',
      price: 'price_team_month',
    });

    const updated = await stripe.subscriptions.retrieve(subscriptionId ?? '');
    expect(updated.items.data[0]?.price.id).toBe('price_team_month');
  });

  it('refuses a cancel URL that is not http(s), so pages never link to it', async () => {
    const attempt = stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: 'price_pro_month', quantity: 1 }],
      success_url: 'https://app.example.com/done',
      cancel_url: 'javascript:alert(1)',
    });

    await expect(attempt).rejects.toMatchObject({
      statusCode: 400,
      param: 'cancel_url',
    });
  });
});
