import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { makeSubscriptionView } from '../domain/billing-view.js';
import { makeEvent } from './testing/signed-event.js';
import {
  checkoutSessionObject,
  invoiceObject,
  subscriptionObject,
} from './testing/stripe-objects.js';
import {
  NOW_SECONDS,
  TEST_PLANS,
  WebhookHarness,
} from './testing/webhook-harness.js';

type Fields = Record<string, unknown>;

const CREATED = NOW_SECONDS - 30;

function subscription(overrides: Fields, itemOverrides: Fields = {}) {
  const object = subscriptionObject({
    id: 'sub_odd',
    customer: 'cus_odd',
    status: 'active',
    priceId: 'price_pro_month',
    userId: 'user_odd',
  });
  const items = object.items?.data ?? [];
  return {
    ...object,
    items: { data: items.map((item) => ({ ...item, ...itemOverrides })) },
    ...overrides,
  };
}

function invoice(overrides: Fields) {
  return {
    ...invoiceObject({
      id: 'in_odd',
      customer: 'cus_odd',
      subscription: 'sub_odd',
      status: 'paid',
      created: CREATED,
    }),
    ...overrides,
  };
}

function event(id: string, type: string, object: unknown) {
  return makeEvent({ id, type, created: CREATED, object });
}

const SUBSCRIPTION_UPDATED = 'customer.subscription.updated';

/** Verified events whose object Stripe never sends, and the reason. */
const REJECTED: readonly [string, Fields, string][] = [
  [
    'an empty customer id',
    event('evt_r1', SUBSCRIPTION_UPDATED, subscription({ customer: '' })),
    'invalid_id',
  ],
  [
    'a customer id over 2 KB',
    event(
      'evt_r2',
      SUBSCRIPTION_UPDATED,
      subscription({ customer: `cus_${'a'.repeat(2100)}` }),
    ),
    'invalid_id',
  ],
  [
    'a customer id naming an internal claim key',
    event(
      'evt_r3',
      SUBSCRIPTION_UPDATED,
      subscription({ customer: 'claim#user#user_odd' }),
    ),
    'invalid_id',
  ],
  [
    'a subscription id of __proto__',
    event('evt_r4', SUBSCRIPTION_UPDATED, subscription({ id: '__proto__' })),
    'invalid_id',
  ],
  [
    'a trial end of 1e20',
    event('evt_r5', SUBSCRIPTION_UPDATED, subscription({ trial_end: 1e20 })),
    'invalid_time',
  ],
  [
    'a trial end that is a string',
    event('evt_r6', SUBSCRIPTION_UPDATED, subscription({ trial_end: 'x' })),
    'invalid_time',
  ],
  [
    'a period end of "soon"',
    event(
      'evt_r7',
      SUBSCRIPTION_UPDATED,
      subscription({}, { current_period_end: 'soon' }),
    ),
    'invalid_time',
  ],
  [
    'a period end of -1e15',
    event(
      'evt_r8',
      SUBSCRIPTION_UPDATED,
      subscription({}, { current_period_end: -1e15 }),
    ),
    'invalid_time',
  ],
  [
    'a period end past the largest date',
    event(
      'evt_r9',
      SUBSCRIPTION_UPDATED,
      subscription({}, { current_period_end: 8.64e12 + 1 }),
    ),
    'invalid_time',
  ],
  [
    'cancel_at_period_end of "yes"',
    event(
      'evt_r10',
      SUBSCRIPTION_UPDATED,
      subscription({ cancel_at_period_end: 'yes' }),
    ),
    'invalid_boolean',
  ],
  [
    'a negative quantity',
    event('evt_r11', SUBSCRIPTION_UPDATED, subscription({}, { quantity: -3 })),
    'invalid_quantity',
  ],
  [
    'a status of "Active"',
    event('evt_r12', SUBSCRIPTION_UPDATED, subscription({ status: 'Active' })),
    'invalid_status',
  ],
  [
    'a null status',
    event('evt_r13', SUBSCRIPTION_UPDATED, subscription({ status: null })),
    'invalid_status',
  ],
  [
    'a subscription without a customer',
    event('evt_r14', SUBSCRIPTION_UPDATED, subscription({ customer: null })),
    'missing_customer',
  ],
  [
    'an invoice whose customer id climbs out of the folder',
    event(
      'evt_r15',
      'invoice.paid',
      invoice({ customer: '../../../tmp/x/pwned' }),
    ),
    'invalid_id',
  ],
  [
    'an invoice id that climbs out of the prefix',
    event('evt_r16', 'invoice.paid', invoice({ id: '../../etc/x' })),
    'invalid_id',
  ],
  [
    'an invoice without an id',
    event('evt_r17', 'invoice.paid', invoice({ id: undefined })),
    'invalid_id',
  ],
  [
    'an invoice without a customer',
    event('evt_r18', 'invoice.payment_failed', invoice({ customer: null })),
    'missing_customer',
  ],
  [
    'customer.deleted without an id',
    event('evt_r19', 'customer.deleted', { object: 'customer', deleted: true }),
    'missing_customer',
  ],
  [
    'customer.deleted with a numeric id',
    event('evt_r20', 'customer.deleted', { id: 42, deleted: true }),
    'invalid_id',
  ],
  [
    'a checkout session whose customer is a number',
    event('evt_r21', 'checkout.session.completed', {
      ...checkoutSessionObject({
        id: 'cs_odd',
        customer: 'cus_odd',
        userId: 'user_odd',
        subscription: 'sub_odd',
      }),
      customer: 12,
    }),
    'invalid_id',
  ],
];

