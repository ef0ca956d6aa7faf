import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EnvironmentSecretsSource } from '../../config/stripe-secrets.js';
import type { SandboxHandle } from '../../sandbox/start-sandbox.js';
import {
  completeSession,
  startTestSandbox,
  TEST_SECRET_KEY,
} from '../../sandbox/test-support/sandbox-test-kit.js';
import { StripeRequestError } from '../../stripe/errors.js';
import { testSecretsEnv } from '../testing/billing-api-harness.js';
import { StripeSdkGateway } from './stripe-sdk-gateway.js';

describe('Class: StripeSdkGateway (against the offline sandbox)', () => {
  let sandbox: SandboxHandle;
  let gateway: StripeSdkGateway;

  beforeAll(async () => {
    ({ sandbox } = await startTestSandbox());
    gateway = new StripeSdkGateway({
      secrets: new EnvironmentSecretsSource({
        ...testSecretsEnv(),
        STRIPE_SECRET_KEY: TEST_SECRET_KEY,
      }),
      apiBase: sandbox.stripeConfig,
      maxNetworkRetries: 0,
    });
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  async function openSessionFor(customerId: string) {
    return gateway.createCheckoutSession({
      customerId,
      userId: 'user_sandbox',
      priceId: 'price_pro_month',
      quantity: 1,
      successUrl: 'https://app.example.com/done',
      cancelUrl: 'https://app.example.com/pricing',
      allowPromotionCodes: false,
      automaticTax: false,
    });
  }

  it("lists only the customer's open sessions, then expires them", async () => {
    const { customerId } = await gateway.createCustomer(
      { userId: 'user_sandbox' },
      'key-sandbox-1',
    );
    const other = await gateway.createCustomer(
      { userId: 'user_other' },
      'key-sandbox-2',
    );
    const paid = await openSessionFor(customerId);
    await completeSession(sandbox, paid.id);
    const first = await openSessionFor(customerId);
    const second = await openSessionFor(customerId);
    const foreign = await openSessionFor(other.customerId);

    const open = await gateway.listOpenCheckoutSessions({ customerId });
    for (const sessionId of open) {
      await gateway.expireCheckoutSession(sessionId);
    }

    expect(open.sort()).toEqual([first.id, second.id].sort());
    expect(await gateway.listOpenCheckoutSessions({ customerId })).toEqual([]);
    expect(
      await gateway.listOpenCheckoutSessions({
        customerId: other.customerId,
      }),
    ).toEqual([foreign.id]);
  });

  it('throws StripeRequestError when the session is no longer open', async () => {
    const { customerId } = await gateway.createCustomer(
      { userId: 'user_sandbox' },
      'key-sandbox-3',
    );
    const session = await openSessionFor(customerId);
    await gateway.expireCheckoutSession(session.id);

    const again = gateway.expireCheckoutSession(session.id);

    await expect(again).rejects.toBeInstanceOf(StripeRequestError);
  });
});
