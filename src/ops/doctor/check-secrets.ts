import { ConfigError } from '../../config/errors.js';
import {
  SECRET_KEYS,
  type StripeSecrets,
  type StripeSecretsSource,
} from '../../config/stripe-secrets.js';
import { type CheckResult, fail, pass, skip } from './check-result.js';

const KEYS = 'Stripe keys present and of one mode';
const WEBHOOK = 'Webhook signing secret well-formed (whsec_...)';

const WEBHOOK_SETTINGS: readonly string[] = [
  SECRET_KEYS.webhookSecret,
  SECRET_KEYS.previousWebhookSecret,
  SECRET_KEYS.previousWebhookSecretExpiresAt,
];

/**
 * Checks the Stripe secrets through the configured source, with the same
 * validation the services run. The keys are validated before the webhook
 * secret, so a failure names which part is wrong; messages name settings,
 * never values.
 */
export async function checkSecrets(source: StripeSecretsSource): Promise<{
  readonly results: CheckResult[];
  readonly secrets?: StripeSecrets | undefined;
}> {
  try {
    const secrets = await source.getSecrets();
    return {
      secrets,
      results: [
        pass(KEYS, `${secrets.mode} mode`),
        pass(WEBHOOK, `${secrets.webhookSecrets.length} accepted`),
      ],
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const fix = `Set ${error.setting} to the value shown in the Stripe dashboard (Developers).`;
    if (WEBHOOK_SETTINGS.includes(error.setting)) {
      return {
        results: [pass(KEYS), fail(WEBHOOK, error.message, fix)],
      };
    }
    return {
      results: [
        fail(KEYS, error.message, fix),
        skip(WEBHOOK, 'not checked until the keys are valid'),
      ],
    };
  }
}
