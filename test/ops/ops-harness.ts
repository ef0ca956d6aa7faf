import { type ServerType, serve } from '@hono/node-server';
import Stripe from 'stripe';

import { runCli } from '../../src/cli/run-cli.js';
import { loadConfig } from '../../src/config/load-config.js';
import { EnvironmentSecretsSource } from '../../src/config/stripe-secrets.js';
import type { CustomerStore } from '../../src/domain/customer-store.js';
import {
  type ChaosSettings,
  ManualScheduler,
  type SandboxHandle,
  startSandbox,
} from '../../src/sandbox/index.js';
import { DynamoCustomerStore } from '../../src/storage/dynamo/customer-store.js';
import { makeDocumentClient } from '../../src/storage/dynamo/make-document-client.js';
import {
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../../src/storage/embedded/embedded-dynamo.js';
import {
  type EmbeddedS3,
  startEmbeddedS3,
} from '../../src/storage/embedded/embedded-s3.js';
import { makeWebhookService } from '../../src/webhook/make-webhook-service.js';
import {
  NOW_SECONDS,
  TEST_PLANS,
  TEST_SECRETS,
} from '../../src/webhook/testing/webhook-harness.js';

/** The fixed clock of every part: 2026-12-03T10:00:00Z, milliseconds. */
export const NOW_MS = NOW_SECONDS * 1000;

const TABLES = { customers: 'customers-ops', events: 'events-ops' };
const BUCKET = 'invoices-ops';

/** What one CLI run printed and answered. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link OpsHarness.start}. */
export interface OpsHarnessOptions {
  /** Chaos of the sandbox's deliveries (e.g. drop everything). */
  readonly chaos?: ChaosSettings;
  /** Serve the webhook and register it with the sandbox; default false. */
  readonly withWebhook?: boolean;
  /** Wraps the webhook's store, e.g. to make deliveries fail. */
  readonly wrapStore?: (store: CustomerStore) => CustomerStore;
}

/**
 * The offline Stripe sandbox, dynalite and s3rver, the environment that
 * points the CLI at them, and optionally the webhook service served over
 * HTTP as the sandbox's endpoint. Every clock is fixed at {@link NOW_MS};
 * delivery retries wait for a hand-driven scheduler, so nothing sleeps.
 */
export class OpsHarness {
  readonly scheduler = new ManualScheduler();
  sandbox!: SandboxHandle;
  stripe!: Stripe;
  store!: CustomerStore;
  env!: Record<string, string>;
  #dynamo!: EmbeddedDynamo;
  #s3!: EmbeddedS3;
  #documents!: ReturnType<typeof makeDocumentClient>;
  #server: ServerType | undefined;

  static async start(options: OpsHarnessOptions = {}): Promise<OpsHarness> {
    const harness = new OpsHarness();
    await harness.#start(options);
    return harness;
  }

  async #start(options: OpsHarnessOptions): Promise<void> {
    this.sandbox = await startSandbox({
      port: 0,
      clock: () => NOW_MS,
      chaos: options.chaos,
      scheduler: this.scheduler,
    });
    this.sandbox.seedCatalog(TEST_PLANS);
    this.#dynamo = await startEmbeddedDynamo({ tables: TABLES });
    this.#s3 = await startEmbeddedS3({ bucket: BUCKET });
    this.env = makeEnv(this.sandbox.port, this.#dynamo, this.#s3);
    this.stripe = new Stripe(TEST_SECRETS.STRIPE_SECRET_KEY, {
      ...this.sandbox.stripeConfig,
      maxNetworkRetries: 0,
    });
    this.#documents = makeDocumentClient({
      region: 'us-east-1',
      endpoint: this.#dynamo.endpoint,
    });
    this.store = new DynamoCustomerStore(this.#documents, TABLES.customers);
    if (options.withWebhook) await this.#serveWebhook(options);
  }

  async #serveWebhook(options: OpsHarnessOptions): Promise<void> {
    const store = options.wrapStore
      ? options.wrapStore(this.store)
      : this.store;
    const { app } = makeWebhookService({
      config: loadConfig({ env: this.env }),
      secrets: new EnvironmentSecretsSource(this.env),
      customerStore: store,
      now: () => NOW_MS,
    });
    const port = await new Promise<number>((resolve) => {
      this.#server = serve({ fetch: app.fetch, port: 0 }, (info) =>
        resolve(info.port),
      );
    });
    this.sandbox.registerEndpoint({
      url: `http://127.0.0.1:${port}/webhook`,
      enabledEvents: ['*'],
      secret: TEST_SECRETS.STRIPE_WEBHOOK_SECRET,
    });
  }

  /** Runs the CLI in-process with the harness's environment and clock. */
  async run(
    argv: readonly string[],
    env: Record<string, string> = this.env,
  ): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      env,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      now: () => NOW_MS,
    });
    return { code, stdout, stderr };
  }

  /** A customer linked to `userId` with an active `pro` monthly plan. */
  async subscribe(userId: string, priceId = 'price_pro_month') {
    const customer = await this.stripe.customers.create({
      email: `${userId}@example.com`,
      payment_method: 'pm_card_visa',
      metadata: { userId },
    });
    const subscription = await this.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: priceId }],
      metadata: { userId },
    });
    await this.sandbox.flushDeliveries();
    return { customerId: customer.id, subscriptionId: subscription.id };
  }

  async stop(): Promise<void> {
    this.#documents.destroy();
    await new Promise<void>((resolve) => {
      if (this.#server) this.#server.close(() => resolve());
      else resolve();
    });
    await this.sandbox.stop();
    await this.#dynamo.stop();
    await this.#s3.stop();
  }
}

function makeEnv(
  stripePort: number,
  dynamo: EmbeddedDynamo,
  s3: EmbeddedS3,
): Record<string, string> {
  return {
    STAGE: 'test',
    BILLING_CONFIG: JSON.stringify({
      plans: TEST_PLANS,
      urls: {
        checkoutSuccess: 'https://app.example.com/ok?id={CHECKOUT_SESSION_ID}',
        checkoutCancel: 'https://app.example.com/cancel',
        portalReturn: 'https://app.example.com/account',
      },
      allowedOrigins: ['https://app.example.com'],
    }),
    CUSTOMERS_TABLE: TABLES.customers,
    EVENTS_TABLE: TABLES.events,
    INVOICES_BUCKET: BUCKET,
    STRIPE_SECRETS_SOURCE: 'env',
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(stripePort),
    STRIPE_API_PROTOCOL: 'http',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    S3_ENDPOINT: s3.endpoint,
    AWS_REGION: 'us-east-1',
    STRIPE_SECRET_KEY: TEST_SECRETS.STRIPE_SECRET_KEY,
    STRIPE_PUBLISHABLE_KEY: TEST_SECRETS.STRIPE_PUBLISHABLE_KEY,
    STRIPE_WEBHOOK_SECRET: TEST_SECRETS.STRIPE_WEBHOOK_SECRET,
  };
}
