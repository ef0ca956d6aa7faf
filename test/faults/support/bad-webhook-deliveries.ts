import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { handle } from 'hono/aws-lambda';

import {
  makeEvent,
  signPayload,
} from '../../../src/webhook/testing/signed-event.js';
import { subscriptionObject } from '../../../src/webhook/testing/stripe-objects.js';
import { makeHttpApiEvent } from '../../deploy/http-api-event.js';
import { FAULT_SECRETS, type FaultWorld } from './fault-world.js';

/** Secrets of one mode, live, for the refused test-mode event. */
const LIVE_SECRETS = {
  STRIPE_SECRET_KEY: 'sk_live_fault_world_fake',
  STRIPE_PUBLISHABLE_KEY: 'pk_live_faultWorldLivePublishable51QxZ',
  STRIPE_WEBHOOK_SECRET: 'whsec_faultWorldLiveSigningSecret51QxZ',
};

/**
 * A subscription event as Stripe posts it (pretty JSON), for the corpus
 * to mangle one way or another.
 */
export function subscriptionPayload(id: string, created: number): string {
  const event = makeEvent({
    id,
    type: 'customer.subscription.created',
    created,
    object: subscriptionObject({
      id: `sub_${id}`,
      customer: `cus_${id}`,
      status: 'active',
      priceId: 'price_pro_month',
      userId: `user_${id}`,
    }),
  });
  return JSON.stringify(event, null, 2);
}

/**
 * One webhook delivery that must change nothing: its name, how it is
 * sent (answering the status), and the status it must get.
 */
export type WebhookCase = readonly [
  string,
  (world: FaultWorld) => Promise<number>,
  number,
];

/** The webhook corpus: each entry is refused or ignored, never applied. */
export const WEBHOOK_CASES: readonly WebhookCase[] = [
  [
    'no signature header',
    async (world) => {
      const response = await world.webhook.app.request('/webhook', {
        method: 'POST',
        body: subscriptionPayload('evt_nosig', world.nowSeconds),
      });
      return response.status;
    },
    400,
  ],
  [
    'a garbled signature header',
    async (world) => {
      const payload = subscriptionPayload('evt_garbled', world.nowSeconds);
      return (await world.post(payload, { header: 't=abc,v1=%%%' })).status;
    },
    400,
  ],
  [
    'a signature 301 seconds old',
    async (world) => {
      const payload = subscriptionPayload('evt_stale', world.nowSeconds);
      const timestamp = world.nowSeconds - 301;
      return (await world.post(payload, { timestamp })).status;
    },
    400,
  ],
  [
    'a signature made with another secret',
    async (world) => {
      const payload = subscriptionPayload('evt_othersecret', world.nowSeconds);
      return (await world.post(payload, { secret: 'whsec_notOurs' })).status;
    },
    400,
  ],
  [
    'a correctly signed body that is not JSON',
    async (world) => (await world.post('{"id": "evt_cut", "type"')).status,
    400,
  ],
  [
    'correctly signed JSON that is not an event',
    async (world) =>
      (await world.post(JSON.stringify({ id: 'evt_shape', data: [] }))).status,
    400,
  ],
  [
    'a body over 1 MB',
    async (world) => {
      const event = JSON.parse(
        subscriptionPayload('evt_huge', world.nowSeconds),
      );
      const padded = JSON.stringify({ ...event, padding: 'x'.repeat(1 << 20) });
      return (await world.post(padded)).status;
    },
    413,
  ],
  [
    'a base64 API Gateway body whose bytes differ from the signed ones',
    async (world) => {
      const signed = subscriptionPayload('evt_b64', world.nowSeconds);
      const header = signPayload(
        signed,
        FAULT_SECRETS.STRIPE_WEBHOOK_SECRET,
        world.nowSeconds,
      );
      const sent = signed.replace('"active"', '"past_due"');
      const event = {
        ...makeHttpApiEvent({
          method: 'POST',
          path: '/webhook',
          routeKey: 'POST /webhook',
          headers: { 'stripe-signature': header },
        }),
        body: Buffer.from(sent).toString('base64'),
        isBase64Encoded: true,
      } as unknown as LambdaEvent;
      const result = await handle(world.webhook.app)(
        event,
        {} as LambdaContext,
      );
      return result.statusCode;
    },
    400,
  ],
  [
    'a test-mode event sent to a live configuration',
    async (world) => {
      const live = world.makeWebhook(LIVE_SECRETS);
      const payload = subscriptionPayload('evt_testmode', world.nowSeconds);
      const secret = LIVE_SECRETS.STRIPE_WEBHOOK_SECRET;
      return (await world.post(payload, { secret }, live)).status;
    },
    400,
  ],
  [
    'a signed event of a type it does not act on',
    async (world) => {
      const event = makeEvent({
        id: 'evt_unhandled',
        type: 'product.created',
        created: world.nowSeconds,
        object: { id: 'prod_1', object: 'product' },
      });
      return (await world.deliver(event)).status;
    },
    200,
  ],
];
