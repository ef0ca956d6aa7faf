import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

import type { CronOptions } from 'aws-cdk-lib/aws-events';
import { z } from 'zod';

import { type Environment, loadConfig } from '../config/load-config.js';
import { InfraSettingError } from './errors.js';
import { DEFAULT_SYNC_SCHEDULE, parseSyncSchedule } from './sync-schedule.js';

/** Billing configuration synthesized when none is named. */
export const DEFAULT_BILLING_CONFIG_FILE = 'config/billing.example.json';

/**
 * Token issuer used by the `dev` stage when none is configured. It is a
 * placeholder: the API deploys, but its user routes refuse every token until
 * a real issuer is set.
 */
export const DEV_JWT_ISSUER = 'https://auth.dev.example.com/';

/** Token audience used by the `dev` stage when none is configured. */
export const DEV_JWT_AUDIENCE = 'stripe-billing-api';

/** The only stage allowed to fall back to the placeholder token settings. */
export const DEV_STAGE = 'dev';

/** Everything the stacks need to know about one deployment stage. */
export interface InfraSettings {
  /** Deployment stage, e.g. `dev` or `prod`; part of every resource name. */
  readonly stage: string;
  /** The validated billing configuration, as minified JSON. */
  readonly billingConfig: string;
  /** Origins allowed to call the billing API from a browser. */
  readonly allowedOrigins: readonly string[];
  /** Expected `iss` claim of the billing API's bearer tokens. */
  readonly jwtIssuer: string;
  /** Expected `aud` claim of the billing API's bearer tokens. */
  readonly jwtAudience: string;
  /** JSON Web Key Set URL of the issuer, when it is not the default one. */
  readonly jwtJwksUrl?: string | undefined;
  /** Address that receives alarm notifications; no topic when absent. */
  readonly alarmEmail?: string | undefined;
  /** When the scheduled sync runs: EventBridge cron fields, in UTC. */
  readonly syncSchedule: CronOptions;
}

/** Where {@link readInfraSettings} looks for settings. */
export interface InfraSettingsSources {
  /** Environment variables; default `process.env`. */
  readonly env?: Environment;
  /** CDK context lookup (`app.node.tryGetContext`); wins over `env`. */
  readonly context?: (key: string) => unknown;
  /** Folder relative paths are resolved against; default the cwd. */
  readonly projectRoot?: string;
}

/**
 * Reads and validates the deployment settings at synthesis time, so that a
 * bad billing configuration or missing token settings stop `cdk synth` with
 * one line instead of surfacing in a deployed function.
 *
 * Each setting comes from CDK context (`-c stage=prod`) or else the
 * environment: `stage`/`STAGE` (default `dev`),
 * `billingConfigFile`/`BILLING_CONFIG_FILE` (default
 * {@link DEFAULT_BILLING_CONFIG_FILE}), `allowedOrigins`/`ALLOWED_ORIGINS`
 * (default the billing configuration's), `jwtIssuer`/`JWT_ISSUER`,
 * `jwtAudience`/`JWT_AUDIENCE`, `jwtJwksUrl`/`JWT_JWKS_URL`,
 * `alarmEmail`/`ALARM_EMAIL`, `syncSchedule`/`SYNC_SCHEDULE` (default
 * {@link DEFAULT_SYNC_SCHEDULE}, see `parseSyncSchedule`).
 */
export function readInfraSettings(
  sources: InfraSettingsSources = {},
): InfraSettings {
  const read = makeReader(sources);
  const stage = read('stage', 'STAGE') ?? DEV_STAGE;
  const file = resolveFile(
    read('billingConfigFile', 'BILLING_CONFIG_FILE') ??
      DEFAULT_BILLING_CONFIG_FILE,
    sources.projectRoot,
  );
  const jwt = readJwt(stage, read);
  if (!isHttpsUrl(jwt.issuer)) {
    throw new InfraSettingError('JWT_ISSUER', 'must be an https URL');
  }

  const config = loadConfig({
    env: {
      STAGE: stage,
      BILLING_CONFIG_FILE: file,
      ALLOWED_ORIGINS: read('allowedOrigins', 'ALLOWED_ORIGINS'),
      JWT_ISSUER: jwt.issuer,
      JWT_AUDIENCE: jwt.audience,
      JWT_JWKS_URL: read('jwtJwksUrl', 'JWT_JWKS_URL'),
    },
  });

  return Object.freeze({
    stage: config.stage,
    billingConfig: JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))),
    allowedOrigins: config.allowedOrigins,
    jwtIssuer: jwt.issuer,
    jwtAudience: jwt.audience,
    jwtJwksUrl: config.auth?.jwksUrl,
    alarmEmail: readAlarmEmail(read('alarmEmail', 'ALARM_EMAIL')),
    syncSchedule: parseSyncSchedule(
      read('syncSchedule', 'SYNC_SCHEDULE') ?? DEFAULT_SYNC_SCHEDULE,
    ),
  });
}

type Reader = (contextKey: string, envName: string) => string | undefined;

function makeReader(sources: InfraSettingsSources): Reader {
  const env = sources.env ?? process.env;
  return (contextKey, envName) => {
    const fromContext = sources.context?.(contextKey);
    if (fromContext !== undefined && fromContext !== null) {
      return String(fromContext);
    }
    const fromEnv = env[envName];
    return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
  };
}

function resolveFile(file: string, projectRoot: string | undefined): string {
  return isAbsolute(file) ? file : resolve(projectRoot ?? '.', file);
}

function readJwt(stage: string, read: Reader) {
  const issuer = read('jwtIssuer', 'JWT_ISSUER');
  const audience = read('jwtAudience', 'JWT_AUDIENCE');
  if (stage === DEV_STAGE) {
    return {
      issuer: issuer ?? DEV_JWT_ISSUER,
      audience: audience ?? DEV_JWT_AUDIENCE,
    };
  }
  if (issuer === undefined) {
    throw new InfraSettingError(
      'JWT_ISSUER',
      `is required for stage ${stage}: set the environment variable or ` +
        '-c jwtIssuer=https://<your issuer>/',
    );
  }
  if (audience === undefined) {
    throw new InfraSettingError(
      'JWT_AUDIENCE',
      `is required for stage ${stage}: set the environment variable or ` +
        '-c jwtAudience=<your API audience>',
    );
  }
  return { issuer, audience };
}

function isHttpsUrl(value: string): boolean {
  return z.url({ protocol: /^https$/ }).safeParse(value).success;
}

function readAlarmEmail(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!z.email().safeParse(value).success) {
    throw new InfraSettingError(
      'ALARM_EMAIL',
      `has ${JSON.stringify(value)}, which is not an email address`,
    );
  }
  return value;
}
