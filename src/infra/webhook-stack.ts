import { join } from 'node:path';

import {
  CfnOutput,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

import { EVENTS_TTL_ATTRIBUTE } from '../storage/dynamo/table-definitions.js';
import { billingApiName } from './billing-api-stack.js';
import { BillingDashboard } from './billing-dashboard.js';
import { DEV_STAGE, type InfraSettings } from './infra-settings.js';
import { InvoicesBucket } from './invoices-bucket.js';
import { LoggedHttpApi } from './logged-http-api.js';
import { ScheduledSync } from './scheduled-sync.js';
import { ServiceAlarms } from './service-alarms.js';
import { serviceEnvironment } from './service-environment.js';
import { ServiceFunction } from './service-function.js';
import { SignatureFailureMetric } from './signature-failure-metric.js';
import { allowStripeSecretRead } from './stripe-secret-access.js';
import { allowTableActions } from './table-access.js';

/** Path Stripe delivers events to. */
export const WEBHOOK_PATH = '/webhook';

/**
 * What the webhook does with the events table (the event ledger): claims
 * and settles items with conditional updates, reads them back.
 */
export const WEBHOOK_EVENTS_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:UpdateItem',
] as const;

/**
 * What the webhook does with the customers table: reads a customer by id
 * and writes it back conditionally. It never looks customers up by user,
 * so it gets neither Query nor the index.
 */
export const WEBHOOK_CUSTOMERS_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
] as const;

/** Prefix of the invoice documents in the bucket. */
export const INVOICES_PREFIX = 'invoices/';

/**
 * What the webhook does with invoice documents: reads the stored one's
 * metadata (HeadObject, which needs GetObject) and writes the new one.
 */
export const WEBHOOK_OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject'] as const;

/** Properties of a {@link WebhookStack}. */
export interface WebhookStackProps extends StackProps {
  readonly settings: InfraSettings;
  /** Folder of `package.json`; the entry files are found from there. */
  readonly projectRoot: string;
  /**
   * Entry file exporting the Lambda `handler`.
   * @default `<projectRoot>/src/entry/lambda/webhook.ts`
   */
  readonly entry?: string;
  /**
   * Entry file exporting the scheduled sync's `handler`.
   * @default `<projectRoot>/src/entry/lambda/scheduled-sync.ts`
   */
  readonly syncEntry?: string;
  /** The customers table, owned by the billing API stack. */
  readonly customersTable: dynamodb.ITable;
  /** Where alarms are sent; none when absent. */
  readonly alarmTopic?: sns.ITopic | undefined;
}

/**
 * Stack `stripe-webhook-<stage>`: the webhook function behind an HTTP API
 * (`POST /webhook`), the event ledger table and the invoices bucket, the
 * scheduled sync, and the stage's dashboard. It writes the customers table
 * it receives from the billing API stack.
 */
export class WebhookStack extends Stack {
  /** Events table: key `eventId`, TTL on `expiresAt`. */
  readonly eventsTable: dynamodb.Table;
  /** Where paid invoices are archived. */
  readonly invoicesBucket: InvoicesBucket;
  /** The URL to register in Stripe as the webhook endpoint. */
  readonly webhookUrl: string;

