import type { InfraSettings } from './infra-settings.js';
import { stripeSecretName } from './stripe-secret-access.js';

/** Log level of the deployed functions. */
export const DEPLOYED_LOG_LEVEL = 'INFO';

/**
 * The variables both functions read with `loadConfig()`, as the stage
 * defines them: the billing configuration inline, the allowed origins, and
 * where the Stripe secret lives (read at run time, never in the template).
 */
export function serviceEnvironment(
  settings: InfraSettings,
): Record<string, string> {
  return {
    STAGE: settings.stage,
    BILLING_CONFIG: settings.billingConfig,
    ALLOWED_ORIGINS: settings.allowedOrigins.join(','),
    STRIPE_SECRET_NAME: stripeSecretName(settings.stage),
    STRIPE_SECRETS_SOURCE: 'aws-secrets-manager',
    LOG_LEVEL: DEPLOYED_LOG_LEVEL,
  };
}
