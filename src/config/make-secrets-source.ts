import type { AppConfig } from './app-config.js';
import { AwsSecretsSource } from './aws-secrets-source.js';
import type { Environment } from './load-config.js';
import {
  EnvironmentSecretsSource,
  type StripeSecretsSource,
} from './stripe-secrets.js';

/**
 * The secrets source the configuration asks for: Secrets Manager in AWS
 * (`STRIPE_SECRETS_SOURCE=aws-secrets-manager`, the default in Lambda), the
 * environment otherwise.
 */
export function makeSecretsSource(
  config: AppConfig,
  env: Environment = process.env,
): StripeSecretsSource {
  if (config.stripe.secretsSource === 'aws-secrets-manager') {
    return new AwsSecretsSource({
      secretName: config.stripe.secretName,
      ttlSeconds: config.stripe.secretsTtlSeconds,
    });
  }
  return new EnvironmentSecretsSource(env);
}
