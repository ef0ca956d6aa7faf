import { describe, expect, it } from 'vitest';

import type { CustomerRecord } from './customer-record.js';
import {
  decideCustomerChange,
  decideInvoiceChange,
  decideSubscriptionChange,
} from './decide-change.js';
import type {
  InvoiceSnapshot,
  SubscriptionSnapshot,
} from './state-snapshot.js';

const NOW = '2026-12-03T10:00:00.000Z';

function subscription(
  overrides: Partial<SubscriptionSnapshot> = {},
): SubscriptionSnapshot {
  return {
    customerId: 'cus_1',
    subscriptionId: 'sub_1',
    status: 'active',
    priceId: 'price_pro_month',
    planKey: 'pro',
    interval: 'month',
    quantity: 1,
    currentPeriodStart: 100,
    currentPeriodEnd: 200,
    cancelAtPeriodEnd: false,
    cancelAt: null,
    trialEnd: null,
    created: 50,
    ...overrides,
  };
}

function invoice(overrides: Partial<InvoiceSnapshot> = {}): InvoiceSnapshot {
  return {
    customerId: 'cus_1',
    invoiceId: 'in_1',
    subscriptionId: 'sub_1',
    paymentStatus: 'paid',
    amountDue: 2000,
    currency: 'usd',
    created: 100,
    ...overrides,
  };
}

function storedWith(
  snapshot: SubscriptionSnapshot,
  eventId: string,
  eventCreated: number,
): CustomerRecord {
  const decision = decideSubscriptionChange(
    undefined,
    snapshot,
    { eventId, eventCreated },
    'event',
    NOW,
  );
  if (decision.kind !== 'write') throw new Error('expected a write');
  return decision.record;
}

describe('Function: decideSubscriptionChange', () => {
  it('creates the record at revision 1 for an unknown customer', () => {
    const record = storedWith(subscription({ userId: 'user_1' }), 'evt_1', 10);

    expect(record).toMatchObject({
      customerId: 'cus_1',
      userId: 'user_1',
      revision: 1,
    });
    expect(record.subscriptions.sub_1?.asOf).toEqual({
      eventCreated: 10,
      eventId: 'evt_1',
      source: 'event',
    });
  });

  it('discards an event older than the stored state', () => {
    const stored = storedWith(subscription(), 'evt_new', 20);

    const decision = decideSubscriptionChange(
      stored,
      subscription({ status: 'past_due' }),
      { eventId: 'evt_old', eventCreated: 19 },
      'event',
      NOW,
    );

    expect(decision).toEqual({ kind: 'skip', outcome: 'stale' });
  });

  it('moves the timeline forward even when a newer event changes nothing', () => {
    const stored = storedWith(subscription(), 'evt_1', 20);

    const decision = decideSubscriptionChange(
      stored,
      subscription(),
      { eventId: 'evt_2', eventCreated: 21 },
      'event',
      NOW,
    );

    expect(decision.kind).toBe('write');
    if (decision.kind === 'write') {
      expect(decision.record.revision).toBe(2);
      expect(decision.record.subscriptions.sub_1?.asOf.eventId).toBe('evt_2');
    }
  });

  it('asks for a fetch when a different event ties and disagrees', () => {
    const stored = storedWith(subscription(), 'evt_1', 20);

    const decision = decideSubscriptionChange(
      stored,
      subscription({ status: 'canceled' }),
      { eventId: 'evt_2', eventCreated: 20 },
      'event',
      NOW,
    );

    expect(decision).toEqual({ kind: 'fetch' });
  });

  it('skips a tie that agrees with the stored state', () => {
    const stored = storedWith(subscription(), 'evt_1', 20);

    const decision = decideSubscriptionChange(
      stored,
      subscription(),
      { eventId: 'evt_2', eventCreated: 20 },
      'event',
      NOW,
    );

    expect(decision).toEqual({ kind: 'skip', outcome: 'applied' });
  });

  it('writes a fetched state on a tie, marked as fetched', () => {
    const stored = storedWith(subscription(), 'evt_1', 20);

    const decision = decideSubscriptionChange(
      stored,
      subscription({ status: 'canceled' }),
      { eventId: 'evt_2', eventCreated: 20 },
      'fetch',
      NOW,
    );

    expect(decision.kind).toBe('write');
    if (decision.kind === 'write') {
      expect(decision.record.subscriptions.sub_1).toMatchObject({
        status: 'canceled',
        asOf: { eventCreated: 20, eventId: 'evt_2', source: 'fetch' },
      });
    }
  });

  it('treats the same event again as a duplicate', () => {
    const stored = storedWith(subscription(), 'evt_1', 20);

    const decision = decideSubscriptionChange(
      stored,
      subscription(),
      { eventId: 'evt_1', eventCreated: 20 },
      'event',
      NOW,
    );

    expect(decision).toEqual({ kind: 'skip', outcome: 'duplicate' });
  });

  it('never replaces the user a customer is linked to', () => {
    const stored = storedWith(subscription({ userId: 'user_1' }), 'evt_1', 20);

    const decision = decideSubscriptionChange(
      stored,
      subscription({ userId: 'user_2', status: 'past_due' }),
      { eventId: 'evt_2', eventCreated: 21 },
      'event',
      NOW,
    );

    expect(decision.kind === 'write' && decision.record.userId).toBe('user_1');
  });
});

describe('Function: decideInvoiceChange', () => {
  it('keeps a newer invoice when an event about an older one arrives', () => {
    const first = decideInvoiceChange(
      undefined,
      invoice({ invoiceId: 'in_2', created: 200 }),
      { eventId: 'evt_1', eventCreated: 200 },
      'event',
      NOW,
    );
    if (first.kind !== 'write') throw new Error('expected a write');

    const decision = decideInvoiceChange(
      first.record,
      invoice({ invoiceId: 'in_1', created: 100, paymentStatus: 'void' }),
      { eventId: 'evt_2', eventCreated: 300 },
      'event',
      NOW,
    );

    expect(decision).toEqual({ kind: 'skip', outcome: 'stale' });
  });
});

describe('Function: decideCustomerChange', () => {
  it('marks a customer deleted and keeps it deleted', () => {
    const deleted = decideCustomerChange(
      undefined,
      { customerId: 'cus_1', deleted: true },
      NOW,
    );
    if (deleted.kind !== 'write') throw new Error('expected a write');

    const linked = decideCustomerChange(
      deleted.record,
      { customerId: 'cus_1', userId: 'user_1' },
      NOW,
    );

    expect(linked.kind === 'write' && linked.record).toMatchObject({
      deleted: true,
      userId: 'user_1',
      revision: 2,
    });
  });
});
