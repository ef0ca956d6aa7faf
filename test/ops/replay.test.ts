import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CustomerRecord } from '../../src/domain/customer-record.js';
import type { CustomerStore } from '../../src/domain/customer-store.js';
import { StoreUnavailableError } from '../../src/storage/errors.js';
import { OpsHarness } from './ops-harness.js';

/** The real store, unavailable for writes while `isDown` is set. */
class SwitchableStore implements CustomerStore {
  isDown = false;

  constructor(private readonly inner: CustomerStore) {}

  getCustomer(customerId: string) {
    return this.inner.getCustomer(customerId);
  }

  async saveCustomer(record: CustomerRecord) {
    if (this.isDown) {
      throw new StoreUnavailableError(`writing customer ${record.customerId}`);
    }
    await this.inner.saveCustomer(record);
  }

  findCustomersByUserId(userId: string) {
    return this.inner.findCustomersByUserId(userId);
  }
}

describe('Command: billing replay', () => {
  let harness: OpsHarness;
  let webhookStore: SwitchableStore;

  beforeAll(async () => {
    harness = await OpsHarness.start({
      withWebhook: true,
      wrapStore: (inner) => {
        webhookStore = new SwitchableStore(inner);
        return webhookStore;
      },
    });
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('replays every failed event through the webhook path and restores the state', async () => {
    webhookStore.isDown = true;
    const { customerId, subscriptionId } = await harness.subscribe('user_r1');
    webhookStore.isDown = false;
    const failed = await harness.run(['events', '--status', 'failed']);

    const run = await harness.run(['replay', '--failed']);

    const truth = await harness.stripe.subscriptions.retrieve(subscriptionId);
    const stored = await harness.store.getCustomer(customerId);
    const after = await harness.run(['events', '--status', 'failed']);
    expect(failed.stdout).toContain('customer.subscription.created');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/customer\.subscription\.created {2}applied/);
    expect(stored?.subscriptions[subscriptionId]?.status).toBe(truth.status);
    expect(after.stdout).toContain('No events match.');
  });

  it('replays one event by id and reports a second replay as a duplicate', async () => {
    webhookStore.isDown = true;
    const { customerId } = await harness.subscribe('user_r2');
    webhookStore.isDown = false;
    const events = await harness.stripe.events.list({
      type: 'customer.subscription.created',
      limit: 1,
    });
    const eventId = events.data[0]?.id ?? '';

    const first = await harness.run(['replay', eventId]);
    const second = await harness.run(['replay', eventId]);

    const stored = await harness.store.getCustomer(customerId);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `${eventId}  customer.subscription.created  applied`,
    );
    expect(second.stdout).toContain('duplicate');
    expect(stored?.userId).toBe('user_r2');
  });

  it('answers 1 and says why when the event does not exist in Stripe', async () => {
    const run = await harness.run(['replay', 'evt_missing']);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('evt_missing  ?  failed: Stripe refused');
  });

  it('answers 2 when given both an event id and --failed', async () => {
    const run = await harness.run(['replay', 'evt_1', '--failed']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('give either an event id or --failed');
  });
});

describe('Command: billing undelivered', () => {
  let harness: OpsHarness;

  beforeAll(async () => {
    harness = await OpsHarness.start({
      withWebhook: true,
      chaos: { seed: 7, dropRate: 1 },
    });
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('processes the events Stripe could not deliver and restores the state', async () => {
    const { customerId, subscriptionId } = await harness.subscribe('user_u1');
    const before = await harness.store.getCustomer(customerId);

    const run = await harness.run(['undelivered']);

    const truth = await harness.stripe.subscriptions.retrieve(subscriptionId);
    const stored = await harness.store.getCustomer(customerId);
    const sync = await harness.run([
      'sync',
      '--customer',
      customerId,
      '--dry-run',
    ]);
    expect(before).toBeUndefined();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Processed \d+ undelivered events: \d+ settled, 0 failed/,
    );
    expect(stored?.subscriptions[subscriptionId]?.status).toBe(truth.status);
    expect(stored?.latestInvoice?.paymentStatus).toBe('paid');
    expect(sync.stdout).not.toMatch(/subscriptions\.|latestInvoice/);
  });
});