describe('Webhook: verified events with malformed objects', () => {
  let harness: WebhookHarness;

  beforeAll(async () => {
    vi.stubEnv('LOG_LEVEL', 'SILENT');
    harness = await WebhookHarness.start();
    const seed = event('evt_seed', SUBSCRIPTION_UPDATED, subscription({}));
    const seeded = await harness.deliver({ ...seed, created: CREATED - 100 });
    expect(seeded.body).toMatchObject({ outcome: 'applied' });
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await harness.stop();
  });

  it.each(REJECTED)(
    'rejects %s with 200, records the reason and writes nothing else',
    async (_name, malformed, reason) => {
      const customersBefore = await harness.scanCustomers();
      const keysBefore = await harness.listArchiveKeys();

      const delivery = await harness.deliver(malformed);

      expect(delivery.status).toBe(200);
      expect(delivery.body).toEqual({
        received: true,
        outcome: 'rejected',
        reason,
      });
      expect(await harness.getLedgerItem(String(malformed.id))).toMatchObject({
        status: 'done',
        outcome: 'rejected',
        reason,
      });
      expect(await harness.scanCustomers()).toEqual(customersBefore);
      expect(await harness.listArchiveKeys()).toEqual(keysBefore);
    },
  );

  it('answers a redelivery of a rejected event as a duplicate', async () => {
    const malformed = event(
      'evt_rejected_twice',
      SUBSCRIPTION_UPDATED,
      subscription({ created: 1.5e300 }),
    );
    await harness.deliver(malformed);

    const again = await harness.deliver(malformed);

    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: 'duplicate' });
  });

  it.each([
    ['metadata.userId is a number', { metadata: { userId: 7 } }],
    ['metadata.userId is an array', { metadata: { userId: ['a'] } }],
    ['metadata is a string', { metadata: 'userId' }],
  ])('stores the subscription unlinked when %s', async (_name, overrides) => {
    const customer = `cus_unlinked${Object.keys(overrides).length}${_name.length}`;
    const object = { ...subscription(overrides), customer };

    const delivery = await harness.deliver(
      event(`evt_u${_name.length}`, SUBSCRIPTION_UPDATED, object),
    );

    expect(delivery.status).toBe(200);
    const stored = await harness.getCustomer(customer);
    expect(stored?.subscriptions.sub_odd?.status).toBe('active');
    expect(stored).not.toHaveProperty('userId');
  });

  it('links no user when client_reference_id is a number', async () => {
    const session = {
      ...checkoutSessionObject({
        id: 'cs_numeric_ref',
        customer: 'cus_numeric_ref',
        userId: 'user_x',
        subscription: 'sub_odd',
      }),
      client_reference_id: 42,
      metadata: {},
    };

    const delivery = await harness.deliver(
      event('evt_numeric_ref', 'checkout.session.completed', session),
    );

    expect(delivery.status).toBe(200);
    const stored = await harness.getCustomer('cus_numeric_ref');
    expect(stored).toBeDefined();
    expect(stored).not.toHaveProperty('userId');
  });

  it('archives and stores an invoice whose parent userId is an array, unlinked', async () => {
    const object = invoice({
      id: 'in_array_user',
      customer: 'cus_array_user',
      parent: {
        type: 'subscription_details',
        subscription_details: {
          subscription: 'sub_odd',
          metadata: { userId: ['user_a', 'user_b'] },
        },
      },
    });

    const delivery = await harness.deliver(
      event('evt_array_user', 'invoice.paid', object),
    );

    expect(delivery.status).toBe(200);
    const stored = await harness.getCustomer('cus_array_user');
    expect(stored?.latestInvoice?.invoiceId).toBe('in_array_user');
    expect(stored).not.toHaveProperty('userId');
    expect(await harness.listArchiveKeys()).toContain(
      'invoices/cus_array_user/in_array_user.json',
    );
  });

  it('stores a well-formed status Stripe may add later, without access', async () => {
    const object = {
      ...subscription({ status: 'weird' }),
      customer: 'cus_new',
    };

    const delivery = await harness.deliver(
      event('evt_future_status', SUBSCRIPTION_UPDATED, object),
    );

    expect(delivery.status).toBe(200);
    const stored = await harness.getCustomer('cus_new');
    expect(stored?.subscriptions.sub_odd?.status).toBe('weird');
    const view = makeSubscriptionView({
      customers: stored ? [stored] : [],
      plans: TEST_PLANS,
      rules: { grantingStatuses: ['active', 'trialing'], pastDueGraceDays: 0 },
      nowMs: NOW_SECONDS * 1000,
    });
    expect(view).toMatchObject({ status: 'weird', hasAccess: false });
  });
});
