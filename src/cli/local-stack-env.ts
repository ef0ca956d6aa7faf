import { readFile } from 'node:fs/promises';

import type { Environment } from '../config/load-config.js';
import {
  DEFAULT_DATA_DIR,
  SANDBOX_PUBLISHABLE_KEY,
  SANDBOX_SECRET_KEY,
  StripeMode,
} from '../entry/local/local-settings.js';
import {
  type LocalStackManifest,
  readLocalStackFile,
} from '../entry/local/local-stack-file.js';
import { LocalStackNotRunningError } from './errors.js';

/**
 * Whether the run targets the local stack: the `--local` option, or
 * `BILLING_LOCAL` set to `1` or `true`.
 */
export function isLocalRequested(
  option: boolean | undefined,
  env: Environment,
): boolean {
  const value = env.BILLING_LOCAL?.trim().toLowerCase();
  return option === true || value === '1' || value === 'true';
}

/**
 * The environment that points the CLI at the local stack running on
 * `DATA_DIR` (default `.data`), from what `npm start` published there
 * (`local-stack.json`): its stores' endpoints, tables and bucket, its
 * billing configuration and, with the sandbox, the sandbox's address, the
 * fixed local keys and the webhook secret from its file. With real Stripe
 * the keys stay those of `env` (and `.env`). Throws
 * {@link LocalStackNotRunningError} when no stack runs there.
 */
export async function readLocalStackEnv(
  env: Environment,
): Promise<Environment> {
  const dataDir = env.DATA_DIR || DEFAULT_DATA_DIR;
  const manifest = await readLocalStackFile(dataDir);
  if (!manifest) throw new LocalStackNotRunningError(dataDir);

  const local: Record<string, string | undefined> = {
    ...env,
    STAGE: manifest.stage,
    AWS_REGION: manifest.region,
    DYNAMODB_ENDPOINT: manifest.dynamodbEndpoint,
    S3_ENDPOINT: manifest.s3Endpoint,
    CUSTOMERS_TABLE: manifest.tables.customers,
    EVENTS_TABLE: manifest.tables.events,
    INVOICES_BUCKET: manifest.invoicesBucket,
    STRIPE_SECRETS_SOURCE: 'env',
  };
  if (manifest.billingConfigFile) {
    local.BILLING_CONFIG = undefined;
    local.BILLING_CONFIG_FILE = manifest.billingConfigFile;
  }
  if (manifest.mode === StripeMode.sandbox) {
    Object.assign(local, await sandboxEnv(manifest));
  }
  return local;
}

async function sandboxEnv(manifest: LocalStackManifest): Promise<Environment> {
  const api = manifest.stripeApi;
  const webhookSecret = manifest.webhookSecretFile
    ? (await readFile(manifest.webhookSecretFile, 'utf8')).trim()
    : undefined;
  return {
    STRIPE_API_HOST: api?.host,
    STRIPE_API_PORT: api ? String(api.port) : undefined,
    STRIPE_API_PROTOCOL: api?.protocol,
    STRIPE_SECRET_KEY: SANDBOX_SECRET_KEY,
    STRIPE_PUBLISHABLE_KEY: SANDBOX_PUBLISHABLE_KEY,
    // Without a file the stack was given STRIPE_WEBHOOK_SECRET: keep it.
    ...(webhookSecret ? { STRIPE_WEBHOOK_SECRET: webhookSecret } : {}),
  };
}
