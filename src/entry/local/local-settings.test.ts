import { describe, expect, it } from 'vitest';

import { ConfigError } from '../../config/errors.js';
import { readLocalSettings } from './local-settings.js';

const REAL_STRIPE = {
  STRIPE_SECRET_KEY: 'sk_test_real',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_real',
  STRIPE_WEBHOOK_SECRET: 'whsec_from_stripe_listen',
};

function settingAtFault(env: Record<string, string>): string | undefined {
  try {
    readLocalSettings(env);
    return undefined;
  } catch (error) {
    return error instanceof ConfigError ? error.setting : String(error);
  }
}

describe('Function: readLocalSettings', () => {
  it('uses the sandbox, the example configuration and the local ports by default', () => {
    const settings = readLocalSettings({});

    expect(settings).toMatchObject({
      port: 4242,
      sandboxPort: 12111,
      dataDir: '.data',
      mode: 'sandbox',
      usesExampleConfig: true,
      hasOwnIssuer: false,
      webhookSecret: undefined,
    });
    expect(settings.config.auth).toEqual({
      issuer: 'http://127.0.0.1:4242/dev',
      audience: 'billing-api-local',
      jwksUrl: undefined,
    });
    expect(settings.config.plans.map((plan) => plan.key)).toEqual([
      'starter',
      'pro',
    ]);
  });

  it('reads PORT, SANDBOX_PORT and DATA_DIR, and lets the caller override them', () => {
    const env = { PORT: '5000', SANDBOX_PORT: '5001', DATA_DIR: '/tmp/x' };

    const fromEnv = readLocalSettings(env);
    const overridden = readLocalSettings(env, { port: 0, sandboxPort: 0 });

    expect(fromEnv).toMatchObject({
      port: 5000,
      sandboxPort: 5001,
      dataDir: '/tmp/x',
    });
    expect(overridden).toMatchObject({ port: 0, sandboxPort: 0 });
  });

  it('registers the sandbox endpoint with STRIPE_WEBHOOK_SECRET when it is set', () => {
    const settings = readLocalSettings({
      STRIPE_WEBHOOK_SECRET: 'whsec_mine',
    });

    expect(settings.mode).toBe('sandbox');
    expect(settings.webhookSecret).toBe('whsec_mine');
  });

  it('switches to real Stripe when STRIPE_SECRET_KEY is set', () => {
    const settings = readLocalSettings(REAL_STRIPE);

    expect(settings.mode).toBe('stripe');
    expect(settings.webhookSecret).toBe('whsec_from_stripe_listen');
    expect(settings.config.stripe.apiBase).toBeUndefined();
  });

  it.each([
    ['STAGE', { STAGE: 'Bad!' }],
    ['PORT', { PORT: 'http' }],
    ['PORT', { PORT: '70000' }],
    ['SANDBOX_PORT', { SANDBOX_PORT: '-1' }],
    ['DATA_DIR', { DATA_DIR: ' .data' }],
    ['BILLING_CONFIG_FILE', { BILLING_CONFIG_FILE: '/no/such/file.json' }],
    ['STRIPE_WEBHOOK_SECRET', { STRIPE_WEBHOOK_SECRET: 'not-a-secret' }],
    ['STRIPE_WEBHOOK_SECRET', { STRIPE_WEBHOOK_SECRET: 'whsec_a,whsec_b' }],
    ['STRIPE_PUBLISHABLE_KEY', { STRIPE_SECRET_KEY: 'sk_test_only' }],
    ['STRIPE_WEBHOOK_SECRET', { ...REAL_STRIPE, STRIPE_WEBHOOK_SECRET: '' }],
    [
      'STRIPE_PUBLISHABLE_KEY',
      { ...REAL_STRIPE, STRIPE_PUBLISHABLE_KEY: 'pk_live_other_mode' },
    ],
  ])('names %s when it is malformed or missing', (setting, env) => {
    expect(settingAtFault(env)).toBe(setting);
  });
});
