import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

import { ConfigError } from './errors.js';
import type { Environment } from './load-config.js';
import {
  parseStripeSecrets,
  type StripeSecrets,
  type StripeSecretsSource,
} from './stripe-secrets.js';

/** Options of {@link AwsSecretsSource}. */
export interface AwsSecretsSourceOptions {
  /** Secret name, e.g. `stripe/prod`. */
  readonly secretName: string;
  /** How long a fetched value is reused, in seconds. */
  readonly ttlSeconds: number;
  /** Client to use; tests pass one backed by `aws-sdk-client-mock`. */
  readonly client?: SecretsManagerClient;
}

/**
 * Reads the Stripe secrets from one AWS Secrets Manager secret holding JSON
 * with the keys `STRIPE_SECRET_KEY`, `STRIPE_PUBLISHABLE_KEY` and
 * `STRIPE_WEBHOOK_SECRET` (and optionally the previous webhook secret).
 *
 * Fetched lazily on first use and cached for `ttlSeconds`, so a rotated
 * secret reaches warm functions within that time.
 */
export class AwsSecretsSource implements StripeSecretsSource {
  readonly #provider: SecretsProvider;
  readonly #secretName: string;
  readonly #ttlSeconds: number;

  constructor(options: AwsSecretsSourceOptions) {
    this.#provider = new SecretsProvider(
      options.client ? { awsSdkV3Client: options.client } : {},
    );
    this.#secretName = options.secretName;
    this.#ttlSeconds = options.ttlSeconds;
  }

  async getSecrets(): Promise<StripeSecrets> {
    const where = `in secret ${this.#secretName}`;
    let values: unknown;
    try {
      values = await this.#provider.get(this.#secretName, {
        maxAge: this.#ttlSeconds,
        transform: 'json',
      });
    } catch (error) {
      throw new ConfigError(
        this.#secretName,
        'AWS Secrets Manager',
        'cannot be read as JSON: create it with the keys STRIPE_SECRET_KEY, ' +
          'STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET, and allow ' +
          'this function secretsmanager:GetSecretValue on it',
        { cause: error },
      );
    }
    if (typeof values !== 'object' || values === null) {
      throw new ConfigError(this.#secretName, where, 'must hold a JSON object');
    }
    return parseStripeSecrets(values as Environment, where);
  }
}
