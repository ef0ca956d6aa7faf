import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseBillingConfig } from '../../src/config/load-config.js';
import { buildApp } from '../../src/infra/build-app.js';
import {
  PROD_ENV,
  PROJECT_ROOT,
} from '../../src/infra/testing/build-test-app.js';
import { type SandboxHandle, startSandbox } from '../../src/sandbox/index.js';
import {
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../../src/storage/embedded/embedded-dynamo.js';
import {
  type EmbeddedS3,
  startEmbeddedS3,
} from '../../src/storage/embedded/embedded-s3.js';
import { makeS3Client } from '../../src/storage/s3/make-s3-client.js';
import {
  makeEvent,
  signPayload,
} from '../../src/webhook/testing/signed-event.js';
import { invoiceObject } from '../../src/webhook/testing/stripe-objects.js';
import { makeHttpApiEvent } from './http-api-event.js';
import { runBundle } from './run-bundle.js';
import {
  readSynthesizedFunction,
  type SynthesizedFunction,
} from './synthesized-function.js';

const WEBHOOK_SECRET = 'whsec_deploytest';
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * What replaces AWS and Stripe around the bundles: Secrets Manager does
 * not run here, so the Stripe secrets come from the environment
 * (`STRIPE_SECRETS_SOURCE=env`); storage is the embedded servers, Stripe
 * the offline sandbox.
 */
function localOverrides(
  functionName: string,
  endpoints: { dynamodb: string; s3: string; stripe: SandboxHandle },
): Record<string, string> {
  return {
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    DYNAMODB_ENDPOINT: endpoints.dynamodb,
    S3_ENDPOINT: endpoints.s3,
    STRIPE_API_HOST: endpoints.stripe.stripeConfig.host,
    STRIPE_API_PORT: String(endpoints.stripe.stripeConfig.port),
    STRIPE_API_PROTOCOL: endpoints.stripe.stripeConfig.protocol,
    STRIPE_SECRETS_SOURCE: 'env',
    STRIPE_SECRET_KEY: 'sk_test_deploytest',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_deploytest',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
  };
}

describe('Deployment: the synthesized Lambda bundles', () => {
  let webhook: SynthesizedFunction;
  let billingApi: SynthesizedFunction;
  let dynamo: EmbeddedDynamo;
  let s3: EmbeddedS3;
  let stripe: SandboxHandle;
  let documents: DynamoDBDocumentClient;
  let s3Client: S3Client;

  beforeAll(async () => {
    const { app } = buildApp({
      projectRoot: PROJECT_ROOT,
      env: PROD_ENV,
      appProps: { outdir: mkdtempSync(join(tmpdir(), 'deploy-test-')) },
    });
    const assembly = app.synth();
    webhook = readSynthesizedFunction(assembly, 'stripe-webhook-prod');
    billingApi = readSynthesizedFunction(assembly, 'stripe-billing-api-prod');

    dynamo = await startEmbeddedDynamo({
      tables: {
        customers: webhook.environment.CUSTOMERS_TABLE ?? '',
        events: webhook.environment.EVENTS_TABLE ?? '',
      },
    });
    s3 = await startEmbeddedS3({
      bucket: webhook.environment.INVOICES_BUCKET ?? '',
    });
    stripe = await startSandbox({ port: 0 });
    stripe.seedCatalog(
      parseBillingConfig(
        billingApi.environment.BILLING_CONFIG ?? '',
        'BILLING_CONFIG of the billing API function',
      ).plans,
    );
    documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: dynamo.endpoint,
        region: 'us-east-1',
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    s3Client = makeS3Client({ region: 'us-east-1', endpoint: s3.endpoint });
  });

  afterAll(async () => {
    documents?.destroy();
    s3Client?.destroy();
    await dynamo?.stop();
    await s3?.stop();
    await stripe?.stop();
  });

  function environmentOf(fn: SynthesizedFunction, functionName: string) {
    return {
      ...fn.environment,
      ...localOverrides(functionName, {
        dynamodb: dynamo.endpoint,
        s3: s3.endpoint,
        stripe,
      }),
    };
  }

  it('names the same tables in both functions', () => {
    expect(webhook.environment.CUSTOMERS_TABLE).toBe('stripe-customers-prod');
    expect(billingApi.environment.CUSTOMERS_TABLE).toBe(
      'stripe-customers-prod',
    );
    expect(webhook.environment.EVENTS_TABLE).toBe('stripe-events-prod');
  });

  it('answers a signed invoice.paid with 200, records it and archives it', async () => {
    const created = Math.floor(Date.now() / 1000);
    const payload = JSON.stringify(
      makeEvent({
        id: 'evt_deploy_invoice_paid',
        type: 'invoice.paid',
        created,
        object: invoiceObject({
          id: 'in_deploy',
          customer: 'cus_deploy',
          subscription: 'sub_deploy',
          status: 'paid',
          created,
        }),
      }),
    );
    const event = makeHttpApiEvent({
      method: 'POST',
      path: '/webhook',
      routeKey: 'POST /webhook',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signPayload(payload, WEBHOOK_SECRET, created),
      },
      body: payload,
    });

    const { result, stdout } = await runBundle(
      webhook.bundleDir,
      environmentOf(webhook, 'stripe-webhook-prod'),
      event,
    );

    expect(result.statusCode).toBe(200);
    const ledger = await documents.send(
      new GetCommand({
        TableName: webhook.environment.EVENTS_TABLE,
        Key: { eventId: 'evt_deploy_invoice_paid' },
      }),
    );
    expect(ledger.Item?.status).toBe('done');
    const archived = await s3Client.send(
      new GetObjectCommand({
        Bucket: webhook.environment.INVOICES_BUCKET,
        Key: 'invoices/cus_deploy/in_deploy.json',
      }),
    );
    expect(
      JSON.parse((await archived.Body?.transformToString()) ?? ''),
    ).toEqual(expect.objectContaining({ id: 'in_deploy' }));
    expect(stdout).not.toContain(WEBHOOK_SECRET);
  });

  it('answers an unsigned delivery with 400 and records nothing', async () => {
    const event = makeHttpApiEvent({
      method: 'POST',
      path: '/webhook',
      routeKey: 'POST /webhook',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        makeEvent({
          id: 'evt_deploy_unsigned',
          type: 'invoice.paid',
          created: 1_796_000_000,
          object: {},
        }),
      ),
    });

    const { result, stdout } = await runBundle(
      webhook.bundleDir,
      environmentOf(webhook, 'stripe-webhook-prod'),
      event,
    );

    expect(result.statusCode).toBe(400);
    const ledger = await documents.send(
      new GetCommand({
        TableName: webhook.environment.EVENTS_TABLE,
        Key: { eventId: 'evt_deploy_unsigned' },
      }),
    );
    expect(ledger.Item).toBeUndefined();
    expect(stdout).toContain('"code":"signature_missing"');
  });

  it('answers GET /api/billing/config with the plans', async () => {
    const event = makeHttpApiEvent({
      method: 'GET',
      path: '/api/billing/config',
      routeKey: 'GET /api/billing/config',
      headers: { origin: 'https://app.example.com' },
    });

    const { result } = await runBundle(
      billingApi.bundleDir,
      environmentOf(billingApi, 'stripe-billing-api-prod'),
      event,
    );

    expect(result.statusCode).toBe(200);
    const body = JSON.parse(result.body);
    expect(body.publishableKey).toBe('pk_test_deploytest');
    expect(body.plans.map((plan: { key: string }) => plan.key)).toEqual([
      'starter',
      'pro',
    ]);
  });

  it('reads the caller subscription through the index the template names', async () => {
    const event = makeHttpApiEvent({
      method: 'GET',
      path: '/api/billing/subscription',
      routeKey: 'GET /api/billing/subscription',
      headers: { authorization: 'Bearer verified-by-api-gateway' },
      jwtClaims: { sub: 'user_deploy', email: 'user@example.com' },
    });

    const { result } = await runBundle(
      billingApi.bundleDir,
      environmentOf(billingApi, 'stripe-billing-api-prod'),
      event,
    );

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).status).toBe('none');
  });

  it('starts a checkout through the Stripe endpoint the override names', async () => {
    const event = makeHttpApiEvent({
      method: 'POST',
      path: '/api/billing/checkout-session',
      routeKey: 'POST /api/billing/checkout-session',
      headers: {
        authorization: 'Bearer verified-by-api-gateway',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ plan: 'pro', interval: 'month' }),
      jwtClaims: { sub: 'user_checkout', email: 'buyer@example.com' },
    });

    const { result } = await runBundle(
      billingApi.bundleDir,
      environmentOf(billingApi, 'stripe-billing-api-prod'),
      event,
    );

    expect(result.statusCode).toBe(200);
    const session = JSON.parse(result.body);
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url.startsWith(stripe.url)).toBe(true);
    const claim = await documents.send(
      new GetCommand({
        TableName: billingApi.environment.CUSTOMERS_TABLE,
        Key: { customerId: 'claim#user#user_checkout' },
      }),
    );
    expect(claim.Item).toBeDefined();
  });
});
