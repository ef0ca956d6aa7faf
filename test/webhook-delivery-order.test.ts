import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeEvent } from '../src/webhook/testing/signed-event.js';
import {
  checkoutSessionObject,
  invoiceObject,
  subscriptionObject,
} from '../src/webhook/testing/stripe-objects.js';
import { WebhookHarness } from '../src/webhook/testing/webhook-harness.js';

const T0 = 1_796_291_000;

/**
 * A whole lifecycle as Stripe emits it, with ties in `created`: checkout
 * and creation in one second, payment and activation in the next (with a
 * plan change in the same second), then a failed renewal, past_due and the
 * deletion in a third.
 */
function lifecycle(customer: string) {
  const subscription = `sub_${customer}`;
  const userId = `user_${customer}`;
  const sub = (status: string, priceId: string) =>
    subscriptionObject({ id: subscription, customer, status, priceId, userId });
  const invoice = (id: string, status: 'paid' | 'open', created: number) =>
    invoiceObject({ id, customer, subscription, status, created });
  const events = [
    [
      'checkout.session.completed',
      T0,
      checkoutSessionObject({
        id: `cs_${customer}`,
        customer,
        userId,
        subscription,
      }),
    ],
    ['customer.subscription.created', T0, sub('incomplete', 'price_pro_month')],
    ['invoice.paid', T0 + 1, invoice(`in_1_${customer}`, 'paid', T0)],
    ['customer.subscription.updated', T0 + 1, sub('active', 'price_pro_month')],
    [
      'customer.subscription.updated',
      T0 + 1,
      sub('active', 'price_team_month'),
    ],
    [
      'invoice.payment_failed',
      T0 + 2,
      invoice(`in_2_${customer}`, 'open', T0 + 2),
    ],
    [
      'customer.subscription.updated',
      T0 + 2,
      sub('past_due', 'price_team_month'),
    ],
    [
      'customer.subscription.deleted',
      T0 + 2,
      sub('canceled', 'price_team_month'),
    ],
  ] as const;
  return {
    events: events.map(([type, created, object], index) =>
      makeEvent({ id: `evt_${customer}_${index}`, type, created, object }),
    ),
    finalSubscription: sub('canceled', 'price_team_month'),
    finalInvoices: [
      invoice(`in_1_${customer}`, 'paid', T0),
      invoice(`in_2_${customer}`, 'open', T0 + 2),
    ],
  };
}

/** A deterministic shuffle (seeded linear congruential generator). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let index = result.length - 1; index > 0; index--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

describe('Webhook: final state under any delivery order', () => {
  let harness: WebhookHarness;

  beforeAll(async () => {
    harness = await WebhookHarness.start();
  });

  afterAll(async () => {
    await harness.stop();
  });

  const orders: Array<[string, (events: object[]) => object[]]> = [
    ['in order', (events) => events],
    ['in reverse', (events) => [...events].reverse()],
    ...[1, 2, 3, 4, 5, 6].map(
      (seed): [string, (events: object[]) => object[]] => [
        `shuffled (seed ${seed})`,
        (events) => shuffle(events, seed),
      ],
    ),
  ];

  it.each(orders)(
    "ends with Stripe's current state when delivered %s, each twice at once",
    async (name, order) => {
      const customer = `cus_${name.replace(/\W/g, '')}`;
      const { events, finalSubscription, finalInvoices } = lifecycle(customer);
      harness.reader.subscriptions.set(finalSubscription.id, finalSubscription);
      for (const invoice of finalInvoices) {
        harness.reader.invoices.set(invoice.id, invoice);
      }

      for (const event of order(events)) {
        const answers = await Promise.all([
          harness.deliver(event as Record<string, unknown>),
          harness.deliver(event as Record<string, unknown>),
        ]);
        if (answers.some((answer) => answer.status === 409)) {
          await harness.deliverUntilSettled(event as Record<string, unknown>);
        }
        expect(answers.map((answer) => answer.status)).toContain(200);
      }

      const record = await harness.getCustomer(customer);
      expect(record?.userId).toBe(`user_${customer}`);
      expect(record?.subscriptions[`sub_${customer}`]).toMatchObject({
        status: 'canceled',
        priceId: 'price_team_month',
        planKey: 'team',
        interval: 'month',
      });
      expect(record?.latestInvoice).toMatchObject({
        invoiceId: `in_2_${customer}`,
        paymentStatus: 'failed',
      });
    },
  );

  it('re-fetches only on ties: in order, 2 reads for 8 events', async () => {
    const { events, finalSubscription, finalInvoices } = lifecycle('cus_cost');
    harness.reader.subscriptions.set(finalSubscription.id, finalSubscription);
    for (const invoice of finalInvoices) {
      harness.reader.invoices.set(invoice.id, invoice);
    }
    const readsBefore = harness.reader.reads;

    for (const event of events) await harness.deliver(event);

    expect(harness.reader.reads - readsBefore).toBe(2);
  });
});
