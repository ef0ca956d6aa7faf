import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { makeEvent } from '../../src/webhook/testing/signed-event.js';
import {
  invoiceObject,
  subscriptionObject,
} from '../../src/webhook/testing/stripe-objects.js';
import { type FaultWorld, startFaultWorld } from './support/fault-world.js';
import { WRITE_STEPS, type WriteStep } from './support/store-faults.js';

/** Seconds a ledger claim holds (the ledger store's default). */
const LEASE_SECONDS = 60;

/** The ids of one case; each case lives on its own customer. */
function idsOf(name: string) {
  return {
    customer: `cus_${name}`,
    subscription: `sub_${name}`,
    invoice: `in_${name}`,
    user: `user_${name}`,
    seedEvent: `evt_seed_${name}`,
    paidEvent: `evt_paid_${name}`,
  };
}

/** The subscription that makes the customer's first revision. */
function seedEvent(name: string, created: number) {
  const ids = idsOf(name);
  return makeEvent({
    id: ids.seedEvent,
    type: 'customer.subscription.created',
    created,
    object: subscriptionObject({
      id: ids.subscription,
      customer: ids.customer,
      status: 'active',
      priceId: 'price_pro_month',
      userId: ids.user,
    }),
  });
}

/** The paid invoice whose processing a fault interrupts. */
function paidEvent(name: string, created: number) {
  const ids = idsOf(name);
  return makeEvent({
    id: ids.paidEvent,
    type: 'invoice.paid',
    created,
    object: invoiceObject({
      id: ids.invoice,
      customer: ids.customer,
      subscription: ids.subscription,
      status: 'paid',
      created: created - 5,
    }),
  });
}

/** A record with the case's name taken out of its ids, to compare cases. */
function withoutName(value: unknown, name: string): unknown {
  return JSON.parse(JSON.stringify(value).split(name).join('CASE'));
}

describe('Fault suite: a store failure at each write step', () => {
  let world: FaultWorld;
  let expectedRecord: unknown;
  let expectedArchive: unknown;

  /** Seeds the customer (revision 1) of a case. */
  async function seed(name: string) {
    const seeded = await world.deliver(seedEvent(name, world.nowSeconds - 60));
    expect(seeded.status).toBe(200);
  }

  beforeAll(async () => {
    vi.stubEnv('LOG_LEVEL', 'SILENT');
    world = await startFaultWorld();
    await seed('control');
    await world.deliver(paidEvent('control', world.nowSeconds - 30));
    expectedRecord = withoutName(
      await world.getCustomer('cus_control'),
      'control',
    );
    expectedArchive = withoutName(
      await world.contents.readArchive('cus_control'),
      'control',
    );
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await world.stop();
  });

  it.each([
    // A failed claim wrote nothing, so its redelivery is the first attempt.
    ['ledgerClaim', WRITE_STEPS.ledgerClaim, 1, 'applied'],
    ['customerWrite', WRITE_STEPS.customerWrite, 2, 'applied'],
    ['invoiceArchive', WRITE_STEPS.invoiceArchive, 2, 'applied'],
    // The effect was durable before the completion failed: the redelivery
    // finds it in the record's timeline and writes nothing more.
    ['ledgerCompletion', WRITE_STEPS.ledgerCompletion, 2, 'duplicate'],
  ] as [string, WriteStep, number, string][])(
    'answers 5xx when the %s fails, and the redelivery takes effect exactly once',
    async (name, step, expectedAttempts, expectedOutcome) => {
      await seed(name);
      const event = paidEvent(name, world.nowSeconds - 30);
      const before = await world.getCustomer(`cus_${name}`);

      world.failSteps(step);
      const failed = await world.deliver(event).finally(() => {
        world.clearFaults();
      });
      const retried = await world.deliver(event);
      const again = await world.deliver(event);

      expect(before?.revision).toBe(1);
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expect(retried.body).toEqual({
        received: true,
        outcome: expectedOutcome,
      });
      expect(again.body).toEqual({ received: true, outcome: 'duplicate' });
      const record = await world.getCustomer(`cus_${name}`);
      expect(record?.revision).toBe(2);
      expect(withoutName(record, name)).toEqual(expectedRecord);
      expect(
        withoutName(await world.contents.readArchive(`cus_${name}`), name),
      ).toEqual(expectedArchive);
      expect(await world.getLedgerItem(`evt_paid_${name}`)).toMatchObject({
        status: 'done',
        outcome: expectedOutcome,
        attempts: expectedAttempts,
      });
    },
  );

  it('retries after the lease when the release of a failed claim also fails', async () => {
    const name = 'releaseLost';
    await seed(name);
    const event = paidEvent(name, world.nowSeconds - 30);

    world.failSteps(WRITE_STEPS.customerWrite, WRITE_STEPS.ledgerRelease);
    const failed = await world.deliver(event).finally(() => {
      world.clearFaults();
    });
    const held = await world.getLedgerItem(`evt_paid_${name}`);
    const early = await world.deliver(event);
    const startMs = world.nowMs;
    world.nowMs += (LEASE_SECONDS + 1) * 1000;
    const afterLease = await world.deliver(event);
    const again = await world.deliver(event);
    world.nowMs = startMs;

    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(held).toMatchObject({ status: 'processing', attempts: 1 });
    expect(early.status).toBe(409);
    expect(Number(early.retryAfter)).toBeGreaterThan(0);
    expect(Number(early.retryAfter)).toBeLessThanOrEqual(LEASE_SECONDS);
    expect(afterLease.body).toEqual({ received: true, outcome: 'applied' });
    expect(again.body).toEqual({ received: true, outcome: 'duplicate' });
    const record = await world.getCustomer(`cus_${name}`);
    expect(record?.revision).toBe(2);
    expect(record?.latestInvoice).toMatchObject({
      invoiceId: `in_${name}`,
      paymentStatus: 'paid',
    });
    expect(await world.getLedgerItem(`evt_paid_${name}`)).toMatchObject({
      status: 'done',
      attempts: 2,
    });
  });
});
