import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';

import { PUBLIC_ROUTES, USER_ROUTES } from './billing-api-stack.js';
import {
  PROD_ENV,
  PROJECT_ROOT,
  synthesizeTestApp,
} from './testing/build-test-app.js';
import {
  actionsOf,
  policyStatements,
  statementBySid,
} from './testing/policy-statements.js';

describe('Class: BillingApiStack', () => {
  let template: Template;

  beforeAll(() => {
    template = synthesizeTestApp().billingApiTemplate;
  });

  function routeKeyed(routeKey: string): Record<string, unknown> {
    const routes = template.findResources('AWS::ApiGatewayV2::Route', {
      Properties: { RouteKey: routeKey },
    });
    const [route] = Object.values(routes);
    if (route === undefined) throw new Error(`No route ${routeKey}`);
    return route.Properties;
  }

  it('keys the customers table on customerId with the UserIdIndex index', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'stripe-customers-prod',
      KeySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'UserIdIndex',
          KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('bills the customers table on demand, encrypted, with recovery', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TableName: 'stripe-customers-prod',
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it('keeps the customers table when the stack is deleted', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: { TableName: 'stripe-customers-prod' },
    });
  });

  it('runs the function on Node.js 24, arm64, 256 MB, 30 seconds', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'stripe-billing-api-prod',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 30,
      Handler: 'index.handler',
    });
  });

  it('gives the function the settings loadConfig reads', () => {
    const config = readFileSync(
      join(PROJECT_ROOT, 'config/billing.example.json'),
      'utf8',
    );

    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'stripe-billing-api-prod',
      Environment: {
        Variables: {
          STAGE: 'prod',
          BILLING_CONFIG: JSON.stringify(JSON.parse(config)),
          CUSTOMERS_TABLE: { Ref: Match.stringLikeRegexp('^CustomersTable') },
          STRIPE_SECRET_NAME: 'stripe/prod',
          STRIPE_SECRETS_SOURCE: 'aws-secrets-manager',
          ALLOWED_ORIGINS: 'https://app.example.com',
          JWT_ISSUER: PROD_ENV.JWT_ISSUER,
          JWT_AUDIENCE: PROD_ENV.JWT_AUDIENCE,
          POWERTOOLS_SERVICE_NAME: 'billing-api',
          POWERTOOLS_METRICS_NAMESPACE: 'StripeBilling',
          LOG_LEVEL: 'INFO',
        },
      },
    });
  });

  it('puts no Stripe key in the template', () => {
    const text = JSON.stringify(template.toJSON());

    expect(text).not.toMatch(/STRIPE_SECRET_KEY|sk_(test|live)_/);
  });

  it('requires a token the JWT authorizer accepts on every user route', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: PROD_ENV.JWT_ISSUER,
        Audience: [PROD_ENV.JWT_AUDIENCE],
      },
    });

    for (const route of USER_ROUTES) {
      const properties = routeKeyed(`${route.method} ${route.path}`);
      expect(properties.AuthorizationType).toBe('JWT');
      expect(properties.AuthorizerId).toBeDefined();
    }
  });

  it('leaves the config and openapi.json routes public', () => {
    for (const route of PUBLIC_ROUTES) {
      const properties = routeKeyed(`${route.method} ${route.path}`);

      expect(properties.AuthorizerId).toBeUndefined();
      expect(properties.AuthorizationType ?? 'NONE').toBe('NONE');
    }
  });

  it('declares exactly the six billing routes', () => {
    const keys = Object.values(
      template.findResources('AWS::ApiGatewayV2::Route'),
    ).map((route) => route.Properties.RouteKey);

    expect(keys.sort()).toEqual([
      'GET /api/billing/config',
      'GET /api/billing/invoices',
      'GET /api/billing/openapi.json',
      'GET /api/billing/subscription',
      'POST /api/billing/checkout-session',
      'POST /api/billing/portal',
    ]);
  });

  it('allows only the configured origins in CORS', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      Name: 'stripe-billing-api-prod',
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowOrigins: ['https://app.example.com'],
        AllowMethods: ['GET', 'POST'],
        AllowHeaders: ['authorization', 'content-type'],
      },
    });
  });

  it('lets the function use only the customers table and its index', () => {
    const statement = statementBySid(template, 'UseCustomersTable');

    expect(actionsOf(statement)).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:Query',
    ]);
    expect(statement.Resource).toEqual([
      { 'Fn::GetAtt': [expect.stringMatching(/^CustomersTable/), 'Arn'] },
      {
        'Fn::Join': [
          '',
          [
            { 'Fn::GetAtt': [expect.stringMatching(/^CustomersTable/), 'Arn'] },
            '/index/UserIdIndex',
          ],
        ],
      },
    ]);
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

  it('attaches no managed policy to the function role', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.absent(),
    });
  });

  it('keeps function logs and API access logs for a month', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/lambda/stripe-billing-api-prod',
      RetentionInDays: 30,
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/http-api/stripe-billing-api-prod/access',
      RetentionInDays: 30,
    });
  });

  it('writes API access logs as JSON to the access log group', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: {
          'Fn::GetAtt': [Match.stringLikeRegexp('^HttpAccessLogs'), 'Arn'],
        },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
      DefaultRouteSettings: {
        ThrottlingRateLimit: 100,
        ThrottlingBurstLimit: 200,
      },
    });
  });

  it('alarms on function errors, throttles, 5xx and table throttles', () => {
    for (const name of [
      'lambda-errors',
      'lambda-throttles',
      'api-5xx',
      'customers-throttles',
    ]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `stripe-billing-api-prod-${name}`,
        AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmsTopic') }],
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('sends alarms to an encrypted topic the alarm email subscribes to', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'stripe-billing-alarms-prod',
      KmsMasterKeyId: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
  });

  it('outputs the API URL for the frontend', () => {
    template.hasOutput('ApiUrl', {
      Value: {
        'Fn::Join': [
          '',
          Match.arrayWith([Match.stringLikeRegexp('execute-api')]),
        ],
      },
    });
  });
});
