import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';

import { synthesizeTestApp } from './testing/build-test-app.js';
import {
  actionsOf,
  policyStatements,
  statementBySid,
} from './testing/policy-statements.js';

const CUSTOMERS_ARN_EXPORT = Match.stringLikeRegexp(
  '^stripe-billing-api-prod:ExportsOutputFnGetAttCustomersTable.*Arn',
);

describe('Class: WebhookStack', () => {
  let template: Template;

  beforeAll(() => {
    template = synthesizeTestApp().webhookTemplate;
  });

  it('keys the events table on eventId and expires items on expiresAt', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'stripe-events-prod',
      KeySchema: [{ AttributeName: 'eventId', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('bills the events table on demand, encrypted, with recovery', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'stripe-events-prod',
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it('declares no customers table of its own', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
  });

  it('encrypts the invoices bucket, blocks public access and versions it', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: Match.objectLike({
        DestinationBucketName: { Ref: Match.stringLikeRegexp('AccessLogs') },
      }),
    });
  });

  it('refuses requests to the invoices bucket without TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^InvoicesBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('runs the function on Node.js 24, arm64, 256 MB, 30 seconds', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'stripe-webhook-prod',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 30,
      Handler: 'index.handler',
    });
  });

  it('names the tables, bucket and secret the function reads', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'stripe-webhook-prod',
      Environment: {
        Variables: Match.objectLike({
          STAGE: 'prod',
          EVENTS_TABLE: { Ref: Match.stringLikeRegexp('^EventsTable') },
          CUSTOMERS_TABLE: {
            'Fn::ImportValue': Match.stringLikeRegexp(
              '^stripe-billing-api-prod:ExportsOutputRefCustomersTable',
            ),
          },
          INVOICES_BUCKET: { Ref: Match.stringLikeRegexp('^InvoicesBucket') },
          STRIPE_SECRET_NAME: 'stripe/prod',
          STRIPE_SECRETS_SOURCE: 'aws-secrets-manager',
          POWERTOOLS_SERVICE_NAME: 'webhook',
          BILLING_CONFIG: Match.stringLikeRegexp('^\\{"plans":'),
        }),
      },
    });
  });

  it('answers POST /webhook without an authorizer', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /webhook',
      AuthorizerId: Match.absent(),
    });
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 1);
  });

  it('allows only POST in CORS', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      Name: 'stripe-webhook-prod',
      CorsConfiguration: Match.objectLike({ AllowMethods: ['POST'] }),
    });
  });

  it('lets the function get and update ledger items only', () => {
    const statement = statementBySid(template, 'UseEventsTable');

    expect(actionsOf(statement)).toEqual([
      'dynamodb:GetItem',
      'dynamodb:UpdateItem',
    ]);
    expect(statement.Resource).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^EventsTable/), 'Arn'],
    });
  });

  it('lets the function get and put items of the imported customers table', () => {
    const statement = statementBySid(template, 'UseCustomersTable');

    expect(actionsOf(statement)).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
    ]);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'UseCustomersTable',
            Resource: { 'Fn::ImportValue': CUSTOMERS_ARN_EXPORT },
          }),
        ]),
      },
    });
  });

  it('lets the function read and write invoice documents only', () => {
    const statement = statementBySid(template, 'ArchiveInvoices');

    expect(actionsOf(statement)).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(statement.Resource).toEqual({
      'Fn::Join': [
        '',
        [
          { 'Fn::GetAtt': [expect.stringMatching(/^InvoicesBucket/), 'Arn'] },
          '/invoices/*',
        ],
      ],
    });
  });

  it('lets the function list only the invoices prefix', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'FindInvoices',
            Effect: 'Allow',
            Action: 's3:ListBucket',
            Resource: {
              'Fn::GetAtt': [Match.stringLikeRegexp('^InvoicesBucket'), 'Arn'],
            },
            Condition: { StringLike: { 's3:prefix': ['invoices/*'] } },
          },
        ]),
      },
    });
  });

  it('lets the function read only the stage secret', () => {
    const statement = statementBySid(template, 'ReadStripeSecret');

    expect(actionsOf(statement)).toEqual(['secretsmanager:GetSecretValue']);
    expect(JSON.stringify(statement.Resource)).toMatch(
      /:secret:stripe\/prod-\?\?\?\?\?\?"/,
    );
  });

  it('grants no wildcard action and nothing on every resource', () => {
    const statements = policyStatements(template);

    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(actionsOf(statement).join(' ')).not.toContain('*');
      expect(statement.Resource).not.toBe('*');
    }
  });

  it('keeps function logs and API access logs for a month', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/lambda/stripe-webhook-prod',
      RetentionInDays: 30,
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: {
        DestinationArn: {
          'Fn::GetAtt': [Match.stringLikeRegexp('^HttpAccessLogs'), 'Arn'],
        },
        Format: Match.stringLikeRegexp('"status":"\\$context.status"'),
      },
    });
  });

  it('counts log lines of failed signature verification', () => {
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('^WebhookLogGroup') },
      FilterPattern:
        '{ ($.code = "signature_missing") || ($.code = "signature_invalid") }',
      MetricTransformations: [
        {
          MetricNamespace: 'StripeBilling/prod',
          MetricName: 'SignatureVerificationFailures',
          MetricValue: '1',
          DefaultValue: 0,
        },
      ],
    });
  });

  it('alarms on 5xx, signature failures, errors, throttles', () => {
    for (const name of [
      'api-5xx',
      'signature-failures',
      'lambda-errors',
      'lambda-throttles',
      'events-throttles',
    ]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `stripe-webhook-prod-${name}`,
        AlarmActions: [
          {
            'Fn::ImportValue': Match.stringLikeRegexp(
              '^stripe-billing-api-prod:.*AlarmsTopic',
            ),
          },
        ],
      });
    }
  });

  it('alarms on signature failures from the metric filter', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'stripe-webhook-prod-signature-failures',
      Namespace: 'StripeBilling/prod',
      MetricName: 'SignatureVerificationFailures',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('outputs the webhook URL ending in /webhook', () => {
    template.hasOutput('WebhookUrl', {
      Value: { 'Fn::Join': ['', Match.arrayWith(['/webhook'])] },
    });
  });
});
