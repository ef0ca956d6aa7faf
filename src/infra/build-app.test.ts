import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  buildTestApp,
  PROD_ENV,
  type SynthesizedTestApp,
  synthesizeTestApp,
} from './testing/build-test-app.js';

interface ValidationReport {
  readonly pluginReports: readonly {
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations: readonly { readonly ruleName: string }[];
  }[];
}

function readReport(outdir: string): ValidationReport {
  return JSON.parse(
    readFileSync(join(outdir, 'validation-report.json'), 'utf8'),
  );
}

function violationsIn(report: ValidationReport): string[] {
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.map((violation) => violation.ruleName),
  );
}

describe('Function: buildApp', () => {
  let prod: SynthesizedTestApp;
  let dev: SynthesizedTestApp;

  beforeAll(() => {
    prod = synthesizeTestApp();
    dev = synthesizeTestApp({});
  });

  it('passes the AwsSolutions checks with every finding acknowledged', () => {
    const { outdir } = prod;

    expect(violationsIn(readReport(outdir))).toEqual([]);
  });

  it('fails synthesis on a finding nobody acknowledged', () => {
    const { app, webhook } = buildTestApp();
    new s3.Bucket(webhook, 'Careless');

    expect(() => app.synth()).toThrow();

    const violations = violationsIn(readReport(app.outdir));
    expect(violations).toContain('AwsSolutions-S1');
    expect(violations).toContain('AwsSolutions-S10');
  });

  it('names both stacks after the stage', () => {
    const { billingApi, webhook } = prod;

    expect(billingApi.stackName).toBe('stripe-billing-api-prod');
    expect(webhook.stackName).toBe('stripe-webhook-prod');
  });

  it('deploys the billing API first: the webhook depends on it only', () => {
    const { billingApi, webhook } = prod;

    expect(webhook.dependencies.map((stack) => stack.stackName)).toEqual([
      'stripe-billing-api-prod',
    ]);
    expect(billingApi.dependencies).toEqual([]);
  });

  it('synthesizes the dev stage with placeholder token settings', () => {
    const { billingApiTemplate } = dev;

    billingApiTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: {
        Issuer: 'https://auth.dev.example.com/',
        Audience: ['stripe-billing-api'],
      },
    });
  });

  it('creates no alarm topic without an alarm email', () => {
    const { billingApiTemplate, webhookTemplate } = dev;

    billingApiTemplate.resourceCountIs('AWS::SNS::Topic', 0);
    const alarms = Object.values(
      webhookTemplate.findResources('AWS::CloudWatch::Alarm'),
    );
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toBeUndefined();
    }
  });

  it('lets the dev stage delete its tables with the stack', () => {
    const { billingApiTemplate, webhookTemplate } = dev;

    for (const template of [billingApiTemplate, webhookTemplate]) {
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Delete',
        Properties: { DeletionProtectionEnabled: false },
      });
    }
  });

  it('stops with the configuration error when the billing file is bad', () => {
    const env = { ...PROD_ENV, BILLING_CONFIG_FILE: 'package.json' };

    expect(() => buildTestApp(env)).toThrow(
      /^Invalid configuration: plans \(in .*package\.json\) /,
    );
  });
});
