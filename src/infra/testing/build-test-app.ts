import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Template } from 'aws-cdk-lib/assertions';

import type { Environment } from '../../config/load-config.js';
import { type BillingApp, buildApp } from '../build-app.js';

/** The repository root, where `package-lock.json` lives. */
export const PROJECT_ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../..',
);

/** The handler bundled in place of the real entry points. */
export const STAND_IN_ENTRY = join(
  PROJECT_ROOT,
  'src/infra/testing/stand-in-handler.ts',
);

/** Settings of a production-like stage for template tests. */
export const PROD_ENV: Environment = {
  STAGE: 'prod',
  JWT_ISSUER: 'https://auth.example.com/',
  JWT_AUDIENCE: 'billing-api',
  ALLOWED_ORIGINS: 'https://app.example.com',
  ALARM_EMAIL: 'ops@example.com',
};

/**
 * Builds the app for template tests: stand-in handlers (the services are
 * exercised by test/deploy), assembly written to a fresh temporary folder.
 */
export function buildTestApp(env: Environment = PROD_ENV): BillingApp {
  return buildApp({
    projectRoot: PROJECT_ROOT,
    env,
    entries: {
      billingApi: STAND_IN_ENTRY,
      webhook: STAND_IN_ENTRY,
      scheduledSync: STAND_IN_ENTRY,
    },
    appProps: { outdir: mkdtempSync(join(tmpdir(), 'billing-cdk-')) },
  });
}

/** A synthesized test app and the templates of its two stacks. */
export interface SynthesizedTestApp extends BillingApp {
  /** Folder the cloud assembly was written to. */
  readonly outdir: string;
  readonly billingApiTemplate: Template;
  readonly webhookTemplate: Template;
}

/**
 * Builds and synthesizes the test app once (with the cdk-nag checks, which
 * throw on an unacknowledged finding) and reads both templates from the
 * assembly; cheaper than one `Template.fromStack` per stack.
 */
export function synthesizeTestApp(
  env: Environment = PROD_ENV,
): SynthesizedTestApp {
  const built = buildTestApp(env);
  const assembly = built.app.synth();
  const templateOf = (stackName: string) =>
    Template.fromJSON(assembly.getStackByName(stackName).template);
  return {
    ...built,
    outdir: assembly.directory,
    billingApiTemplate: templateOf(built.billingApi.stackName),
    webhookTemplate: templateOf(built.webhook.stackName),
  };
}
