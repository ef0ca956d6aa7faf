import { join } from 'node:path';

import {
  CfnOutput,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

import { USER_ID_INDEX } from '../storage/dynamo/table-definitions.js';
import { AlarmTopic } from './alarm-topic.js';
import { DEV_STAGE, type InfraSettings } from './infra-settings.js';
import { LoggedHttpApi } from './logged-http-api.js';
import { ServiceAlarms } from './service-alarms.js';
import { serviceEnvironment } from './service-environment.js';
import { ServiceFunction } from './service-function.js';
import { allowStripeSecretRead } from './stripe-secret-access.js';
import { allowTableActions } from './table-access.js';

/** Routes anyone may call: the plans and the API description. */
export const PUBLIC_ROUTES = [
  { method: apigw.HttpMethod.GET, path: '/api/billing/config' },
  { method: apigw.HttpMethod.GET, path: '/api/billing/openapi.json' },
] as const;

/** Routes that need a bearer token the JWT authorizer accepts. */
export const USER_ROUTES = [
  { method: apigw.HttpMethod.POST, path: '/api/billing/checkout-session' },
  { method: apigw.HttpMethod.POST, path: '/api/billing/portal' },
  { method: apigw.HttpMethod.GET, path: '/api/billing/subscription' },
  { method: apigw.HttpMethod.GET, path: '/api/billing/invoices' },
] as const;

/** What the billing API does with the customers table (and its index). */
export const BILLING_API_CUSTOMERS_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:Query',
] as const;

/** Name of the billing API's function, API and stack for a stage. */
export function billingApiName(stage: string): string {
  return `stripe-billing-api-${stage}`;
}

/** Properties of a {@link BillingApiStack}. */
export interface BillingApiStackProps extends StackProps {
  readonly settings: InfraSettings;
  /** Folder of `package.json`; the entry files are found from there. */
  readonly projectRoot: string;
  /**
   * Entry file exporting the Lambda `handler`.
   * @default `<projectRoot>/src/entry/lambda/billing-api.ts`
   */
  readonly entry?: string;
}

/**
 * Stack `stripe-billing-api-<stage>`: the billing API function behind an
 * HTTP API with a JWT authorizer on the user routes, and the customers
 * table, which this stack owns because the API is its source of truth. The
 * webhook stack receives the table (and the alarm topic) from here, so this
 * stack deploys first and refers to nothing of the webhook.
 */
export class BillingApiStack extends Stack {
  /** Customers table: key `customerId`, index `UserIdIndex` on `userId`. */
  readonly customersTable: dynamodb.Table;
  /** Where every alarm of the stage is sent; absent without an email. */
  readonly alarmTopic?: sns.ITopic;
  /** Base URL of the API (ends with `/`). */
  readonly apiUrl: string;

  constructor(scope: Construct, id: string, props: BillingApiStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const isDev = settings.stage === DEV_STAGE;
    const name = billingApiName(settings.stage);

    // Data
    this.customersTable = new dynamodb.Table(this, 'CustomersTable', {
      tableName: `stripe-customers-${settings.stage}`,
      partitionKey: { name: 'customerId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: !isDev,
      removalPolicy: isDev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    this.customersTable.addGlobalSecondaryIndex({
      indexName: USER_ID_INDEX,
      partitionKey: { name: 'userId', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });

    // Function
    const service = new ServiceFunction(this, 'BillingApi', {
      serviceName: 'billing-api',
      functionName: name,
      entry:
        props.entry ??
        join(props.projectRoot, 'src/entry/lambda/billing-api.ts'),
      projectRoot: props.projectRoot,
      environment: {
        ...serviceEnvironment(settings),
        CUSTOMERS_TABLE: this.customersTable.tableName,
        JWT_ISSUER: settings.jwtIssuer,
        JWT_AUDIENCE: settings.jwtAudience,
        ...(settings.jwtJwksUrl ? { JWT_JWKS_URL: settings.jwtJwksUrl } : {}),
      },
      logRemovalPolicy: isDev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    service.allow(
      allowTableActions({
        sid: 'UseCustomersTable',
        table: this.customersTable,
        actions: BILLING_API_CUSTOMERS_ACTIONS,
        indexNames: [USER_ID_INDEX],
      }),
    );
    service.allow(allowStripeSecretRead(this, settings.stage));

    // HTTP API
    const http = new LoggedHttpApi(this, 'Http', {
      apiName: name,
      corsPreflight: {
        allowOrigins: [...settings.allowedOrigins],
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST],
        allowHeaders: ['authorization', 'content-type'],
      },
      logRemovalPolicy: isDev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    const integration = new HttpLambdaIntegration(
      'BillingApiIntegration',
      service.function,
    );
    const authorizer = new HttpJwtAuthorizer(
      'JwtAuthorizer',
      settings.jwtIssuer,
      { jwtAudience: [settings.jwtAudience] },
    );
    for (const route of USER_ROUTES) {
      http.api.addRoutes({
        path: route.path,
        methods: [route.method],
        integration,
        authorizer,
      });
    }
    for (const route of PUBLIC_ROUTES) {
      const [publicRoute] = http.api.addRoutes({
        path: route.path,
        methods: [route.method],
        integration,
      });
      if (publicRoute !== undefined) {
        Validations.of(publicRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'Public by design: the plans and the API description carry no ' +
            'user data and are read before sign-in.',
        });
      }
    }
    this.apiUrl = http.url;

    // Operations
    if (settings.alarmEmail !== undefined) {
      this.alarmTopic = new AlarmTopic(this, 'Alarms', {
        topicName: `stripe-billing-alarms-${settings.stage}`,
        email: settings.alarmEmail,
      }).topic;
    }
    const alarms = new ServiceAlarms(this, 'Watch', {
      namePrefix: name,
      topic: this.alarmTopic,
    });
    alarms.watchFunction(service.function);
    alarms.watchServerErrors(http.stage);
    alarms.watchTable('customers', this.customersTable, [
      dynamodb.Operation.GET_ITEM,
      dynamodb.Operation.PUT_ITEM,
      dynamodb.Operation.UPDATE_ITEM,
      dynamodb.Operation.QUERY,
    ]);

    new CfnOutput(this, 'ApiUrl', {
      description: 'Base URL of the billing API, for the frontend',
      value: this.apiUrl,
    });
    new CfnOutput(this, 'CustomersTableName', {
      value: this.customersTable.tableName,
    });
  }
}
