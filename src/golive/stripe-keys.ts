import type { Environment } from '../config/load-config.js';
import { parseStripeSecrets, SECRET_KEYS } from '../config/stripe-secrets.js';
import { SetupRefusedError } from './errors.js';
import type { SecretStore, SecretValues } from './secret-store.js';

/**
 * Stands in for the webhook signing secret while only the keys are
 * checked: `setup secret` runs before `setup webhook` has made one.
 */
const PENDING_WEBHOOK_SECRET = 'whsec_pending';

/**
 * Checks that the secret and publishable keys are well formed and of one
 * mode, with the same rules the deployed functions apply
 * (`parseStripeSecrets`); a missing webhook secret is allowed. Answers the
 * mode. Throws `ConfigError` naming the key at fault, never its value.
 */
export function checkStripeKeys(
  values: SecretValues,
  where: string,
): 'test' | 'live' {
  const withWebhook = values[SECRET_KEYS.webhookSecret]
    ? values
    : { ...values, [SECRET_KEYS.webhookSecret]: PENDING_WEBHOOK_SECRET };
  return parseStripeSecrets(withWebhook, where).mode;
}

/**
 * The Stripe secret key the setup commands call Stripe with: the one in
 * the store, or `STRIPE_SECRET_KEY` of the environment. When both are set
 * they must be the same key, so that a command never registers objects in
 * one account or mode and stores their secrets for another.
 */
export async function resolveSecretKey(
  store: SecretStore,
  env: Environment,
): Promise<string> {
  const stored = (await store.read())[SECRET_KEYS.secretKey]?.trim();
  const fromEnv = env[SECRET_KEYS.secretKey]?.trim();
  if (stored && fromEnv && stored !== fromEnv) {
    throw new SetupRefusedError(
      `${SECRET_KEYS.secretKey} of the environment is not the one in ` +
        `${store.description}: unset it, or update the store with ` +
        '`setup secret`.',
    );
  }
  const key = stored || fromEnv;
  if (!key) {
    throw new SetupRefusedError(
      `No ${SECRET_KEYS.secretKey} in ${store.description} or the ` +
        'environment: run `setup secret` first.',
    );
  }
  if (!/^(sk|rk)_(test|live)_\w+$/.test(key)) {
    throw new SetupRefusedError(
      `${SECRET_KEYS.secretKey} is not a Stripe secret key ` +
        '(sk_test_..., sk_live_... or rk_...).',
    );
  }
  return key;
}
