import { describe, expect, it } from 'vitest';

import { ConfigError } from './errors.js';
import { loadConfig } from './load-config.js';

const EXAMPLE = 'config/billing.example.json';

function inlineConfig(patch: (config: Record<string, unknown>) => void) {
  const config = {
    plans: [
      {
        key: 'pro',
        name: 'Pro',
        entitlements: ['a'],
        prices: {
          month: { id: 'price_pro_month', amount: 1000, currency: 'usd' },
        },
      },
    ],
    urls: {
      checkoutSuccess: 'https://app.example.com/ok?s={CHECKOUT_SESSION_ID}',
      checkoutCancel: 'https://app.example.com/cancel',
      portalReturn: 'https://app.example.com/',
    },
  };
  patch(config);
  return JSON.stringify(config);
}

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('Function: loadConfig', () => {
  it('reads the example configuration with stage defaults', () => {
    const config = loadConfig({ env: { BILLING_CONFIG_FILE: EXAMPLE } });

    expect(config.stage).toBe('dev');
    expect(config.plans.map((plan) => plan.key)).toEqual(['starter', 'pro']);
    expect(config.tables).toEqual({
      customers: 'stripe-customers-dev',
      events: 'stripe-events-dev',
    });
    expect(config.stripe.secretName).toBe('stripe/dev');
    expect(config.stripe.secretsSource).toBe('env');
    expect(config.access.grantingStatuses).toContain('past_due');
  });

  it('uses Secrets Manager by default inside Lambda', () => {
    const config = loadConfig({
      env: {
        BILLING_CONFIG_FILE: EXAMPLE,
        STAGE: 'prod',
        AWS_LAMBDA_FUNCTION_NAME: 'fn',
      },
    });

    expect(config.stripe.secretsSource).toBe('aws-secrets-manager');
    expect(config.stripe.secretName).toBe('stripe/prod');
  });

  it('names BILLING_CONFIG_FILE when no billing configuration is given', () => {
    const message = messageOf(() => loadConfig({ env: {} }));

    expect(message).toMatch(/^Invalid configuration: BILLING_CONFIG_FILE /);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('names the field of a malformed plan and the source', () => {
    const text = inlineConfig((config) => {
      (config.plans as { prices: unknown }[])[0].prices = {
        month: { id: 'pro-monthly', amount: 1000, currency: 'usd' },
      };
    });

    const message = messageOf(() =>
      loadConfig({ env: { BILLING_CONFIG: text } }),
    );

    expect(message).toContain('plans[0].prices.month.id');
    expect(message).toContain('BILLING_CONFIG environment variable');
  });

  it('refuses a success URL without {CHECKOUT_SESSION_ID}', () => {
    const text = inlineConfig((config) => {
      (config.urls as Record<string, string>).checkoutSuccess =
        'https://app.example.com/ok';
    });

    const message = messageOf(() =>
      loadConfig({ env: { BILLING_CONFIG: text } }),
    );

    expect(message).toContain('urls.checkoutSuccess');
  });

  it('refuses an origin with a path in ALLOWED_ORIGINS', () => {
    const message = messageOf(() =>
      loadConfig({
        env: {
          BILLING_CONFIG_FILE: EXAMPLE,
          ALLOWED_ORIGINS: 'https://ok.example.com,https://x.example.com/app',
        },
      }),
    );

    expect(message).toContain('ALLOWED_ORIGINS');
  });

  it('requires JWT_AUDIENCE together with JWT_ISSUER', () => {
    const message = messageOf(() =>
      loadConfig({
        env: { BILLING_CONFIG_FILE: EXAMPLE, JWT_ISSUER: 'https://id.example' },
      }),
    );

    expect(message).toContain('JWT_AUDIENCE');
  });

  it('reads the Stripe API base override for the sandbox', () => {
    const config = loadConfig({
      env: {
        BILLING_CONFIG_FILE: EXAMPLE,
        STRIPE_API_HOST: '127.0.0.1',
        STRIPE_API_PORT: '12111',
        STRIPE_API_PROTOCOL: 'http',
      },
    });

    expect(config.stripe.apiBase).toEqual({
      host: '127.0.0.1',
      port: 12111,
      protocol: 'http',
    });
  });
});
