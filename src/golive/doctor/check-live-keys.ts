import { ConfigError } from '../../config/errors.js';
import { parseStripeSecrets } from '../../config/stripe-secrets.js';
import { type CheckResult, fail, pass } from '../../ops/doctor/check-result.js';
import type { SecretValues } from '../secret-store.js';

const LABEL = 'Live Stripe keys and webhook secret stored';

/**
 * Checks that the store holds live keys of one mode and a webhook signing
 * secret, by the rules the deployed functions apply. `now` is in
 * milliseconds since the epoch. The result names settings, never values.
 */
export function checkLiveKeys(
  values: SecretValues,
  where: string,
  now: number,
): CheckResult {
  try {
    const secrets = parseStripeSecrets(values, where, now);
    if (secrets.mode === 'live') return pass(LABEL, where);
    return fail(
      LABEL,
      `${where} holds test-mode keys`,
      'Run `billing setup secret --from-env` with the live keys ' +
        '(sk_live_..., pk_live_...), then `billing setup webhook` again.',
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return fail(
      LABEL,
      error.message,
      error.setting.startsWith('STRIPE_WEBHOOK')
        ? 'Run `billing setup webhook --url <endpoint>` with the live keys.'
        : 'Run `billing setup secret` with the live keys.',
    );
  }
}
