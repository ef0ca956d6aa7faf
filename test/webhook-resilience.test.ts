import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { CustomerRecord } from '../src/domain/customer-record.js';
import type { CustomerStore } from '../src/domain/customer-store.js';
import { StoreUnavailableError } from '../src/storage/errors.js';
import { makeEvent, signPayload } from '../src/webhook/testing/signed-event.js';
import { subscriptionObject } from '../src/webhook/testing/stripe-objects.js';
import {
  NOW_SECONDS,
  TEST_SECRETS,
  WebhookHarness,
} from '../src/webhook/testing/webhook-harness.js';

/** Delegates to the real store; fails the next write when armed. */
class FailingOnceStore implements CustomerStore {
  shouldFailNextWrite = false;
  writes = 0;

  constructor(private readonly inner: CustomerStore) {}

  getCustomer(customerId: string) {
    return this.inner.getCustomer(customerId);
  }

  async saveCustomer(record: CustomerRecord) {
    if (this.shouldFailNextWrite) {
      this.shouldFailNextWrite = false;
      throw new StoreUnavailableError(`writing customer ${record.customerId}`);
    }
    await this.inner.saveCustomer(record);
    this.writes++;
  }

  findCustomersByUserId(userId: string) {
    return this.inner.findCustomersByUserId(userId);
  }
}

function subscriptionEvent(id: string, customer: string) {
  return makeEvent({
    id,
    type: 'customer.subscription.created',
    created: NOW_SECONDS - 5,
    object: subscriptionObject({
      id: `sub_${customer}`,
      customer,
      status: 'active',
      priceId: 'price_pro_year',
      userId: `user_${customer}`,
    }),
  });
}

function apiGatewayEvent(
  body: string,
  signature: string,
  isBase64Encoded: boolean,
): LambdaEvent {
  return {
    version: '2.0',
    routeKey: 'POST /webhook',
    rawPath: '/webhook',
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signature,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      authentication: null,
      authorizer: {},
      domainName: 'hooks.example.com',
      domainPrefix: 'hooks',
      http: {
        method: 'POST',
        path: '/webhook',
        protocol: 'HTTP/1.1',
        sourceIp: '203.0.113.1',
        userAgent: 'Stripe/1.0',
      },
      requestId: 'request-1',
      routeKey: 'POST /webhook',
      stage: '$default',
      time: '03/Dec/2026:10:00:00 +0000',
      timeEpoch: NOW_SECONDS * 1000,
    },
    body: isBase64Encoded ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded,
  };
}

describe('Webhook: failures, Lambda bodies and logs', () => {
  let harness: WebhookHarness;
  let store: FailingOnceStore;

  beforeAll(async () => {
    vi.stubEnv('LOG_LEVEL', 'DEBUG');
    harness = await WebhookHarness.start({
      wrapStore: (inner) => {
        store = new FailingOnceStore(inner);
        return store;
      },
    });
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await harness.stop();
  });

  it('answers 503 when the store fails after the claim, and applies the redelivery once', async () => {
    const event = subscriptionEvent('evt_flaky', 'cus_flaky');
    store.shouldFailNextWrite = true;
    const writesBefore = store.writes;

    const first = await harness.deliver(event);
    const ledgerAfterFailure = await harness.getLedgerItem('evt_flaky');
    const second = await harness.deliver(event);
    const third = await harness.deliver(event);

    expect(first.status).toBe(503);
    expect(ledgerAfterFailure).toMatchObject({
      status: 'failed',
      lastError: 'store_unavailable',
    });
    expect(second.body).toEqual({ received: true, outcome: 'applied' });
    expect(third.body).toEqual({ received: true, outcome: 'duplicate' });
    expect(store.writes - writesBefore).toBe(1);
    expect(await harness.getLedgerItem('evt_flaky')).toMatchObject({
      status: 'done',
      attempts: 2,
    });
  });

  it.each([
    ['base64-encoded', true],
    ['plain', false],
  ])(
    'verifies a %s API Gateway body byte for byte',
    async (_name, isBase64) => {
      const customer = isBase64 ? 'cus_base64' : 'cus_plain';
      const payload = `${JSON.stringify(subscriptionEvent(`evt_${customer}`, customer), null, 2)}\n`;
      const signature = signPayload(
        payload,
        TEST_SECRETS.STRIPE_WEBHOOK_SECRET,
        NOW_SECONDS,
      );
      const handler = handle(harness.service.app);

      const result = await handler(
        apiGatewayEvent(payload, signature, isBase64),
        {} as LambdaContext,
      );

      expect(result.statusCode).toBe(200);
      expect(
        (await harness.getCustomer(customer))?.subscriptions,
      ).toHaveProperty(`sub_${customer}`);
    },
  );

  it('never writes a secret, signature or body to the logs', async () => {
    const written: string[] = [];
    const spy = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    const event = subscriptionEvent('evt_logs', 'cus_logs');
    const payload = JSON.stringify(event);
    const header = signPayload(
      payload,
      TEST_SECRETS.STRIPE_WEBHOOK_SECRET,
      NOW_SECONDS,
    );

    try {
      store.shouldFailNextWrite = true;
      await harness.post(payload, { header });
      await harness.post(payload, { header });
      await harness.post(payload, { secret: 'whsec_wrongSecret999' });
    } finally {
      spy.mockRestore();
    }

    const output = written.join('');
    expect(output).toContain('evt_logs');
    for (const secret of Object.values(TEST_SECRETS)) {
      expect(output).not.toContain(secret);
    }
    expect(output).not.toContain(header.split(',')[1] ?? header);
    expect(output).not.toContain('price_pro_year');
  });
});
