import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { makeEvent } from './testing/signed-event.js';
import { subscriptionObject } from './testing/stripe-objects.js';
import { NOW_SECONDS, WebhookHarness } from './testing/webhook-harness.js';

function envelope(overrides: Record<string, unknown>) {
  const event = makeEvent({
    id: 'evt_envelope',
    type: 'customer.subscription.updated',
    created: NOW_SECONDS - 30,
    object: subscriptionObject({
      id: 'sub_envelope',
      customer: 'cus_envelope',
      status: 'active',
      priceId: 'price_pro_month',
    }),
  });
  return { ...event, ...overrides };
}

describe('Webhook: verified bodies that cannot be events', () => {
  let harness: WebhookHarness;

  beforeAll(async () => {
    vi.stubEnv('LOG_LEVEL', 'SILENT');
    harness = await WebhookHarness.start();
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await harness.stop();
  });

  it.each([
    ['an event id over 5 KB', { id: `evt_${'a'.repeat(5000)}` }, 'its id'],
    ['an event id of another kind', { id: 'cus_123' }, 'its id'],
    ['a created time of 1.5e300', { created: 1.5e300 }, 'its created time'],
    ['a fractional created time', { created: 1.5 }, 'its created time'],
    ['a type of 5 KB', { type: 'x'.repeat(5000) }, 'its type'],
    ['no data object', { data: { object: 'x' } }, 'no data object'],
    ['another object kind', { object: 'customer' }, 'its object'],
  ])(
    'answers 400 saying what is wrong for %s',
    async (_name, overrides, says) => {
      const delivery = await harness.deliver(envelope(overrides));

      expect(delivery.status).toBe(400);
      const error = delivery.body.error as { code: string; message: string };
      expect(error.code).toBe('not_an_event');
      expect(error.message).toContain(says);
      expect(error.message).not.toContain('valid JSON');
      expect(await harness.scanCustomers()).toEqual([]);
      expect(await harness.getLedgerItem('evt_envelope')).toBeUndefined();
    },
  );

  it('still says "not valid JSON" for a body that is not JSON', async () => {
    const delivery = await harness.post('{"id": "evt_cut", "type"');

    expect(delivery.status).toBe(400);
    expect(delivery.body).toMatchObject({
      error: { code: 'not_an_event', message: expect.stringContaining('JSON') },
    });
  });
});
