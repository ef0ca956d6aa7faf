import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { SandboxHandle } from '../start-sandbox.js';
import { startTestSandbox } from '../test-support/sandbox-test-kit.js';

describe('Function: registerWebhookEndpointRoutes', () => {
  let sandbox: SandboxHandle;
  let stripe: Stripe;

  beforeEach(async () => {
    ({ sandbox, stripe } = await startTestSandbox());
  });

  afterEach(async () => {
    await sandbox.stop();
  });

  it('shows the secret on create only', async () => {
    const created = await stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/webhook',
      enabled_events: ['invoice.paid'],
    });

    const retrieved = await stripe.webhookEndpoints.retrieve(created.id);

    expect(created.secret).toMatch(/^whsec_/);
    expect(retrieved.secret).toBeUndefined();
  });

  it('gives each endpoint its own secret', async () => {
    const first = await stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/a',
      enabled_events: ['*'],
    });

    const second = await stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/b',
      enabled_events: ['*'],
    });

    expect(second.secret).not.toBe(first.secret);
  });

  it('updates, lists and deletes endpoints', async () => {
    const created = await stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/webhook',
      enabled_events: ['*'],
    });

    const updated = await stripe.webhookEndpoints.update(created.id, {
      disabled: true,
      enabled_events: ['customer.created'],
    });
    const deleted = await stripe.webhookEndpoints.del(created.id);

    expect(updated.status).toBe('disabled');
    expect(updated.enabled_events).toEqual(['customer.created']);
    expect(deleted.deleted).toBe(true);
    const listed = await stripe.webhookEndpoints.list();
    expect(listed.data).toHaveLength(0);
  });

  it('refuses an endpoint without enabled events', async () => {
    const attempt = stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/webhook',
      enabled_events: [],
    });

    await expect(attempt).rejects.toMatchObject({ code: 'parameter_missing' });
    expect((await stripe.webhookEndpoints.list()).data).toHaveLength(0);
  });
});
