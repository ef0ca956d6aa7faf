import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { makeEvent } from '../../src/webhook/testing/signed-event.js';
import { subscriptionObject } from '../../src/webhook/testing/stripe-objects.js';
import {
  subscriptionPayload,
  WEBHOOK_CASES,
} from './support/bad-webhook-deliveries.js';
import {
  FAULT_AUDIENCE,
  FAULT_ISSUER,
  FAULT_ORIGIN,
  type FaultWorld,
  startFaultWorld,
} from './support/fault-world.js';

const CHECKOUT = '/api/billing/checkout-session';
const SUBSCRIPTION = '/api/billing/subscription';

describe('Fault suite: bad input changes nothing', () => {
  let world: FaultWorld;

  beforeAll(async () => {
    vi.stubEnv('LOG_LEVEL', 'SILENT');
    world = await startFaultWorld();
    const seed = subscriptionPayload('evt_seed', world.nowSeconds - 60);
    expect((await world.post(seed)).status).toBe(200);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await world.stop();
  });

  describe('the webhook', () => {
    it.each(WEBHOOK_CASES)(
      'answers %s with the right status and writes nothing',
      async (_name, send, expectedStatus) => {
        const before = await world.contents.readAll();

        const status = await send(world);

        expect(status).toBe(expectedStatus);
        expect(await world.contents.readAll()).toEqual(before);
      },
    );

    it('stores an event for an unknown customer unlinked, guessing no user from the email', async () => {
      const object = subscriptionObject({
        id: 'sub_stranger',
        customer: 'cus_stranger',
        status: 'active',
        priceId: 'price_pro_month',
      });
      const event = makeEvent({
        id: 'evt_stranger',
        type: 'customer.subscription.created',
        created: world.nowSeconds,
        object: { ...object, customer_email: 'user_evt_seed@example.com' },
      });
      const before = await world.contents.readAll();

      const delivery = await world.deliver(event);

      const after = await world.contents.readAll();
      expect(delivery.status).toBe(200);
      const stranger = after.customers.find(
        (item) => item.customerId === 'cus_stranger',
      );
      expect(stranger).toBeDefined();
      expect(stranger).not.toHaveProperty('userId');
      expect(after.customers.filter((item) => item !== stranger)).toEqual(
        before.customers,
      );
      expect(after.objects).toEqual(before.objects);
    });
  });

  describe('the billing API', () => {
    const validBody = { plan: 'pro', interval: 'month' };

    async function request(
      path: string,
      init: { token?: string; body?: string; origin?: string } = {},
    ) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
      };
      if (init.token !== undefined) headers.authorization = init.token;
      if (init.origin !== undefined) headers.origin = init.origin;
      return world.api.request(path, {
        method: init.body === undefined ? 'GET' : 'POST',
        headers,
        ...(init.body === undefined ? {} : { body: init.body }),
      });
    }

    async function bearer(userId = 'user_api') {
      return `Bearer ${await world.tokenFor(userId)}`;
    }

    async function foreignToken(claims: {
      iss?: string;
      aud?: string;
      exp?: number;
    }) {
      return `Bearer ${await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('user_api')
        .setIssuer(claims.iss ?? FAULT_ISSUER)
        .setAudience(claims.aud ?? FAULT_AUDIENCE)
        .setIssuedAt(world.nowSeconds - 7200)
        .setExpirationTime(claims.exp ?? world.nowSeconds + 3600)
        .sign((await generateKeyPair('ES256')).privateKey)}`;
    }

    const TOKEN_CASES: readonly [string, () => Promise<string | undefined>][] =
      [
        ['no token', async () => undefined],
        ['a malformed token', async () => 'Bearer not.a-token'],
        ['a Basic credential', async () => 'Basic dXNlcjpwYXNz'],
        [
          'an expired token',
          async () => {
            const token = await bearer();
            world.nowMs += 2 * 3600 * 1000;
            return token;
          },
        ],
        [
          'a token of another issuer',
          async () => {
            const token = await world.tokenFor('user_api', {
              iss: 'https://evil.example',
            });
            return `Bearer ${token}`;
          },
        ],
        [
          'a token for another audience',
          async () =>
            `Bearer ${await world.tokenFor('user_api', { aud: 'other-api' })}`,
        ],
        ['a token signed by another key', () => foreignToken({})],
        [
          'an unsigned token (alg none)',
          async () =>
            `Bearer ${new UnsecuredJWT({ email: 'user_api@example.com' })
              .setSubject('user_api')
              .setIssuer(FAULT_ISSUER)
              .setAudience(FAULT_AUDIENCE)
              .setExpirationTime(world.nowSeconds + 3600)
              .encode()}`,
        ],
      ];

    it.each(TOKEN_CASES)(
      'answers 401 to a checkout with %s and writes nothing',
      async (_name, makeToken) => {
        const startMs = world.nowMs;
        const before = await world.contents.readAll();
        const stripeCalls = world.recordingStripe.customerCalls.length;
        const token = await makeToken();

        const response = await request(CHECKOUT, {
          body: JSON.stringify(validBody),
          ...(token === undefined ? {} : { token }),
        });

        world.nowMs = startMs;
        expect(response.status).toBe(401);
        expect(await world.contents.readAll()).toEqual(before);
        expect(world.recordingStripe.customerCalls).toHaveLength(stripeCalls);
      },
    );

    it.each([
      ['malformed JSON', '{"plan": "pro", ', 400],
      ['a plan that is a number', '{"plan": 5, "interval": "month"}', 400],
      ['an unknown interval', '{"plan": "pro", "interval": "weekly"}', 400],
      [
        'a quantity of zero',
        '{"plan":"pro","interval":"month","quantity":0}',
        400,
      ],
      [
        'a fractional quantity',
        '{"plan":"pro","interval":"month","quantity":1.5}',
        400,
      ],
      [
        'a quantity as text',
        '{"plan":"pro","interval":"month","quantity":"2"}',
        400,
      ],
      ['an unknown plan', '{"plan": "enterprise", "interval": "month"}', 400],
      [
        'a plan without that interval',
        '{"plan": "team", "interval": "year"}',
        400,
      ],
      [
        'a client-supplied price',
        '{"plan":"pro","interval":"month","price":"price_evil"}',
        400,
      ],
      [
        'a client-supplied success_url',
        '{"plan":"pro","interval":"month","success_url":"https://evil.example"}',
        400,
      ],
      ['an array body', '[{"plan":"pro","interval":"month"}]', 400],
    ])(
      'answers a checkout with %s with 400 and writes nothing',
      async (_name, body, expectedStatus) => {
        const before = await world.contents.readAll();
        const customerCalls = world.recordingStripe.customerCalls.length;
        const checkoutCalls = world.recordingStripe.checkoutCalls.length;

        const response = await request(CHECKOUT, {
          token: await bearer(),
          body,
        });

        expect(response.status).toBe(expectedStatus);
        expect(await world.contents.readAll()).toEqual(before);
        expect(world.recordingStripe.customerCalls).toHaveLength(customerCalls);
        expect(world.recordingStripe.checkoutCalls).toHaveLength(checkoutCalls);
      },
    );

    it.each(['https://evil.example', 'null', `${FAULT_ORIGIN}.evil.example`])(
      'gives a browser at %s no Access-Control-Allow-Origin and writes nothing',
      async (origin) => {
        const before = await world.contents.readAll();

        const preflight = await world.api.request(CHECKOUT, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type',
          },
        });
        const read = await request(SUBSCRIPTION, {
          token: await bearer(),
          origin,
        });

        expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
        expect(read.headers.get('access-control-allow-origin')).toBeNull();
        expect(await world.contents.readAll()).toEqual(before);
      },
    );

    it('gives the configured origin its Access-Control-Allow-Origin', async () => {
      const read = await request(SUBSCRIPTION, {
        token: await bearer(),
        origin: FAULT_ORIGIN,
      });

      expect(read.headers.get('access-control-allow-origin')).toBe(
        FAULT_ORIGIN,
      );
    });

    it('sees the writes of a valid checkout, so the checks above can fail', async () => {
      const before = await world.contents.readAll();

      const response = await request(CHECKOUT, {
        token: await bearer('user_control'),
        body: JSON.stringify(validBody),
      });

      expect(response.status).toBe(200);
      expect(await world.contents.readAll()).not.toEqual(before);
    });
  });
});
