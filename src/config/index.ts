export type {
  AccessPolicy,
  AppConfig,
  AuthConfig,
  StripeApiBase,
} from './app-config.js';
export { AwsSecretsSource } from './aws-secrets-source.js';
export { ConfigError } from './errors.js';
export {
  type Environment,
  loadConfig,
  parseBillingConfig,
} from './load-config.js';
export { makeSecretsSource } from './make-secrets-source.js';
export {
  EnvironmentSecretsSource,
  parseStripeSecrets,
  SECRET_KEYS,
  type StripeSecrets,
  type StripeSecretsSource,
} from './stripe-secrets.js';
