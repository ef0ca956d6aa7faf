import type { AppConfig } from '../../config/app-config.js';
import { ConfigError } from '../../config/errors.js';
import { type Environment, loadConfig } from '../../config/load-config.js';
import { parseStripeSecrets } from '../../config/stripe-secrets.js';
import { DEFAULT_SANDBOX_PORT } from '../../sandbox/index.js';

/** Port of the local server when `PORT` is not set. */
export const DEFAULT_PORT = 4242;

/** Data folder of the local stack when `DATA_DIR` is not set. */
export const DEFAULT_DATA_DIR = '.data';

/** Billing configuration used when none is named. */
export const EXAMPLE_CONFIG_FILE = 'config/billing.example.json';

/** Audience of the local dev issuer's tokens when `JWT_AUDIENCE` is unset. */
export const LOCAL_AUDIENCE = 'billing-api-local';

/** Secret key the local stack uses against the sandbox. */
export const SANDBOX_SECRET_KEY = 'sk_test_sandbox_local';

/** Publishable key the local stack hands the demo page with the sandbox. */
export const SANDBOX_PUBLISHABLE_KEY = 'pk_test_sandbox_local';

/** A syntactically valid stand-in, to validate before the real one exists. */
const PLACEHOLDER_WEBHOOK_SECRET = 'whsec_placeholder';

/** Which Stripe the local stack talks to. */
export const StripeMode = {
  /** The offline sandbox, started by the stack. */
  sandbox: 'sandbox',
  /** Real Stripe (test mode), with keys from the environment. */
  stripe: 'stripe',
} as const;

/** One of {@link StripeMode}. */
export type StripeMode = (typeof StripeMode)[keyof typeof StripeMode];

/** What a caller may fix instead of reading the environment. */
export interface LocalSettingsOverrides {
  /** Port of the local server; 0 picks a free one. */
  readonly port?: number | undefined;
  /** Port of the sandbox; 0 picks a free one. */
  readonly sandboxPort?: number | undefined;
  /** Data folder. */
  readonly dataDir?: string | undefined;
}

/** Everything the local stack needs, validated before anything starts. */
export interface LocalSettings {
  /** Port of the local server (0: a free one). */
  readonly port: number;
  /** Port of the sandbox (0: a free one); unused with real Stripe. */
  readonly sandboxPort: number;
  /** Data folder (dynalite, s3rver, sandbox state, local keys). */
  readonly dataDir: string;
  readonly mode: StripeMode;
  /**
   * The configuration as validated; {@link completeLocalConfig} fills in
   * the endpoints and ports known once the servers run.
   */
  readonly config: AppConfig;
  /** Whether the billing configuration is the example file. */
  readonly usesExampleConfig: boolean;
  /** Whether `JWT_ISSUER` was set (else the local dev issuer's URL). */
  readonly hasOwnIssuer: boolean;
  /** `STRIPE_WEBHOOK_SECRET` when set (sandbox mode registers with it). */
  readonly webhookSecret?: string | undefined;
  /** The environment read, for the Stripe secrets of real-Stripe mode. */
  readonly env: Environment;
}

/**
 * Reads and validates the local stack's settings: `PORT`, `SANDBOX_PORT`,
 * `DATA_DIR`, the whole configuration (`loadConfig` with the example
 * billing configuration as default) and the Stripe secrets. Real Stripe is
 * used when `STRIPE_SECRET_KEY` is set, and then its publishable key and
 * webhook secret are required too. Throws a {@link ConfigError} naming the
 * first setting at fault; reads no file but the billing configuration.
 */
export function readLocalSettings(
  env: Environment,
  overrides: LocalSettingsOverrides = {},
): LocalSettings {
  const port = overrides.port ?? readPort(env, 'PORT', DEFAULT_PORT);
  const sandboxPort =
    overrides.sandboxPort ??
    readPort(env, 'SANDBOX_PORT', DEFAULT_SANDBOX_PORT);
  const dataDir = overrides.dataDir ?? readDataDir(env);
  const mode = env.STRIPE_SECRET_KEY ? StripeMode.stripe : StripeMode.sandbox;

  const config = loadConfig({
    env: withLocalDefaults(env, port),
    defaultConfigFile: EXAMPLE_CONFIG_FILE,
  });
  const webhookSecret = validateSecrets(env, mode);
  return {
    port,
    sandboxPort,
    dataDir,
    mode,
    config,
    usesExampleConfig: !env.BILLING_CONFIG && !env.BILLING_CONFIG_FILE,
    hasOwnIssuer: Boolean(env.JWT_ISSUER),
    webhookSecret,
    env,
  };
}

/** The issuer URL of the local dev issuer on a given port. */
export function localIssuerUrl(port: number): string {
  return `http://127.0.0.1:${port}/dev`;
}

function withLocalDefaults(env: Environment, port: number): Environment {
  return {
    ...env,
    // The stack runs its own stores and fills their endpoints in later.
    DYNAMODB_ENDPOINT: undefined,
    S3_ENDPOINT: undefined,
    STRIPE_SECRETS_SOURCE: 'env',
    JWT_ISSUER: env.JWT_ISSUER || localIssuerUrl(port),
    JWT_AUDIENCE: env.JWT_AUDIENCE || LOCAL_AUDIENCE,
  };
}

function validateSecrets(
  env: Environment,
  mode: StripeMode,
): string | undefined {
  if (mode === StripeMode.stripe) {
    parseStripeSecrets(env, 'environment variable');
    return env.STRIPE_WEBHOOK_SECRET;
  }
  const own = env.STRIPE_WEBHOOK_SECRET?.trim() || undefined;
  parseStripeSecrets(
    {
      STRIPE_SECRET_KEY: SANDBOX_SECRET_KEY,
      STRIPE_PUBLISHABLE_KEY: SANDBOX_PUBLISHABLE_KEY,
      STRIPE_WEBHOOK_SECRET: own ?? PLACEHOLDER_WEBHOOK_SECRET,
    },
    'environment variable',
  );
  if (own?.includes(',')) {
    throw new ConfigError(
      'STRIPE_WEBHOOK_SECRET',
      'environment variable',
      'must be one secret with the sandbox (it registers the endpoint)',
    );
  }
  return own;
}

function readPort(env: Environment, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(
      name,
      'environment variable',
      'must be a TCP port (0 to 65535)',
    );
  }
  return port;
}

function readDataDir(env: Environment): string {
  const value = env.DATA_DIR;
  if (value === undefined || value === '') return DEFAULT_DATA_DIR;
  if (value.trim() !== value || value.includes('\0')) {
    throw new ConfigError(
      'DATA_DIR',
      'environment variable',
      'must be a folder path without surrounding spaces',
    );
  }
  return value;
}
