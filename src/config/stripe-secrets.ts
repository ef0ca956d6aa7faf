import { ConfigError } from './errors.js';
import type { Environment } from './load-config.js';

/** The three Stripe secrets, validated and of one mode. */
export interface StripeSecrets {
  /** Secret (or restricted) API key, `sk_test_...` / `sk_live_...`. */
  readonly secretKey: string;
  /** Publishable key for the frontend, `pk_test_...` / `pk_live_...`. */
  readonly publishableKey: string;
  /**
   * Webhook signing secrets accepted now (`whsec_...`): the current one
   * first, then a previous one while a rotation's grace period lasts.
   */
  readonly webhookSecrets: readonly string[];
  /** Mode of the keys: events of the other mode are refused. */
  readonly mode: 'test' | 'live';
}

/** Where Stripe secrets come from: the environment or Secrets Manager. */
export interface StripeSecretsSource {
  /** Returns the current secrets; may cache them (see each source). */
  getSecrets(): Promise<StripeSecrets>;
}

/** The names of the secret values, in the environment and in the secret. */
export const SECRET_KEYS = {
  secretKey: 'STRIPE_SECRET_KEY',
  publishableKey: 'STRIPE_PUBLISHABLE_KEY',
  webhookSecret: 'STRIPE_WEBHOOK_SECRET',
  previousWebhookSecret: 'STRIPE_WEBHOOK_SECRET_PREVIOUS',
  previousWebhookSecretExpiresAt: 'STRIPE_WEBHOOK_SECRET_PREVIOUS_EXPIRES_AT',
} as const;

/**
 * Validates raw secret values and works out their mode. `where` names the
 * source in error messages (`environment variable`, `in secret stripe/dev`);
 * no value is ever part of a message.
 *
 * `STRIPE_WEBHOOK_SECRET` may hold several secrets separated by commas.
 * `STRIPE_WEBHOOK_SECRET_PREVIOUS` is accepted until
 * `STRIPE_WEBHOOK_SECRET_PREVIOUS_EXPIRES_AT` (ISO 8601), or always when no
 * expiry is given. `now` is in milliseconds since the epoch.
 */
export function parseStripeSecrets(
  values: Environment,
  where: string,
  now: number = Date.now(),
): StripeSecrets {
  const secretKey = required(values, SECRET_KEYS.secretKey, where);
  const publishableKey = required(values, SECRET_KEYS.publishableKey, where);
  const webhookSecrets = required(values, SECRET_KEYS.webhookSecret, where)
    .split(',')
    .map((secret) => secret.trim())
    .filter((secret) => secret !== '');

  const keyMode = modeOf(secretKey, /^(sk|rk)_(test|live)_\w+$/);
  if (keyMode === undefined) {
    throw new ConfigError(
      SECRET_KEYS.secretKey,
      where,
      'must be a Stripe secret key (sk_test_..., sk_live_...) or a ' +
        'restricted key (rk_...)',
    );
  }
  const publishableMode = modeOf(publishableKey, /^pk_(test|live)_\w+$/);
  if (publishableMode === undefined) {
    throw new ConfigError(
      SECRET_KEYS.publishableKey,
      where,
      'must be a Stripe publishable key (pk_test_... or pk_live_...)',
    );
  }
  if (publishableMode !== keyMode) {
    throw new ConfigError(
      SECRET_KEYS.publishableKey,
      where,
      `is a ${publishableMode} key but ${SECRET_KEYS.secretKey} is a ` +
        `${keyMode} key: use keys of one mode`,
    );
  }

  const previous = readPrevious(values, where, now);
  const accepted = previous ? [...webhookSecrets, previous] : webhookSecrets;
  for (const secret of accepted) {
    if (!/^whsec_\w+$/.test(secret)) {
      throw new ConfigError(
        SECRET_KEYS.webhookSecret,
        where,
        'must be a webhook signing secret starting with whsec_',
      );
    }
  }
  return { secretKey, publishableKey, webhookSecrets: accepted, mode: keyMode };
}

function required(values: Environment, name: string, where: string): string {
  const value = values[name]?.trim();
  if (!value) throw new ConfigError(name, where, 'is required');
  return value;
}

function modeOf(value: string, pattern: RegExp): 'test' | 'live' | undefined {
  if (!pattern.test(value)) return undefined;
  return value.includes('_live_') ? 'live' : 'test';
}

function readPrevious(
  values: Environment,
  where: string,
  now: number,
): string | undefined {
  const previous = values[SECRET_KEYS.previousWebhookSecret]?.trim();
  if (!previous) return undefined;
  const expiresAt = values[SECRET_KEYS.previousWebhookSecretExpiresAt];
  if (!expiresAt) return previous;
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry)) {
    throw new ConfigError(
      SECRET_KEYS.previousWebhookSecretExpiresAt,
      where,
      'must be an ISO 8601 date',
    );
  }
  return expiry > now ? previous : undefined;
}

/** Reads the secrets from environment variables (local development). */
export class EnvironmentSecretsSource implements StripeSecretsSource {
  readonly #env: Environment;

  constructor(env: Environment = process.env) {
    this.#env = env;
  }

  async getSecrets(): Promise<StripeSecrets> {
    return parseStripeSecrets(this.#env, 'environment variable');
  }
}
