import { Option } from 'commander';

import type { AppConfig } from '../../config/app-config.js';
import { loadConfig } from '../../config/load-config.js';
import { makeSecretStore } from '../../golive/make-secret-store.js';
import type { SecretStore } from '../../golive/secret-store.js';
import { resolveSecretKey } from '../../golive/stripe-keys.js';
import { makeStripeClient } from '../../stripe/make-stripe-client.js';
import type { CliContext } from '../cli-context.js';

/** The options every `setup` step shares. */
export interface StoreOptions {
  readonly store?: string;
  readonly envFile?: string;
}

/** `--store aws|env`, default by `STRIPE_SECRETS_SOURCE`. */
export function storeOption(): Option {
  return new Option(
    '--store <kind>',
    'where the Stripe secrets live: aws (Secrets Manager secret ' +
      'stripe/<stage>) or env (a .env file); default by STRIPE_SECRETS_SOURCE',
  ).choices(['aws', 'env']);
}

/** `--env-file <path>`, the file of `--store env`. */
export function envFileOption(): Option {
  return new Option(
    '--env-file <path>',
    'the .env file of --store env',
  ).default('.env');
}

/** The configuration and the store a setup step works on. */
export function openStore(
  context: CliContext,
  options: StoreOptions,
): { config: AppConfig; store: SecretStore } {
  const config = loadConfig({ env: context.io.env });
  const store = makeSecretStore(config, {
    kind: options.store,
    envFile: options.envFile,
  });
  return { config, store };
}

/** A Stripe client with the key of the store (or the environment). */
export async function openStripe(
  context: CliContext,
  config: AppConfig,
  store: SecretStore,
) {
  const secretKey = await resolveSecretKey(store, context.io.env);
  return makeStripeClient({ secretKey, apiBase: config.stripe.apiBase });
}
