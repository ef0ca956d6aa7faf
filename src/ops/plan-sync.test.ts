import { describe, expect, it } from 'vitest';

import type { CustomerRecord } from '../domain/customer-record.js';
import type { CustomerTruth } from './customer-truth.js';
import { planSync } from './plan-sync.js';

const NOW_ISO = '2026-12-03T10:00:00.000Z';
const SYNC_POINT = {
  eventCreated: 500,
  eventId: 'sync_1',
  source: 'sync',
} as const;
const stamp = () => SYNC_POINT;

const subscription = {
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
  created: 90,
} as const;

const invoice = {
  customerId: 'cus_1',
  invoiceId: 'in_2',
  subscriptionId: 'sub_1',
  paymentStatus: 'paid',
  amountDue: 2000,
  currency: 'usd',
  created: 150,
} as const;

function truth(overrides: Partial<CustomerTruth> = {}): CustomerTruth {
  return {
    customer: { customerId: 'cus_1', email: 'a@example.com', userId: 'user_1' },
    subscriptions: [subscription],
    latestInvoice: invoice,
    ...overrides,
  };
}

function stored(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  const { customerId, ...fields } = subscription;
  const { customerId: _invoiceCustomer, ...invoiceFields } = invoice;
  return {
    customerId: 'cus_1',
    userId: 'user_1',
    email: 'a@example.com',
    subscriptions: {
      sub_1: {
        ...fields,
        asOf: { eventCreated: 120, eventId: 'evt_1', source: 'event' },
      },
    },
    latestInvoice: {
      ...invoiceFields,
      asOf: { eventCreated: 160, eventId: 'evt_2', source: 'event' },
    },
    revision: 3,
    createdAt: NOW_ISO,
    updatedAt: NOW_ISO,
    ...overrides,
  };
}

describe('Function: planSync', () => {
  it('plans nothing when the record equals Stripe', () => {
    const plan = planSync(stored(), truth(), stamp, NOW_ISO);

    expect(plan).toEqual({ changes: [] });
  });

  it('builds a new record from Stripe when none is stored', () => {
    const plan = planSync(undefined, truth(), stamp, NOW_ISO);

    expect(plan.record).toMatchObject({
      customerId: 'cus_1',
      userId: 'user_1',
      revision: 1,
      subscriptions: { sub_1: { status: 'active', asOf: SYNC_POINT } },
      latestInvoice: { invoiceId: 'in_2', asOf: SYNC_POINT },
    });
  });

  it('names the drifted field and stamps only the piece that changed', () => {
    const pastDue = { ...subscription, status: 'past_due' } as const;

    const plan = planSync(
      stored(),
      truth({ subscriptions: [pastDue] }),
      stamp,
      NOW_ISO,
    );

    expect(plan.changes).toEqual([
      {
        field: 'subscriptions.sub_1.status',
        stored: 'active',
        stripe: 'past_due',
      },
    ]);
    expect(plan.record?.revision).toBe(4);
    expect(plan.record?.subscriptions.sub_1?.asOf).toEqual(SYNC_POINT);
    expect(plan.record?.latestInvoice?.asOf.eventId).toBe('evt_2');
  });

  it('never replaces the user a customer is linked to', () => {
    const other = {
      customerId: 'cus_1',
      email: 'a@example.com',
      userId: 'user_2',
    };

    const plan = planSync(stored(), truth({ customer: other }), stamp, NOW_ISO);

    expect(plan.changes).toEqual([]);
  });

  it('keeps a stored invoice that is newer than the one Stripe lists', () => {
    const older = { ...invoice, invoiceId: 'in_1', created: 100 };

    const plan = planSync(
      stored(),
      truth({ latestInvoice: older }),
      stamp,
      NOW_ISO,
    );

    expect(plan.changes).toEqual([]);
  });

  it('keeps a deletion final', () => {
    const plan = planSync(stored({ deleted: true }), truth(), stamp, NOW_ISO);

    expect(plan.changes).toEqual([]);
  });
});
