import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
    entries: { billingApi: STAND_IN_ENTRY, webhook: STAND_IN_ENTRY },
    appProps: { outdir: mkdtempSync(join(tmpdir(), 'billing-cdk-')) },
  });
}
