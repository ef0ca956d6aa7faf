import { describe, expect, it } from 'vitest';

import { ConfigError } from './errors.js';
import { parseStripeSecrets } from './stripe-secrets.js';

const VALID = {
  STRIPE_SECRET_KEY: 'sk_test_123abc',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_123abc',
  STRIPE_WEBHOOK_SECRET: 'whsec_current',
};

describe('Function: parseStripeSecrets', () => {
  it('accepts keys of one mode and reports it', () => {
    const secrets = parseStripeSecrets(VALID, 'environment variable');

    expect(secrets.mode).toBe('test');
    expect(secrets.webhookSecrets).toEqual(['whsec_current']);
  });

  it('refuses a live publishable key with a test secret key', () => {
    const action = () =>
      parseStripeSecrets(
        { ...VALID, STRIPE_PUBLISHABLE_KEY: 'pk_live_999' },
        'environment variable',
      );

    expect(action).toThrow(ConfigError);
    expect(action).toThrow(/STRIPE_PUBLISHABLE_KEY/);
  });

  it('never puts a secret value in its message', () => {
    const bad = { ...VALID, STRIPE_WEBHOOK_SECRET: 'not-a-secret-value' };

    const action = () => parseStripeSecrets(bad, 'in secret stripe/dev');

    expect(action).toThrow(/STRIPE_WEBHOOK_SECRET \(in secret stripe\/dev\)/);
    expect(action).not.toThrow(/not-a-secret-value/);
  });

  it('accepts the previous webhook secret until it expires', () => {
    const values = {
      ...VALID,
      STRIPE_WEBHOOK_SECRET_PREVIOUS: 'whsec_previous',
      STRIPE_WEBHOOK_SECRET_PREVIOUS_EXPIRES_AT: '2030-01-01T00:00:00Z',
    };

    const during = parseStripeSecrets(values, 'env', Date.UTC(2029, 0, 1));
    const after = parseStripeSecrets(values, 'env', Date.UTC(2030, 0, 2));

    expect(during.webhookSecrets).toEqual(['whsec_current', 'whsec_previous']);
    expect(after.webhookSecrets).toEqual(['whsec_current']);
  });
});