  constructor(scope: Construct, id: string, props: WebhookStackProps) {
    super(scope, id, props);
    const { settings, customersTable } = props;
    const isDev = settings.stage === DEV_STAGE;
    const name = `stripe-webhook-${settings.stage}`;

    // Data
    this.eventsTable = new dynamodb.Table(this, 'EventsTable', {
      tableName: `stripe-events-${settings.stage}`,
      partitionKey: { name: 'eventId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: EVENTS_TTL_ATTRIBUTE,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: !isDev,
      removalPolicy: isDev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    this.invoicesBucket = new InvoicesBucket(this, 'Invoices');

    // Function
    const logRemovalPolicy = isDev
      ? RemovalPolicy.DESTROY
      : RemovalPolicy.RETAIN;
    const environment = {
      ...serviceEnvironment(settings),
      CUSTOMERS_TABLE: customersTable.tableName,
      EVENTS_TABLE: this.eventsTable.tableName,
      INVOICES_BUCKET: this.invoicesBucket.bucket.bucketName,
    };
    const service = new ServiceFunction(this, 'Webhook', {
      serviceName: 'webhook',
      functionName: name,
      entry:
        props.entry ?? join(props.projectRoot, 'src/entry/lambda/webhook.ts'),
      projectRoot: props.projectRoot,
      environment,
      logRemovalPolicy,
    });
    service.allow(
      allowTableActions({
        sid: 'UseEventsTable',
        table: this.eventsTable,
        actions: WEBHOOK_EVENTS_ACTIONS,
      }),
    );
    service.allow(
      allowTableActions({
        sid: 'UseCustomersTable',
        table: customersTable,
        actions: WEBHOOK_CUSTOMERS_ACTIONS,
      }),
    );
    service.allow(
      new iam.PolicyStatement({
        sid: 'ArchiveInvoices',
        actions: [...WEBHOOK_OBJECT_ACTIONS],
        resources: [
          this.invoicesBucket.bucket.arnForObjects(`${INVOICES_PREFIX}*`),
        ],
      }),
    );
    // Without ListBucket, S3 answers 403 instead of 404 for a missing key,
    // and the archive could not tell "no document yet" from a failure.
    service.allow(
      new iam.PolicyStatement({
        sid: 'FindInvoices',
        actions: ['s3:ListBucket'],
        resources: [this.invoicesBucket.bucket.bucketArn],
        conditions: {
          StringLike: { 's3:prefix': [`${INVOICES_PREFIX}*`] },
        },
      }),
    );
    service.allow(allowStripeSecretRead(this, settings.stage));
    Validations.of(service.role).acknowledge({
      id:
        'AwsSolutions-IAM5[Resource::' +
        `<${this.invoicesBucket.logicalId}.Arn>/${INVOICES_PREFIX}*]`,
      reason:
        'A resource wildcard, not an action one: one document per ' +
        'invoice, keyed by ids known only at run time, under invoices/ ' +
        'in this one bucket.',
    });

    // HTTP API
    const http = new LoggedHttpApi(this, 'Http', {
      apiName: name,
      corsPreflight: {
        allowOrigins: [...settings.allowedOrigins],
        allowMethods: [apigw.CorsHttpMethod.POST],
        allowHeaders: ['content-type', 'stripe-signature'],
      },
      logRemovalPolicy,
    });
    const [route] = http.api.addRoutes({
      path: WEBHOOK_PATH,
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration(
        'WebhookIntegration',
        service.function,
      ),
    });
    if (route !== undefined) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Stripe cannot present credentials: every request is authenticated ' +
          'by its Stripe-Signature header, checked with the webhook secret.',
      });
    }
    this.webhookUrl = `${http.url}${WEBHOOK_PATH.slice(1)}`;

    // Operations
    const alarms = new ServiceAlarms(this, 'Watch', {
      namePrefix: name,
      topic: props.alarmTopic,
    });
    alarms.watchFunction(service.function);
    alarms.watchServerErrors(http.stage);
    alarms.watchTable('events', this.eventsTable, [
      dynamodb.Operation.GET_ITEM,
      dynamodb.Operation.PUT_ITEM,
      dynamodb.Operation.UPDATE_ITEM,
    ]);
    const signatureFailures = new SignatureFailureMetric(
      this,
      'SignatureFailures',
      { logGroup: service.logGroup, stage: settings.stage },
    );
    alarms.add({
      name: 'signature-failures',
      metric: signatureFailures.metric,
      description:
        'Requests to the webhook failed signature verification: check that ' +
        'the webhook secret in stripe/<stage> matches the Stripe endpoint.',
    });

    // Scheduled reconciliation, and the stage's dashboard
    const sync = new ScheduledSync(this, 'ScheduledSync', {
      settings,
      entry:
        props.syncEntry ??
        join(props.projectRoot, 'src/entry/lambda/scheduled-sync.ts'),
      projectRoot: props.projectRoot,
      environment,
      customersTable,
      alarmTopic: props.alarmTopic,
      logRemovalPolicy,
    });
    new BillingDashboard(this, 'Dashboard', {
      stage: settings.stage,
      functions: [
        { label: 'webhook', function: service.function },
        { label: 'scheduled sync', function: sync.service.function },
        {
          label: 'billing API',
          // By name, so the dashboard adds no export to the API stack.
          function: lambda.Function.fromFunctionName(
            this,
            'BillingApiFunction',
            billingApiName(settings.stage),
          ),
        },
      ],
      signatureFailures: signatureFailures.metric,
    });

    new CfnOutput(this, 'WebhookUrl', {
      description: 'Register this URL as the webhook endpoint in Stripe',
      value: this.webhookUrl,
    });
    new CfnOutput(this, 'EventsTableName', {
      value: this.eventsTable.tableName,
    });
    new CfnOutput(this, 'InvoicesBucketName', {
      value: this.invoicesBucket.bucket.bucketName,
    });
  }
}
