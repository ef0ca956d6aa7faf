import { readFile, writeFile } from 'node:fs/promises';

import { parse } from 'dotenv';
import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { parseStripeSecrets } from '../../src/config/stripe-secrets.js';
import { handledEventTypes } from '../../src/golive/handled-event-types.js';
import { GoLiveHarness, TEST_SECRET_KEY } from './golive-harness.js';

const HOUR_MS = 3600 * 1000;

describe('Command: setup webhook', () => {
  let harness: GoLiveHarness;
  const webhook = (...extra: string[]) => [
    'setup',
    'webhook',
    '--url',
    harness.receiverUrl,
    '--env-file',
    harness.envFile,
    ...extra,
  ];

  beforeEach(async () => {
    harness = await GoLiveHarness.start();
    await writeFile(
      harness.envFile,
      `# local keys\nSTRIPE_SECRET_KEY=${TEST_SECRET_KEY}\n` +
        'STRIPE_PUBLISHABLE_KEY=pk_test_golive_suite\n',
    );
  });

  afterEach(async () => {
    await harness.stop();
  });

  async function storedValues() {
    return parse(await readFile(harness.envFile, 'utf8'));
  }

  async function endpointsAtUrl() {
    const all = await harness.stripe.webhookEndpoints.list({ limit: 100 });
    return all.data.filter((endpoint) => endpoint.url === harness.receiverUrl);
  }

  /** Makes Stripe emit `customer.deleted` and waits for its deliveries. */
  async function deliverOneEvent(): Promise<void> {
    harness.deliveries.length = 0;
    const customer = await harness.stripe.customers.create({
      email: 'ada@example.com',
    });
    await harness.stripe.customers.del(customer.id);
    await harness.sandbox.flushDeliveries();
  }

  function verify(delivery: { body: string; signature: string }, secret = '') {
    return harness.stripe.webhooks.constructEvent(
      delivery.body,
      delivery.signature,
      secret,
      300,
      undefined,
      Math.floor(harness.now / 1000),
    );
  }

  it('registers one endpoint with the handled events when run twice', async () => {
    const first = await harness.run(webhook());

    const second = await harness.run(webhook());

    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const endpoints = await endpointsAtUrl();
    expect(endpoints).toHaveLength(1);
    expect([...(endpoints[0]?.enabled_events ?? [])].sort()).toEqual(
      handledEventTypes(),
    );
    expect(first.stdout).toContain(`endpoint ${endpoints[0]?.id} created`);
    expect(second.stdout).toContain(`endpoint ${endpoints[0]?.id} unchanged`);
  });

  it('stores a secret that verifies the deliveries, without printing it', async () => {
    const run = await harness.run(webhook());
    await deliverOneEvent();

    const values = await storedValues();

    const secret = values.STRIPE_WEBHOOK_SECRET ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(values.STRIPE_SECRET_KEY).toBe(TEST_SECRET_KEY);
    expect(run.stdout + run.stderr).not.toContain(secret);
    expect(harness.deliveries).toHaveLength(1);
    const event = verify(
      harness.deliveries[0] ?? { body: '', signature: '' },
      secret,
    );
    expect(event.type).toBe('customer.deleted');
  });

  it('subscribes an existing endpoint to exactly the handled events again', async () => {
    await harness.run(webhook());
    const [endpoint] = await endpointsAtUrl();
    await harness.stripe.webhookEndpoints.update(endpoint?.id ?? '', {
      enabled_events: ['customer.created'],
    });

    const run = await harness.run(webhook());

    const [after] = await endpointsAtUrl();
    expect(run.stdout).toContain('updated');
    expect([...(after?.enabled_events ?? [])].sort()).toEqual(
      handledEventTypes(),
    );
  });

  it('refuses, and creates nothing, when the endpoint exists but its secret is not stored', async () => {
    await harness.stripe.webhookEndpoints.create({
      url: harness.receiverUrl,
      enabled_events: ['customer.deleted'],
    });

    const run = await harness.run(webhook());

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--rotate');
    expect(await endpointsAtUrl()).toHaveLength(1);
    expect((await storedValues()).STRIPE_WEBHOOK_SECRET).toBeUndefined();
  });

  describe('with --rotate', () => {
    let oldSecret: string;
    let newSecret: string;

    beforeEach(async () => {
      await harness.run(webhook());
      oldSecret = (await storedValues()).STRIPE_WEBHOOK_SECRET ?? '';
      const run = await harness.run(webhook('--rotate', '--grace', '2h'));
      expect(run.code).toBe(0);
      newSecret = (await storedValues()).STRIPE_WEBHOOK_SECRET ?? '';
    });

    it('keeps the old secret as previous until the grace is over', async () => {
      const values = await storedValues();

      expect(newSecret).not.toBe(oldSecret);
      expect(values.STRIPE_WEBHOOK_SECRET_PREVIOUS).toBe(oldSecret);
      expect(values.STRIPE_WEBHOOK_SECRET_PREVIOUS_EXPIRES_AT).toBe(
        new Date(harness.now + 2 * HOUR_MS).toISOString(),
      );
      const during = parseStripeSecrets(values, 'test', harness.now + HOUR_MS);
      const after = parseStripeSecrets(
        values,
        'test',
        harness.now + 3 * HOUR_MS,
      );
      expect(during.webhookSecrets).toEqual([newSecret, oldSecret]);
      expect(after.webhookSecrets).toEqual([newSecret]);
    });

    it('has both endpoints deliver, each verifying with one stored secret', async () => {
      await deliverOneEvent();

      const verified = harness.deliveries.map((delivery) => {
        const secrets = [newSecret, oldSecret].filter((secret) => {
          try {
            return verify(delivery, secret).type === 'customer.deleted';
          } catch {
            return false;
          }
        });
        return secrets;
      });

      expect(await endpointsAtUrl()).toHaveLength(2);
      expect(verified.sort()).toEqual([[newSecret], [oldSecret]].sort());
    });

    it('refuses a second rotation during the grace', async () => {
      const run = await harness.run(webhook('--rotate'));

      expect(run.code).toBe(1);
      expect(run.stderr).toContain('grace period');
      expect((await storedValues()).STRIPE_WEBHOOK_SECRET).toBe(newSecret);
      expect(await endpointsAtUrl()).toHaveLength(2);
    });

    it('deletes the old endpoint and forgets the old secret once the grace is over', async () => {
      harness.now += 2 * HOUR_MS;

      const run = await harness.run(webhook());

      const values = await storedValues();
      const endpoints: Stripe.WebhookEndpoint[] = await endpointsAtUrl();
      expect(run.stdout).toMatch(/deleted we_\w+: its rotation grace is over/);
      expect(endpoints).toHaveLength(1);
      expect(values.STRIPE_WEBHOOK_SECRET).toBe(newSecret);
      expect(values.STRIPE_WEBHOOK_SECRET_PREVIOUS).toBeUndefined();
      expect(values.STRIPE_WEBHOOK_SECRET_PREVIOUS_EXPIRES_AT).toBeUndefined();
      await deliverOneEvent();
      expect(harness.deliveries).toHaveLength(1);
      expect(
        verify(harness.deliveries[0] ?? { body: '', signature: '' }, newSecret)
          .id,
      ).toMatch(/^evt_/);
    });
  });

  it('refuses a grace shorter than the secrets cache', async () => {
    await harness.run(webhook());

    const run = await harness.run(webhook('--rotate', '--grace', '1m'));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('STRIPE_SECRETS_TTL_SECONDS');
    expect(await endpointsAtUrl()).toHaveLength(1);
  });
});
