import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ConfigError } from '../config/errors.js';
import { InfraSettingError } from './errors.js';
import {
  DEV_JWT_AUDIENCE,
  DEV_JWT_ISSUER,
  readInfraSettings,
} from './infra-settings.js';
import { PROJECT_ROOT } from './testing/build-test-app.js';

const PROD = {
  STAGE: 'prod',
  JWT_ISSUER: 'https://auth.example.com/',
  JWT_AUDIENCE: 'billing-api',
};

function read(env: Record<string, string>, context = {}) {
  return readInfraSettings({
    env,
    context: (key) => (context as Record<string, unknown>)[key],
    projectRoot: PROJECT_ROOT,
  });
}

function writeConfig(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'infra-settings-')), 'b.json');
  writeFileSync(file, text);
  return file;
}

describe('Function: readInfraSettings', () => {
  it('defaults to the dev stage, the example config and placeholder tokens', () => {
    const settings = read({});

    expect(settings.stage).toBe('dev');
    expect(settings.jwtIssuer).toBe(DEV_JWT_ISSUER);
    expect(settings.jwtAudience).toBe(DEV_JWT_AUDIENCE);
    expect(JSON.parse(settings.billingConfig).plans[0].key).toBe('starter');
    expect(settings.allowedOrigins).toEqual([
      'http://127.0.0.1:4242',
      'http://localhost:4242',
    ]);
    expect(settings.alarmEmail).toBeUndefined();
  });

  it('passes the billing configuration on as one line of JSON', () => {
    const file = writeConfig(
      JSON.stringify(JSON.parse(read({}).billingConfig), null, 2),
    );

    const settings = read({ BILLING_CONFIG_FILE: file });

    expect(settings.billingConfig).not.toContain('\n');
    expect(settings.billingConfig).toBe(read({}).billingConfig);
  });

  it('throws the one-line ConfigError when the billing file is invalid', () => {
    const file = writeConfig('{"plans": []}');

    expect(() => read({ BILLING_CONFIG_FILE: file })).toThrow(ConfigError);
    expect(() => read({ BILLING_CONFIG_FILE: file })).toThrow(
      /^Invalid configuration: plans \(in .*b\.json\) [^\n]+$/,
    );
  });

  it('throws when the billing file cannot be read', () => {
    expect(() => read({ BILLING_CONFIG_FILE: 'config/missing.json' })).toThrow(
      /BILLING_CONFIG_FILE .* cannot be read/,
    );
  });

  it('requires JWT_ISSUER for a stage other than dev', () => {
    const { JWT_ISSUER: _, ...env } = PROD;

    expect(() => read(env)).toThrow(InfraSettingError);
    expect(() => read(env)).toThrow(
      'Invalid deployment setting: JWT_ISSUER is required for stage prod',
    );
  });

  it('requires JWT_AUDIENCE for a stage other than dev', () => {
    const { JWT_AUDIENCE: _, ...env } = PROD;

    expect(() => read(env)).toThrow(/JWT_AUDIENCE is required for stage prod/);
  });

  it('refuses an issuer that is not an https URL', () => {
    expect(() =>
      read({ ...PROD, JWT_ISSUER: 'http://auth.example.com/' }),
    ).toThrow('Invalid deployment setting: JWT_ISSUER must be an https URL');
  });

  it('prefers CDK context to the environment', () => {
    const settings = read(
      { ...PROD, ALLOWED_ORIGINS: 'https://env.example.com' },
      {
        stage: 'staging',
        jwtAudience: 'from-context',
        allowedOrigins: 'https://context.example.com',
      },
    );

    expect(settings.stage).toBe('staging');
    expect(settings.jwtAudience).toBe('from-context');
    expect(settings.jwtIssuer).toBe(PROD.JWT_ISSUER);
    expect(settings.allowedOrigins).toEqual(['https://context.example.com']);
  });

  it('refuses an allowed origin with a path', () => {
    expect(() =>
      read({ ...PROD, ALLOWED_ORIGINS: 'https://app.example.com/home' }),
    ).toThrow(/ALLOWED_ORIGINS/);
  });

  it('refuses a stage name that cannot name resources', () => {
    expect(() => read({ ...PROD, STAGE: 'Prod_1' })).toThrow(/STAGE/);
  });

  it('reads the alarm email and refuses one that is not an address', () => {
    expect(read({ ALARM_EMAIL: 'ops@example.com' }).alarmEmail).toBe(
      'ops@example.com',
    );

    expect(() => read({ ALARM_EMAIL: 'ops' })).toThrow(
      'Invalid deployment setting: ALARM_EMAIL has "ops", which is not an ' +
        'email address',
    );
  });

  it('runs the sync daily at 03:00 UTC unless SYNC_SCHEDULE says otherwise', () => {
    const byDefault = read({}).syncSchedule;
    const fromEnv = read({ SYNC_SCHEDULE: '0 6 ? * SUN *' }).syncSchedule;
    const fromContext = read(
      { SYNC_SCHEDULE: '0 6 ? * SUN *' },
      { syncSchedule: 'cron(0 1 * * ? *)' },
    ).syncSchedule;

    expect(byDefault).toEqual({
      minute: '0',
      hour: '3',
      day: '*',
      month: '*',
      year: '*',
    });
    expect(fromEnv).toMatchObject({ hour: '6', weekDay: 'SUN' });
    expect(fromContext).toMatchObject({ hour: '1', day: '*' });
  });

  it('refuses a sync schedule that is not a six-field cron expression', () => {
    expect(() => read({ SYNC_SCHEDULE: 'daily' })).toThrow(
      /^Invalid deployment setting: SYNC_SCHEDULE has "daily"/,
    );
  });
});
