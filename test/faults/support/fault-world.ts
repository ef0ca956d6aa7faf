import {
  type CryptoKey,
  generateKeyPair,
  type JWTPayload,
  SignJWT,
} from 'jose';

import {
  type CountingProxy,
  startCountingProxy,
} from '../../../bench/instruments/counting-proxy.js';
import {
  labelDynamoRequest,
  labelS3Request,
} from '../../../bench/instruments/wire-labels.js';
import { JwtAuthenticator } from '../../../src/api/auth/jwt-authenticator.js';
import { createBillingApiApp } from '../../../src/api/billing-api-app.js';
import type { BillingApp } from '../../../src/api/billing-api-deps.js';
import type { BillingStripeGateway } from '../../../src/api/stripe/billing-stripe-gateway.js';
import { RecordingStripeGateway } from '../../../src/api/testing/recording-stripe-gateway.js';
import type { AppConfig } from '../../../src/config/app-config.js';
import { EnvironmentSecretsSource } from '../../../src/config/stripe-secrets.js';
import type { CustomerRecord } from '../../../src/domain/customer-record.js';
import { DynamoCustomerStore } from '../../../src/storage/dynamo/customer-store.js';
import { makeDocumentClient } from '../../../src/storage/dynamo/make-document-client.js';
import { DynamoUserClaimStore } from '../../../src/storage/dynamo/user-claim-store.js';
import {
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../../../src/storage/embedded/embedded-dynamo.js';
import {
  type EmbeddedS3,
  startEmbeddedS3,
} from '../../../src/storage/embedded/embedded-s3.js';
import { makeS3Client } from '../../../src/storage/s3/make-s3-client.js';
import {
  makeWebhookService,
  type WebhookService,
} from '../../../src/webhook/make-webhook-service.js';
import { InMemoryStripeReader } from '../../../src/webhook/testing/in-memory-stripe-reader.js';
import {
  type Delivery,
  postToWebhook,
  signPayload,
} from '../../../src/webhook/testing/signed-event.js';

import {
  makeTestConfig,
  NOW_SECONDS,
} from '../../../src/webhook/testing/webhook-harness.js';
import { StoreContentsReader } from './store-contents.js';
import {
  DYNAMO_OUTAGE,
  dynamoStepOf,
  isArchivePut,
  S3_OUTAGE,
  WRITE_STEPS,
  type WriteStep,
} from './store-faults.js';

export type { Delivery };

/** Secret values of the fault world, distinctive enough to search logs for. */
export const FAULT_SECRETS = {
  STRIPE_SECRET_KEY: 'sk_test_faultWorldSecretKey51QxZ',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_faultWorldPublishable51QxZ',
  STRIPE_WEBHOOK_SECRET: 'whsec_faultWorldSigningSecret51QxZ',
} as const;

/** Issuer, audience and allowed origin of the fault world's billing API. */
export const FAULT_ISSUER = 'https://auth.faults.example';
export const FAULT_AUDIENCE = 'billing-api-faults';
export const FAULT_ORIGIN = 'https://app.example.com';

/** One answer of the webhook. */
/** Options of {@link startFaultWorld}. */
export interface FaultWorldOptions {
  /** Stripe of the billing API; a recording in-memory one by default. */
  readonly stripe?: BillingStripeGateway;
}

/**
 * Both services as the product wires them, on one embedded DynamoDB and
 * one embedded S3 reached through counting proxies that can fail chosen
 * write steps, with a controlled clock shared by the webhook (signature
 * tolerance, leases) and the billing API (token expiry).
 */
export class FaultWorld {
  readonly reader = new InMemoryStripeReader();
  readonly recordingStripe = new RecordingStripeGateway();
  nowMs = NOW_SECONDS * 1000;
  config!: AppConfig;
  webhook!: WebhookService;
  api!: BillingApp;
  contents!: StoreContentsReader;
  dynamoProxy!: CountingProxy;
  s3Proxy!: CountingProxy;
  #privateKey!: CryptoKey;
  #stops: (() => Promise<void> | void)[] = [];

  /** Seconds since the epoch on the world's clock. */
  get nowSeconds(): number {
    return Math.floor(this.nowMs / 1000);
  }

  async start(options: FaultWorldOptions): Promise<void> {
    const base = makeTestConfig('', '');
    const dynamo: EmbeddedDynamo = await startEmbeddedDynamo({
      tables: base.tables,
    });
    const s3: EmbeddedS3 = await startEmbeddedS3({
      bucket: base.invoicesBucket,
    });
    this.dynamoProxy = await startCountingProxy({
      target: dynamo.endpoint,
      label: labelDynamoRequest,
    });
    this.s3Proxy = await startCountingProxy({
      target: s3.endpoint,
      label: labelS3Request,
    });
    this.config = makeTestConfig(this.dynamoProxy.url, this.s3Proxy.url);
    this.#startContents(dynamo.endpoint, s3.endpoint);
    this.webhook = this.makeWebhook(FAULT_SECRETS);
    await this.#startApi(options.stripe ?? this.recordingStripe);
    this.#stops.push(
      () => this.dynamoProxy.stop(),
      () => this.s3Proxy.stop(),
      () => dynamo.stop(),
      () => s3.stop(),
    );
  }

  async stop(): Promise<void> {
    for (const stop of this.#stops.reverse()) await stop();
  }

  /** A webhook service over the world's stores with other secrets. */
  makeWebhook(secrets: Record<string, string>): WebhookService {
    return makeWebhookService({
      config: this.config,
      secrets: new EnvironmentSecretsSource(secrets),
      reader: this.reader,
      now: () => this.nowMs,
    });
  }

  /** Fails every request of the given steps until {@link clearFaults}. */
  failSteps(...steps: WriteStep[]): void {
    const tables = this.config.tables;
    this.dynamoProxy.setFault((request) => {
      const step = dynamoStepOf(request, tables);
      return step && steps.includes(step) ? DYNAMO_OUTAGE : undefined;
    });
    this.s3Proxy.setFault((request) =>
      steps.includes(WRITE_STEPS.invoiceArchive) && isArchivePut(request)
        ? S3_OUTAGE
        : undefined,
    );
  }

  /** Fails every DynamoDB request until {@link clearFaults}. */
  failAllDynamo(): void {
    this.dynamoProxy.setFault(() => DYNAMO_OUTAGE);
  }

  clearFaults(): void {
    this.dynamoProxy.setFault(undefined);
    this.s3Proxy.setFault(undefined);
  }

  /** Posts a raw body to the webhook, signed now unless told otherwise. */
  async post(
    payload: string,
    options: { secret?: string; timestamp?: number; header?: string } = {},
    webhook: WebhookService = this.webhook,
  ): Promise<Delivery> {
    const header =
      options.header ??
      signPayload(
        payload,
        options.secret ?? FAULT_SECRETS.STRIPE_WEBHOOK_SECRET,
        options.timestamp ?? this.nowSeconds,
      );
    return postToWebhook(webhook.app, payload, header);
  }

  /** Delivers an event as Stripe does: pretty JSON, signed now. */
  deliver(event: Record<string, unknown>): Promise<Delivery> {
    return this.post(JSON.stringify(event, null, 2));
  }

  /**
   * A token signed by the world's issuer key for a user, valid for an hour;
   * `claims` override the issuer (`iss`), audience (`aud`) and others.
   */
  tokenFor(userId: string, claims: JWTPayload = {}): Promise<string> {
    const { iss, aud, ...others } = claims;
    return new SignJWT({ email: `${userId}@example.com`, ...others })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(userId)
      .setIssuer(iss ?? FAULT_ISSUER)
      .setAudience(aud ?? FAULT_AUDIENCE)
      .setIssuedAt(this.nowSeconds)
      .setExpirationTime(this.nowSeconds + 3600)
      .sign(this.#privateKey);
  }

  getCustomer(customerId: string): Promise<CustomerRecord | undefined> {
    return this.contents
      .readAll()
      .then(
        (all) =>
          all.customers.find((item) => item.customerId === customerId) as
            | CustomerRecord
            | undefined,
      );
  }

  async getLedgerItem(eventId: string) {
    const all = await this.contents.readAll();
    return all.events.find((item) => item.eventId === eventId);
  }

  #startContents(dynamoEndpoint: string, s3Endpoint: string): void {
    const documents = makeDocumentClient({
      region: 'us-east-1',
      endpoint: dynamoEndpoint,
    });
    const s3 = makeS3Client({ region: 'us-east-1', endpoint: s3Endpoint });
    this.contents = new StoreContentsReader({
      documents,
      s3,
      tables: this.config.tables,
      bucket: this.config.invoicesBucket,
    });
    this.#stops.push(
      () => documents.destroy(),
      () => s3.destroy(),
    );
  }

  async #startApi(stripe: BillingStripeGateway): Promise<void> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    this.#privateKey = privateKey;
    const documents = makeDocumentClient({
      region: 'us-east-1',
      endpoint: this.dynamoProxy.url,
    });
    const table = this.config.tables.customers;
    const clock = () => this.nowMs;
    this.api = createBillingApiApp({
      config: this.config,
      secrets: new EnvironmentSecretsSource(FAULT_SECRETS),
      customers: new DynamoCustomerStore(documents, table),
      claims: new DynamoUserClaimStore(documents, table),
      stripe,
      clock,
      authenticator: new JwtAuthenticator({
        issuer: FAULT_ISSUER,
        audience: FAULT_AUDIENCE,
        key: publicKey,
        clock,
      }),
      claimWait: {
        retries: 200,
        delay: () => new Promise((resolve) => setImmediate(resolve)),
      },
    });
    this.#stops.push(() => documents.destroy());
  }
}

/** Starts a {@link FaultWorld}. */
export async function startFaultWorld(
  options: FaultWorldOptions = {},
): Promise<FaultWorld> {
  const world = new FaultWorld();
  await world.start(options);
  return world;
}
