import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeEvent, signPayload } from './testing/signed-event.js';
import { olderObject } from './testing/stripe-fixtures.js';
import {
  checkoutSessionObject,
  invoiceObject,
  subscriptionObject,
} from './testing/stripe-objects.js';
import {
  NOW_SECONDS,
  TEST_SECRETS,
  WebhookHarness,
} from './testing/webhook-harness.js';

function subscriptionEvent(id: string, customer: string, status = 'active') {
  return makeEvent({
    id,
    type: 'customer.subscription.updated',
    created: NOW_SECONDS - 10,
    object: subscriptionObject({
      id: `sub_${customer}`,
      customer,
      status,
      priceId: 'price_pro_month',
      userId: `user_${customer}`,
    }),
  });
}

describe('Function: createWebhookApp', () => {
  let harness: WebhookHarness;

  beforeAll(async () => {
    harness = await WebhookHarness.start();
  });

  afterAll(async () => {
    await harness.stop();
  });

  describe('signature verification', () => {
    it('answers 400 when the signature header is missing', async () => {
      const payload = JSON.stringify(subscriptionEvent('evt_nosig', 'cus_a'));

      const response = await harness.service.app.request('/webhook', {
        method: 'POST',
        body: payload,
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: 'signature_missing' },
      });
      expect(await harness.getLedgerItem('evt_nosig')).toBeUndefined();
    });

    it('answers 400 when the header is malformed', async () => {
      const payload = JSON.stringify(subscriptionEvent('evt_bad', 'cus_b'));

      const delivery = await harness.post(payload, { header: 'garbage' });

      expect(delivery.status).toBe(400);
      expect(delivery.body).toMatchObject({
        error: {
          code: 'signature_invalid',
          message: expect.stringContaining('Unable to extract timestamp'),
        },
      });
    });

    it('answers 400 and writes nothing when signed with a wrong secret', async () => {
      const payload = JSON.stringify(subscriptionEvent('evt_wrong', 'cus_c'));

      const delivery = await harness.post(payload, {
        secret: 'whsec_someoneElsesSecret',
      });

      expect(delivery.status).toBe(400);
      expect(await harness.getLedgerItem('evt_wrong')).toBeUndefined();
      expect(await harness.getCustomer('cus_c')).toBeUndefined();
    });

    it('answers 400 when the signature is older than 300 seconds', async () => {
      const payload = JSON.stringify(subscriptionEvent('evt_old', 'cus_d'));

      const delivery = await harness.post(payload, {
        timestamp: NOW_SECONDS - 301,
      });

      expect(delivery.status).toBe(400);
      expect(delivery.body).toMatchObject({
        error: { message: expect.stringContaining('tolerance') },
      });
      expect(await harness.getCustomer('cus_d')).toBeUndefined();
    });

    it('accepts a signature 299 seconds old', async () => {
      const payload = JSON.stringify(subscriptionEvent('evt_recent', 'cus_e'));

      const delivery = await harness.post(payload, {
        timestamp: NOW_SECONDS - 299,
      });

      expect(delivery.status).toBe(200);
    });

    it('accepts an event signed with the previous secret during rotation', async () => {
      const payload = JSON.stringify(subscriptionEvent('evt_prev', 'cus_f'));

      const delivery = await harness.post(payload, {
        secret: TEST_SECRETS.STRIPE_WEBHOOK_SECRET_PREVIOUS,
      });

      expect(delivery.status).toBe(200);
      expect((await harness.getCustomer('cus_f'))?.userId).toBe('user_cus_f');
    });

    it('answers 400 when a verified body is not an event', async () => {
      const delivery = await harness.post(JSON.stringify({ hello: 'world' }));

      expect(delivery.status).toBe(400);
      expect(delivery.body).toMatchObject({ error: { code: 'not_an_event' } });
    });

    it('answers 400 when a verified body is not JSON', async () => {
      const delivery = await harness.post('not json at all');

      expect(delivery.status).toBe(400);
      expect(delivery.body).toMatchObject({ error: { code: 'not_an_event' } });
    });

    it('answers 400 when one byte of the body changed after signing', async () => {
      const payload = JSON.stringify(subscriptionEvent('evt_tamper', 'cus_g'));
      const header = signPayload(
        payload,
        TEST_SECRETS.STRIPE_WEBHOOK_SECRET,
        NOW_SECONDS,
      );

      const delivery = await harness.post(payload.replace('cus_g', 'cus_h'), {
        header,
      });

      expect(delivery.status).toBe(400);
      expect(await harness.getCustomer('cus_h')).toBeUndefined();
    });
  });

  describe('what is refused before any write', () => {
    it('refuses a live-mode event when the keys are test keys', async () => {
      const event = { ...subscriptionEvent('evt_live', 'cus_live') };
      event.livemode = true;

      const delivery = await harness.deliver(event);

      expect(delivery.status).toBe(400);
      expect(delivery.body).toMatchObject({
        error: { code: 'livemode_mismatch' },
      });
      expect(await harness.getLedgerItem('evt_live')).toBeUndefined();
      expect(await harness.getCustomer('cus_live')).toBeUndefined();
    });

    it('answers 413 for a body over 1 MB', async () => {
      const event = subscriptionEvent('evt_big', 'cus_big');
      const payload = JSON.stringify({
        ...event,
        padding: 'x'.repeat(1 << 20),
      });

      const delivery = await harness.post(payload);

      expect(delivery.status).toBe(413);
      expect(await harness.getLedgerItem('evt_big')).toBeUndefined();
    });
  });

  describe('verified events', () => {
    it('answers 200 for an event type it does not act on, writing nothing', async () => {
      const event = makeEvent({
        id: 'evt_plan',
        type: 'plan.created',
        created: NOW_SECONDS,
        object: { id: 'plan_1', object: 'plan' },
      });

      const delivery = await harness.deliver(event);

      expect(delivery.status).toBe(200);
      expect(delivery.body).toEqual({ received: true, outcome: 'ignored' });
      expect(await harness.getLedgerItem('evt_plan')).toBeUndefined();
    });

    it('links the customer to the user named by checkout', async () => {
      const event = makeEvent({
        id: 'evt_checkout',
        type: 'checkout.session.completed',
        created: NOW_SECONDS,
        object: checkoutSessionObject({
          id: 'cs_1',
          customer: 'cus_checkout',
          userId: 'user_42',
          subscription: 'sub_checkout',
        }),
      });

      const delivery = await harness.deliver(event);

      const record = await harness.getCustomer('cus_checkout');
      expect(delivery.status).toBe(200);
      expect(record).toMatchObject({ userId: 'user_42', revision: 1 });
      expect(await harness.getLedgerItem('evt_checkout')).toMatchObject({
        status: 'done',
        outcome: 'applied',
        type: 'checkout.session.completed',
      });
    });

    it('answers a redelivered finished event with 200 and no new write', async () => {
      const event = subscriptionEvent('evt_twice', 'cus_twice');
      await harness.deliver(event);

      const again = await harness.deliver(event);

      expect(again.body).toEqual({ received: true, outcome: 'duplicate' });
      expect((await harness.getCustomer('cus_twice'))?.revision).toBe(1);
    });

    it('applies an event delivered twice at once exactly once', async () => {
      const event = subscriptionEvent('evt_race', 'cus_race');

      const answers = await Promise.all([
        harness.deliver(event),
        harness.deliver(event),
      ]);

      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses[0]).toBe(200);
      expect([200, 409]).toContain(statuses[1]);
      const inFlight = answers.find((answer) => answer.status === 409);
      if (inFlight) expect(Number(inFlight.retryAfter)).toBeGreaterThan(0);
      expect((await harness.getCustomer('cus_race'))?.revision).toBe(1);
    });

    it('stores a subscription created outside the app without a user', async () => {
      const object = subscriptionObject({
        id: 'sub_dashboard',
        customer: 'cus_dashboard',
        status: 'active',
        priceId: 'price_unknown',
      });
      const event = makeEvent({
        id: 'evt_dashboard',
        type: 'customer.subscription.created',
        created: NOW_SECONDS,
        object: { ...object, customer_email: 'known@example.com' },
      });

      const delivery = await harness.deliver(event);

      const record = await harness.getCustomer('cus_dashboard');
      expect(delivery.status).toBe(200);
      expect(record?.userId).toBeUndefined();
      expect(record?.subscriptions.sub_dashboard).toMatchObject({
        status: 'active',
        priceId: 'price_unknown',
        planKey: null,
      });
    });

    it('archives the invoice of a paid-invoice event under customer and invoice id', async () => {
      const invoice = invoiceObject({
        id: 'in_archive',
        customer: 'cus_archive',
        subscription: 'sub_archive',
        status: 'paid',
        created: NOW_SECONDS - 100,
      });
      const event = makeEvent({
        id: 'evt_invoice_paid',
        type: 'invoice.paid',
        created: NOW_SECONDS,
        object: invoice,
      });

      await harness.deliver(event);
      await harness.deliver(event);

      const archived = await harness.getArchivedInvoice(
        'cus_archive',
        'in_archive',
      );
      const record = await harness.getCustomer('cus_archive');
      expect(archived).toEqual(invoice);
      expect(record?.latestInvoice).toMatchObject({
        invoiceId: 'in_archive',
        subscriptionId: 'sub_archive',
        paymentStatus: 'paid',
      });
    });

    it('applies an event in an older API shape (plan, top-level period)', async () => {
      const event = makeEvent({
        id: 'evt_older_shape',
        type: 'customer.subscription.updated',
        created: NOW_SECONDS,
        object: olderObject('subscription.updated'),
      });

      const delivery = await harness.deliver(event);

      const record = await harness.getCustomer('cus_00000000000000');
      expect(delivery.status).toBe(200);
      expect(record?.subscriptions.sub_00000000000000).toMatchObject({
        status: 'canceled',
        priceId: 'FFBEGINNER_00000000000000',
        quantity: 2,
        currentPeriodEnd: 1488987924,
      });
    });

    it('marks a customer deleted on customer.deleted', async () => {
      const event = makeEvent({
        id: 'evt_customer_deleted',
        type: 'customer.deleted',
        created: NOW_SECONDS,
        object: olderObject('customer.deleted'),
      });

      const delivery = await harness.deliver(event);

      expect(delivery.status).toBe(200);
      expect(await harness.getCustomer('cus_EGxrcooteA3WAb')).toMatchObject({
        deleted: true,
        revision: 1,
      });
    });

    it('answers 200 and changes nothing for trial_will_end', async () => {
      const event = makeEvent({
        id: 'evt_trial',
        type: 'customer.subscription.trial_will_end',
        created: NOW_SECONDS,
        object: {
          ...olderObject<Record<string, unknown>>(
            'subscription.trial_will_end',
          ),
          customer: 'cus_trial',
        },
      });

      const delivery = await harness.deliver(event);

      expect(delivery.body).toEqual({ received: true, outcome: 'ignored' });
      expect(await harness.getCustomer('cus_trial')).toBeUndefined();
    });
  });
});
