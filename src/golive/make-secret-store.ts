import { resolve } from 'node:path';

import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

import type { AppConfig } from '../config/app-config.js';
import { AwsSecretStore } from './aws-secret-store.js';
import { EnvFileSecretStore } from './env-file-secret-store.js';
import { SetupRefusedError } from './errors.js';
import type { SecretStore } from './secret-store.js';

/** The kinds of secret store the setup commands write to (`--store`). */
export const SECRET_STORE_KINDS = ['aws', 'env'] as const;

/** A kind of secret store: `aws` (Secrets Manager) or `env` (`.env`). */
export type SecretStoreKind = (typeof SECRET_STORE_KINDS)[number];

/** Options of {@link makeSecretStore}. */
export interface MakeSecretStoreOptions {
  /** `--store`; default from `STRIPE_SECRETS_SOURCE` in the config. */
  readonly kind?: string | undefined;
  /** The file of the `env` store; default `.env` of the working directory. */
  readonly envFile?: string | undefined;
  /** Secrets Manager client; tests pass a mocked one. */
  readonly secretsManager?: SecretsManagerClient | undefined;
}

/**
 * The store the setup commands read and write: the configured secret
 * (`STRIPE_SECRET_NAME`, default `stripe/<stage>`) for `aws`, a `.env`
 * file for `env`. Without a kind, the one the
 * deployed functions read (`STRIPE_SECRETS_SOURCE`) is used.
 */
export function makeSecretStore(
  config: AppConfig,
  options: MakeSecretStoreOptions = {},
): SecretStore {
  const kind = options.kind ?? defaultKind(config);
  if (kind === 'aws') {
    return new AwsSecretStore({
      secretName: config.stripe.secretName,
      region: config.aws.region,
      ...(options.secretsManager ? { client: options.secretsManager } : {}),
    });
  }
  if (kind === 'env') {
    return new EnvFileSecretStore(resolve(options.envFile ?? '.env'));
  }
  throw new SetupRefusedError(
    `Unknown secret store ${JSON.stringify(kind)}: use --store aws or env.`,
  );
}

function defaultKind(config: AppConfig): SecretStoreKind {
  return config.stripe.secretsSource === 'aws-secrets-manager' ? 'aws' : 'env';
}
