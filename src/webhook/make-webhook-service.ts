import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Hono } from 'hono';
import type Stripe from 'stripe';

import type { AppConfig } from '../config/app-config.js';
import type { StripeSecretsSource } from '../config/stripe-secrets.js';
import type { CustomerStore } from '../domain/customer-store.js';
import type { InvoiceArchive } from '../domain/invoice-archive.js';
import { makeLogger } from '../shared/logger.js';
import { DynamoCustomerStore } from '../storage/dynamo/customer-store.js';
import { DynamoEventLedgerStore } from '../storage/dynamo/event-ledger-store.js';
import { makeDocumentClient } from '../storage/dynamo/make-document-client.js';
import { makeS3Client } from '../storage/s3/make-s3-client.js';
import { S3InvoiceArchive } from '../storage/s3/s3-invoice-archive.js';
import { makeStripeClient } from '../stripe/make-stripe-client.js';
import { CustomerStateUpdater } from './customer-state-updater.js';
import { makeEventHandlers } from './handlers/event-handlers.js';
import { EventProcessor } from './process-event.js';
import { SdkStripeObjectReader } from './sdk-stripe-object-reader.js';
import type { StripeObjectReader } from './stripe-object-reader.js';
import { createWebhookApp } from './webhook-app.js';
import { NO_METRICS, type WebhookMetrics } from './webhook-metrics.js';

/** What {@link makeWebhookService} wires together. */
export interface WebhookServiceOptions {
  readonly config: AppConfig;
  readonly secrets: StripeSecretsSource;
  /** Metrics sink; none by default (the Lambda entry passes Powertools). */
  readonly metrics?: WebhookMetrics;
  /** Stripe reads on ties; the SDK with the configured key by default. */
  readonly reader?: StripeObjectReader;
  /** Customer storage; DynamoDB from the configuration by default. */
  readonly customerStore?: CustomerStore;
  /**
   * Document client of the ledger and customer stores; DynamoDB from the
   * configuration by default (the bench passes an in-memory stand-in).
   */
  readonly documents?: DynamoDBDocumentClient;
  /** Invoice archive; S3 from the configuration by default. */
  readonly archive?: InvoiceArchive;
  /** The clock, milliseconds since the epoch; default `Date.now`. */
  readonly now?: () => number;
}

/** The webhook app and the processor the CLI replays events through. */
export interface WebhookService {
  readonly app: Hono;
  readonly processor: EventProcessor;
}

/**
 * Wires the webhook service from the configuration: the DynamoDB document
 * client and stores (endpoint override for the embedded store), the S3
 * invoice archive, and a Stripe client created on first use, once the
 * secret key is known (and again after the key changes).
 */
export function makeWebhookService(
  options: WebhookServiceOptions,
): WebhookService {
  const { config } = options;
  const logger = makeLogger('webhook');
  const metrics = options.metrics ?? NO_METRICS;
  const documents =
    options.documents ??
    makeDocumentClient({
      region: config.aws.region,
      endpoint: config.aws.dynamodbEndpoint,
    });
  const s3 = makeS3Client({
    region: config.aws.region,
    endpoint: config.aws.s3Endpoint,
  });

  const updater = new CustomerStateUpdater({
    store:
      options.customerStore ??
      new DynamoCustomerStore(documents, config.tables.customers),
    reader: options.reader ?? makeLazyReader(options),
    plans: config.plans,
    logger,
    ...(options.now ? { now: options.now } : {}),
  });
  const processor = new EventProcessor({
    ledger: new DynamoEventLedgerStore(documents, config.tables.events, {
      ...(options.now ? { now: options.now } : {}),
    }),
    handlers: makeEventHandlers(config.plans),
    context: {
      updater,
      archive:
        options.archive ?? new S3InvoiceArchive(s3, config.invoicesBucket),
      logger,
    },
    metrics,
    logger,
  });
  const app = createWebhookApp({
    secrets: options.secrets,
    processor,
    metrics,
    logger,
    ...(options.now ? { now: options.now } : {}),
  });
  return { app, processor };
}

function makeLazyReader(options: WebhookServiceOptions): StripeObjectReader {
  let cached: { readonly key: string; readonly client: Stripe } | undefined;
  return new SdkStripeObjectReader(async () => {
    const { secretKey } = await options.secrets.getSecrets();
    if (cached?.key !== secretKey) {
      cached = {
        key: secretKey,
        client: makeStripeClient({
          secretKey,
          apiBase: options.config.stripe.apiBase,
        }),
      };
    }
    return cached.client;
  });
}
