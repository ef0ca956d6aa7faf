import type { AppConfig } from '../../config/app-config.js';
import { ConfigError } from '../../config/errors.js';
import { type Environment, loadConfig } from '../../config/load-config.js';
import { makeSecretsSource } from '../../config/make-secrets-source.js';
import { makeStripeClient } from '../../stripe/make-stripe-client.js';
import { checkAwsResources } from './check-aws-resources.js';
import { checkPrices } from './check-prices.js';
import { type CheckResult, fail, pass, skip } from './check-result.js';
import { checkSecrets } from './check-secrets.js';
import { checkUrls } from './check-urls.js';

const CONFIG = 'Configuration loads and validates';

/**
 * Checks the configuration end to end and answers the checklist, in
 * order: the configuration itself, the browser-facing URLs, the Stripe
 * secrets, each configured price in Stripe, then the tables and bucket.
 * Checks that need a failed one are reported as skipped. Never throws for
 * a misconfiguration; never puts a secret value in a result.
 */
export async function runDoctor(env: Environment): Promise<CheckResult[]> {
  let config: AppConfig;
  try {
    config = loadConfig({ env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [
      fail(CONFIG, error.message, `Fix ${error.setting} and run again.`),
      skip('Every other check', 'needs a valid configuration'),
    ];
  }

  const results: CheckResult[] = [pass(CONFIG, `stage ${config.stage}`)];
  results.push(...checkUrls(config));
  const { results: secretResults, secrets } = await checkSecrets(
    makeSecretsSource(config, env),
  );
  results.push(...secretResults);
  if (secrets === undefined) {
    results.push(skip('Prices in Stripe', 'needs valid Stripe keys'));
  } else {
    const client = makeStripeClient({
      secretKey: secrets.secretKey,
      apiBase: config.stripe.apiBase,
      maxNetworkRetries: 0,
    });
    results.push(...(await checkPrices(client, config.plans, secrets.mode)));
  }
  results.push(...(await checkAwsResources(config)));
  return results;
}
