import { readFileSync } from 'node:fs';
import type { z } from 'zod';

import type { AppConfig, AuthConfig, StripeApiBase } from './app-config.js';
import { billingConfigSchema } from './billing-config-schema.js';
import { ConfigError } from './errors.js';

/** Environment variables this project reads, by name. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Variables to read; default `process.env`. */
  readonly env?: Environment;
  /**
   * Billing configuration file used when neither `BILLING_CONFIG` nor
   * `BILLING_CONFIG_FILE` is set (the local stack passes the example).
   */
  readonly defaultConfigFile?: string;
}

const ENV = 'environment variable';

/**
 * Reads and validates the whole configuration once.
 *
 * The billing configuration (plans, URLs, access policy) comes from
 * `BILLING_CONFIG` (inline JSON, as the deployed functions get it) or the file
 * named by `BILLING_CONFIG_FILE`; everything that differs per stage comes from
 * the environment. Throws a {@link ConfigError} whose message is one line
 * naming the first setting at fault and where it is expected.
 */
export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  const env = options.env ?? process.env;
  const stage = readStage(env);
  const billing = readBillingConfig(env, options.defaultConfigFile);

  const origins = readOrigins(env) ?? billing.allowedOrigins;
  return Object.freeze({
    stage,
    plans: billing.plans,
    urls: billing.urls,
    allowedOrigins: origins,
    access: billing.access,
    checkout: billing.checkout,
    tables: {
      customers: readName(env, 'CUSTOMERS_TABLE', `stripe-customers-${stage}`),
      events: readName(env, 'EVENTS_TABLE', `stripe-events-${stage}`),
    },
    invoicesBucket: readName(
      env,
      'INVOICES_BUCKET',
      `stripe-invoices-${stage}`,
    ),
    stripe: {
      secretsSource: readSecretsSource(env),
      secretName: readName(env, 'STRIPE_SECRET_NAME', `stripe/${stage}`),
      secretsTtlSeconds: readInteger(env, 'STRIPE_SECRETS_TTL_SECONDS', 300),
      apiBase: readStripeApiBase(env),
    },
    auth: readAuth(env),
    aws: {
      region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
      dynamodbEndpoint: readUrl(env, 'DYNAMODB_ENDPOINT'),
      s3Endpoint: readUrl(env, 'S3_ENDPOINT'),
    },
  });
}

function readStage(env: Environment): string {
  const stage = env.STAGE ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(stage)) {
    throw new ConfigError(
      'STAGE',
      ENV,
      'must be lowercase letters, digits or -, starting with a letter',
    );
  }
  return stage;
}

function readBillingConfig(
  env: Environment,
  defaultFile: string | undefined,
): z.infer<typeof billingConfigSchema> {
  const inline = env.BILLING_CONFIG;
  const file = env.BILLING_CONFIG_FILE ?? defaultFile;
  let where: string;
  let text: string;
  if (inline !== undefined && inline !== '') {
    where = 'BILLING_CONFIG environment variable';
    text = inline;
  } else if (file !== undefined && file !== '') {
    where = file;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(
        'BILLING_CONFIG_FILE',
        ENV,
        `names ${file}, which cannot be read`,
      );
    }
  } else {
    throw new ConfigError(
      'BILLING_CONFIG_FILE',
      ENV,
      'is required: the path of the billing configuration JSON ' +
        '(see config/billing.example.json), or set BILLING_CONFIG inline',
    );
  }
  return parseBillingConfig(text, where);
}

/**
 * Validates billing configuration JSON; `where` names its source in the
 * error message.
 */
export function parseBillingConfig(
  text: string,
  where: string,
): z.infer<typeof billingConfigSchema> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError('billing configuration', where, 'is not valid JSON');
  }
  const result = billingConfigSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const setting = formatPath(issue?.path ?? []);
    throw new ConfigError(
      setting || 'billing configuration',
      `in ${where}`,
      issue?.message ?? 'is invalid',
    );
  }
  return result.data;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      return index === 0 ? String(part) : `.${String(part)}`;
    })
    .join('');
}

function readOrigins(env: Environment): string[] | undefined {
  const value = env.ALLOWED_ORIGINS;
  if (value === undefined || value.trim() === '') return undefined;
  const origins = value.split(',').map((origin) => origin.trim());
  for (const origin of origins) {
    if (!isOrigin(origin)) {
      throw new ConfigError(
        'ALLOWED_ORIGINS',
        ENV,
        `has ${JSON.stringify(origin)}, which is not an origin like ` +
          'https://app.example.com (comma-separated, no paths)',
      );
    }
  }
  return origins;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}

function readName(env: Environment, name: string, fallback: string): string {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^[A-Za-z0-9._/-]{3,255}$/.test(value)) {
    throw new ConfigError(name, ENV, 'has characters a resource name cannot');
  }
  return value;
}

function readInteger(env: Environment, name: string, fallback: number) {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) {
    throw new ConfigError(name, ENV, 'must be a whole number');
  }
  return Number(value);
}

function readUrl(env: Environment, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  try {
    const url = new URL(value);
    if (/^https?:$/.test(url.protocol)) return value;
  } catch {
    // Reported below with the setting's name.
  }
  throw new ConfigError(name, ENV, 'must be an http(s) URL');
}

function readSecretsSource(
  env: Environment,
): AppConfig['stripe']['secretsSource'] {
  const value = env.STRIPE_SECRETS_SOURCE;
  if (value === undefined || value === '') {
    return env.AWS_LAMBDA_FUNCTION_NAME ? 'aws-secrets-manager' : 'env';
  }
  if (value === 'env' || value === 'aws-secrets-manager') return value;
  throw new ConfigError(
    'STRIPE_SECRETS_SOURCE',
    ENV,
    'must be env or aws-secrets-manager',
  );
}

function readStripeApiBase(env: Environment): StripeApiBase | undefined {
  const host = env.STRIPE_API_HOST;
  if (host === undefined || host === '') return undefined;
  const protocol = env.STRIPE_API_PROTOCOL ?? 'https';
  if (protocol !== 'http' && protocol !== 'https') {
    throw new ConfigError('STRIPE_API_PROTOCOL', ENV, 'must be http or https');
  }
  const port = readInteger(
    env,
    'STRIPE_API_PORT',
    protocol === 'https' ? 443 : 80,
  );
  if (port < 1 || port > 65535) {
    throw new ConfigError('STRIPE_API_PORT', ENV, 'must be a TCP port');
  }
  return { host, port, protocol };
}

function readAuth(env: Environment): AuthConfig | undefined {
  const issuer = env.JWT_ISSUER;
  const audience = env.JWT_AUDIENCE;
  if (!issuer && !audience) return undefined;
  if (!issuer) {
    throw new ConfigError('JWT_ISSUER', ENV, 'is required with JWT_AUDIENCE');
  }
  if (!audience) {
    throw new ConfigError('JWT_AUDIENCE', ENV, 'is required with JWT_ISSUER');
  }
  return { issuer, audience, jwksUrl: readUrl(env, 'JWT_JWKS_URL') };
}
