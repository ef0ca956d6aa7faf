import { describe, expect, it } from 'vitest';

import {
  completeLocalConfig,
  type LocalRuntime,
} from './complete-local-config.js';
import { readLocalSettings } from './local-settings.js';

const RUNTIME: LocalRuntime = {
  port: 5000,
  dynamodbEndpoint: 'http://127.0.0.1:6001',
  s3Endpoint: 'http://127.0.0.1:6002',
  stripeApiBase: { host: '127.0.0.1', port: 6003, protocol: 'http' },
};

const OWN_CONFIG = JSON.stringify({
  plans: [
    {
      key: 'team',
      name: 'Team',
      prices: { month: { id: 'price_team', amount: 1000, currency: 'eur' } },
    },
  ],
  urls: {
    checkoutSuccess: 'http://127.0.0.1:4242/done?s={CHECKOUT_SESSION_ID}',
    checkoutCancel: 'http://127.0.0.1:4242/',
    portalReturn: 'http://127.0.0.1:4242/',
  },
  allowedOrigins: ['http://127.0.0.1:4242'],
});

describe('Function: completeLocalConfig', () => {
  it('moves the example configuration to the port the server listens on', () => {
    const settings = readLocalSettings({}, { port: 0 });

    const config = completeLocalConfig(settings, RUNTIME);

    expect(config.urls).toEqual({
      checkoutSuccess:
        'http://127.0.0.1:5000/?checkout=success&session_id={CHECKOUT_SESSION_ID}',
      checkoutCancel: 'http://127.0.0.1:5000/?checkout=canceled',
      portalReturn: 'http://127.0.0.1:5000/',
    });
    expect(config.allowedOrigins).toEqual([
      'http://127.0.0.1:5000',
      'http://localhost:5000',
    ]);
    expect(config.auth?.issuer).toBe('http://127.0.0.1:5000/dev');
  });

  it('points the services at the embedded stores and the sandbox', () => {
    const settings = readLocalSettings({});

    const config = completeLocalConfig(settings, RUNTIME);

    expect(config.aws.dynamodbEndpoint).toBe(RUNTIME.dynamodbEndpoint);
    expect(config.aws.s3Endpoint).toBe(RUNTIME.s3Endpoint);
    expect(config.stripe.apiBase).toEqual(RUNTIME.stripeApiBase);
  });

  it('leaves a configuration of its own and an own issuer as they are', () => {
    const settings = readLocalSettings({
      BILLING_CONFIG: OWN_CONFIG,
      JWT_ISSUER: 'https://auth.example.com/',
      JWT_AUDIENCE: 'my-app',
    });

    const config = completeLocalConfig(settings, RUNTIME);

    expect(config.urls.portalReturn).toBe('http://127.0.0.1:4242/');
    expect(config.allowedOrigins).toEqual(['http://127.0.0.1:4242']);
    expect(config.auth).toMatchObject({
      issuer: 'https://auth.example.com/',
      audience: 'my-app',
    });
  });

  it('keeps Stripe itself as the API in real-Stripe mode', () => {
    const settings = readLocalSettings({
      STRIPE_SECRET_KEY: 'sk_test_real',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_real',
      STRIPE_WEBHOOK_SECRET: 'whsec_real',
    });

    const config = completeLocalConfig(settings, {
      ...RUNTIME,
      stripeApiBase: undefined,
    });

    expect(config.stripe.apiBase).toBeUndefined();
  });
});
