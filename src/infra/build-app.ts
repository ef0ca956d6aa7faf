import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

import type { Environment } from '../config/load-config.js';
import { BillingApiStack } from './billing-api-stack.js';
import { readInfraSettings } from './infra-settings.js';
import { WebhookStack } from './webhook-stack.js';

/**
 * CDK behaviour this app relies on, set in code so that tests and the CLI
 * synthesize the same templates: S3 server access logs are delivered under
 * a bucket policy, not an ACL (the buckets enforce bucket-owner ownership);
 * the webhook stack's references to the customers table are strong, so the
 * billing API stack cannot drop the table while the webhook still uses it.
 */
export const FEATURE_FLAGS = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
} as const;

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  /** Folder of `package.json`; entry files and config are found there. */
  readonly projectRoot: string;
  /** Environment the settings are read from; default `process.env`. */
  readonly env?: Environment;
  /** Entry files to bundle instead of `src/entry/lambda/*.ts`. */
  readonly entries?: {
    readonly billingApi?: string;
    readonly webhook?: string;
    readonly scheduledSync?: string;
  };
  /** Passed to the CDK `App` (e.g. `outdir`, `context` in tests). */
  readonly appProps?: AppProps;
}

/** The CDK app of one stage and its two stacks. */
export interface BillingApp {
  readonly app: App;
  readonly billingApi: BillingApiStack;
  readonly webhook: WebhookStack;
}

/**
 * Builds the whole system for one stage: `stripe-billing-api-<stage>` first
 * (it owns the customers table), then `stripe-webhook-<stage>`, which uses
 * it. The stacks are environment-agnostic, so synthesis needs no AWS
 * account and makes no lookups. The AwsSolutions checks of cdk-nag run at
 * synthesis; a finding that is not acknowledged with a reason fails it.
 */
export function buildApp(options: BuildAppOptions): BillingApp {
  const app = new App({
    ...options.appProps,
    postCliContext: { ...FEATURE_FLAGS, ...options.appProps?.postCliContext },
  });
  const settings = readInfraSettings({
    env: options.env,
    context: (key) => app.node.tryGetContext(key),
    projectRoot: options.projectRoot,
  });

  const billingApi = new BillingApiStack(
    app,
    `stripe-billing-api-${settings.stage}`,
    {
      settings,
      projectRoot: options.projectRoot,
      entry: options.entries?.billingApi,
      description: `Stripe billing API (${settings.stage})`,
    },
  );
  const webhook = new WebhookStack(app, `stripe-webhook-${settings.stage}`, {
    settings,
    projectRoot: options.projectRoot,
    entry: options.entries?.webhook,
    syncEntry: options.entries?.scheduledSync,
    customersTable: billingApi.customersTable,
    alarmTopic: billingApi.alarmTopic,
    description: `Stripe webhook (${settings.stage})`,
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, billingApi, webhook };
}
