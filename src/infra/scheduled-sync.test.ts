import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  buildTestApp,
  PROD_ENV,
  synthesizeTestApp,
} from './testing/build-test-app.js';
import {
  actionsOf,
  type TemplateStatement,
} from './testing/policy-statements.js';

const SYNC_FUNCTION = 'stripe-scheduled-sync-prod';

/** The statements of the policy attached to the role with this prefix. */
function roleStatements(
  template: Template,
  rolePrefix: string,
): TemplateStatement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) =>
      policy.Properties.Roles.some((role: { Ref: string }) =>
        role.Ref.startsWith(rolePrefix),
      ),
    )
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

function variablesOf(template: Template, functionName: string) {
  const [fn] = Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { FunctionName: functionName },
    }),
  );
  if (fn === undefined) throw new Error(`No function ${functionName}`);
  return fn.Properties.Environment.Variables as Record<string, unknown>;
}

describe('Class: ScheduledSync', () => {
  let template: Template;

  beforeAll(() => {
    template = synthesizeTestApp().webhookTemplate;
  });

  it('runs the sync on Node.js 24, arm64, 512 MB, 15 minutes', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: SYNC_FUNCTION,
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 900,
      Handler: 'index.handler',
    });
  });

  it('gives the sync the webhook settings, under its own service name', () => {
    const { POWERTOOLS_SERVICE_NAME, ...sync } = variablesOf(
      template,
      SYNC_FUNCTION,
    );
    const { POWERTOOLS_SERVICE_NAME: _, ...webhook } = variablesOf(
      template,
      'stripe-webhook-prod',
    );

    expect(POWERTOOLS_SERVICE_NAME).toBe('scheduled-sync');
    expect(sync).toEqual(webhook);
    expect(sync).toMatchObject({
      STAGE: 'prod',
      STRIPE_SECRET_NAME: 'stripe/prod',
      STRIPE_SECRETS_SOURCE: 'aws-secrets-manager',
      POWERTOOLS_METRICS_NAMESPACE: 'StripeBilling',
    });
    expect(Object.keys(sync)).toEqual(
      expect.arrayContaining([
        'BILLING_CONFIG',
        'CUSTOMERS_TABLE',
        'EVENTS_TABLE',
        'INVOICES_BUCKET',
      ]),
    );
  });

  it('lets the sync scan, get and put customers, nothing more', () => {
    const statements = roleStatements(template, 'ScheduledSyncRole');

    expect(
      statements.map((statement) => [statement.Sid, actionsOf(statement)]),
    ).toEqual([
      ['WriteOwnLogs', ['logs:CreateLogStream', 'logs:PutLogEvents']],
      [
        'SyncCustomersTable',
        ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Scan'],
      ],
      ['ReadStripeSecret', ['secretsmanager:GetSecretValue']],
    ]);
    const customers = statements.find((s) => s.Sid === 'SyncCustomersTable');
    expect(customers?.Resource).toEqual({
      'Fn::ImportValue': expect.stringMatching(
        /^stripe-billing-api-prod:ExportsOutputFnGetAttCustomersTable.*Arn/,
      ),
    });
    const secret = statements.find((s) => s.Sid === 'ReadStripeSecret');
    expect(JSON.stringify(secret?.Resource)).toMatch(
      /:secret:stripe\/prod-\?\?\?\?\?\?"/,
    );
  });

  it('keeps the sync logs for a month in its own log group', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: `/aws/lambda/${SYNC_FUNCTION}`,
      RetentionInDays: 30,
    });
  });

  it('runs the sync daily at 03:00 UTC by default', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: SYNC_FUNCTION,
      ScheduleExpression: 'cron(0 3 * * ? *)',
      State: 'ENABLED',
      Targets: [
        {
          Arn: {
            'Fn::GetAtt': [
              Match.stringLikeRegexp('^ScheduledSyncFunction'),
              'Arn',
            ],
          },
          Id: Match.anyValue(),
        },
      ],
    });
  });

  it('lets only its rule invoke the sync', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: {
        'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduledSyncFunction'), 'Arn'],
      },
      Principal: 'events.amazonaws.com',
      SourceArn: {
        'Fn::GetAtt': [Match.stringLikeRegexp('^ScheduledSyncSchedule'), 'Arn'],
      },
    });
  });

  it('runs on the schedule SYNC_SCHEDULE names', () => {
    const { webhook } = buildTestApp({
      ...PROD_ENV,
      SYNC_SCHEDULE: 'cron(30 1 ? * MON-FRI *)',
    });

    Template.fromStack(webhook).hasResourceProperties('AWS::Events::Rule', {
      Name: SYNC_FUNCTION,
      ScheduleExpression: 'cron(30 1 ? * MON-FRI *)',
    });
  });

  it('alarms when a run found drift, from the metric the sync emits', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${SYNC_FUNCTION}-drift-found`,
      Namespace: 'StripeBilling',
      MetricName: 'DriftFound',
      Dimensions: [{ Name: 'service', Value: 'scheduled-sync' }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [
        {
          'Fn::ImportValue': Match.stringLikeRegexp(
            '^stripe-billing-api-prod:.*AlarmsTopic',
          ),
        },
      ],
    });
  });

  it('alarms on customers a run could not sync', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${SYNC_FUNCTION}-sync-failures`,
      MetricName: 'SyncFailures',
      Dimensions: [{ Name: 'service', Value: 'scheduled-sync' }],
    });
  });

  it('alarms on the sync function erroring or timing out', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${SYNC_FUNCTION}-lambda-errors`,
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [
        {
          Name: 'FunctionName',
          Value: { Ref: Match.stringLikeRegexp('^ScheduledSyncFunction') },
        },
      ],
    });
  });
});
