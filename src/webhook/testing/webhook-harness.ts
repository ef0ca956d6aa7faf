import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';

import type { AppConfig } from '../../config/app-config.js';
import { EnvironmentSecretsSource } from '../../config/stripe-secrets.js';
import type { CustomerRecord } from '../../domain/customer-record.js';
import type { CustomerStore } from '../../domain/customer-store.js';
import { DynamoCustomerStore } from '../../storage/dynamo/customer-store.js';
import { makeDocumentClient } from '../../storage/dynamo/make-document-client.js';
import {
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../../storage/embedded/embedded-dynamo.js';
import {
  type EmbeddedS3,
  startEmbeddedS3,
} from '../../storage/embedded/embedded-s3.js';
import { makeS3Client } from '../../storage/s3/make-s3-client.js';
import { invoiceKey } from '../../storage/s3/s3-invoice-archive.js';
import {
  makeWebhookService,
  type WebhookService,
} from '../make-webhook-service.js';
import { InMemoryStripeReader } from './in-memory-stripe-reader.js';
import { type Delivery, postToWebhook, signPayload } from './signed-event.js';

export type { Delivery };

/** The signing secrets and keys of the harness (test mode). */
export const TEST_SECRETS = {
  STRIPE_SECRET_KEY: 'sk_test_harnessSecretKey123',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_harnessPublishable123',
  STRIPE_WEBHOOK_SECRET: 'whsec_harnessCurrentSecret123',
  STRIPE_WEBHOOK_SECRET_PREVIOUS: 'whsec_harnessPreviousSecret456',
} as const;

/** The harness clock: 2026-12-03T10:00:00Z, in seconds. */
export const NOW_SECONDS = 1_796_292_000;

/** The catalogue of the harness: `pro` and `team`, monthly and yearly. */
export const TEST_PLANS = [
  {
    key: 'pro',
    name: 'Pro',
    entitlements: ['projects:unlimited'],
    prices: {
      month: { id: 'price_pro_month', amount: 2000, currency: 'usd' },
      year: { id: 'price_pro_year', amount: 20000, currency: 'usd' },
    },
  },
  {
    key: 'team',
    name: 'Team',
    entitlements: ['projects:unlimited', 'seats'],
    prices: {
      month: { id: 'price_team_month', amount: 5000, currency: 'usd' },
    },
  },
];

const TABLES = { customers: 'customers-webhook', events: 'events-webhook' };
const BUCKET = 'invoices-webhook';

/** One delivery's answer. */
/** Options of {@link WebhookHarness.start}. */
export interface HarnessOptions {
  /** Wraps the real store, e.g. to inject a failure. */
  readonly wrapStore?: (store: CustomerStore) => CustomerStore;
  /** Secret values; the harness's own by default. */
  readonly secrets?: Record<string, string>;
}

/**
 * The webhook service on the embedded DynamoDB (dynalite) and S3 (s3rver)
 * servers, with an in-memory Stripe reader and a fixed clock. Deliveries go
 * through the Hono app in-process, signed as Stripe signs them.
 */
export class WebhookHarness {
  readonly reader = new InMemoryStripeReader();
  service!: WebhookService;
  #dynamo!: EmbeddedDynamo;
  #s3!: EmbeddedS3;
  #documents!: ReturnType<typeof makeDocumentClient>;
  #s3Client!: ReturnType<typeof makeS3Client>;
  store!: CustomerStore;

  static async start(options: HarnessOptions = {}): Promise<WebhookHarness> {
    const harness = new WebhookHarness();
    await harness.#start(options);
    return harness;
  }

  async #start(options: HarnessOptions): Promise<void> {
    this.#dynamo = await startEmbeddedDynamo({ tables: TABLES });
    this.#s3 = await startEmbeddedS3({ bucket: BUCKET });
    const config = makeTestConfig(this.#dynamo.endpoint, this.#s3.endpoint);
    this.#documents = makeDocumentClient({
      region: config.aws.region,
      endpoint: config.aws.dynamodbEndpoint,
    });
    this.#s3Client = makeS3Client({
      region: config.aws.region,
      endpoint: config.aws.s3Endpoint,
    });
    const realStore = new DynamoCustomerStore(
      this.#documents,
      TABLES.customers,
    );
    this.store = options.wrapStore ? options.wrapStore(realStore) : realStore;
    this.service = makeWebhookService({
      config,
      secrets: new EnvironmentSecretsSource(options.secrets ?? TEST_SECRETS),
      reader: this.reader,
      customerStore: this.store,
      now: () => NOW_SECONDS * 1000,
    });
  }

  async stop(): Promise<void> {
    this.#documents.destroy();
    this.#s3Client.destroy();
    await this.#dynamo.stop();
    await this.#s3.stop();
  }

  /** Posts a raw body with a header signed by `secret` at `timestamp`. */
  async post(
    payload: string,
    options: { secret?: string; timestamp?: number; header?: string } = {},
  ): Promise<Delivery> {
    const header =
      options.header ??
      signPayload(
        payload,
        options.secret ?? TEST_SECRETS.STRIPE_WEBHOOK_SECRET,
        options.timestamp ?? NOW_SECONDS,
      );
    return postToWebhook(this.service.app, payload, header);
  }

  /** Delivers an event as Stripe does: JSON, signed with the current secret. */
  deliver(event: Record<string, unknown>): Promise<Delivery> {
    return this.post(JSON.stringify(event, null, 2));
  }

  /**
   * Delivers until the answer is not 409 (in flight), as Stripe's retries
   * would; the other delivery has finished by the time this one retries.
   */
  async deliverUntilSettled(event: Record<string, unknown>): Promise<Delivery> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const delivery = await this.deliver(event);
      if (delivery.status !== 409) return delivery;
    }
    throw new Error(`Event ${String(event.id)} stayed in flight`);
  }

  getCustomer(customerId: string): Promise<CustomerRecord | undefined> {
    return this.store.getCustomer(customerId);
  }

  /** The ledger item of an event, as stored. */
  async getLedgerItem(eventId: string) {
    const { Item } = await this.#documents.send(
      new GetCommand({ TableName: TABLES.events, Key: { eventId } }),
    );
    return Item;
  }

  /** Every item of the customers table, sorted by key. */
  async scanCustomers(): Promise<Record<string, unknown>[]> {
    const { Items = [] } = await this.#documents.send(
      new ScanCommand({ TableName: TABLES.customers, ConsistentRead: true }),
    );
    return Items.sort((a, b) =>
      String(a.customerId).localeCompare(String(b.customerId)),
    );
  }

  /** Every key in the invoices bucket, sorted. */
  async listArchiveKeys(): Promise<string[]> {
    const { Contents = [] } = await this.#s3Client.send(
      new ListObjectsV2Command({ Bucket: BUCKET }),
    );
    return Contents.map((object) => object.Key ?? '').sort();
  }

  /** The archived invoice document, parsed; undefined when absent. */
  async getArchivedInvoice(customerId: string, invoiceId: string) {
    try {
      const object = await this.#s3Client.send(
        new GetObjectCommand({
          Bucket: BUCKET,
          Key: invoiceKey(customerId, invoiceId),
        }),
      );
      return JSON.parse(await (object.Body?.transformToString() ?? '""'));
    } catch (error) {
      if (error instanceof Error && error.name === 'NoSuchKey')
        return undefined;
      throw error;
    }
  }
}

/** The configuration of the harness, pointing at the embedded servers. */
export function makeTestConfig(
  dynamodbEndpoint: string,
  s3Endpoint: string,
): AppConfig {
  return {
    stage: 'test',
    plans: TEST_PLANS,
    urls: {
      checkoutSuccess: 'https://app.example.com/ok?id={CHECKOUT_SESSION_ID}',
      checkoutCancel: 'https://app.example.com/cancel',
      portalReturn: 'https://app.example.com/account',
    },
    allowedOrigins: ['https://app.example.com'],
    access: { grantingStatuses: ['active', 'trialing'], pastDueGraceDays: 0 },
    checkout: { allowPromotionCodes: false, automaticTax: false },
    tables: TABLES,
    invoicesBucket: BUCKET,
    stripe: {
      secretsSource: 'env',
      secretName: 'stripe/test',
      secretsTtlSeconds: 300,
    },
    aws: { region: 'us-east-1', dynamodbEndpoint, s3Endpoint },
  };
}
