import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type Stripe from 'stripe';

import type { AppConfig } from '../config/app-config.js';
import type { StripeSecretsSource } from '../config/stripe-secrets.js';
import type { CustomerStore } from '../domain/customer-store.js';
import { DynamoCustomerStore } from '../storage/dynamo/customer-store.js';
import { makeDocumentClient } from '../storage/dynamo/make-document-client.js';
import { makeStripeClient } from '../stripe/make-stripe-client.js';
import { makeWebhookService } from '../webhook/make-webhook-service.js';
import type { EventProcessor } from '../webhook/process-event.js';
import { CustomerReconciler } from './customer-reconciler.js';
import type { StripeStateReader } from './customer-truth.js';
import { EventReplayer } from './event-replayer.js';
import { SdkStripeStateReader } from './sdk-stripe-state-reader.js';
import { listStoredCustomerIds } from './stored-customer-ids.js';
import { resolveSyncTargets, type SyncTarget } from './sync-targets.js';

/** Options of {@link makeOpsServices}. */
export interface OpsServicesOptions {
  readonly config: AppConfig;
  readonly secrets: StripeSecretsSource;
  /** The clock, milliseconds since the epoch; default `Date.now`. */
  readonly now?: () => number;
}

/** What the CLI commands and the scheduled sync work with. */
export interface OpsServices {
  readonly config: AppConfig;
  readonly documents: DynamoDBDocumentClient;
  readonly store: CustomerStore;
  readonly reader: StripeStateReader;
  /** The webhook's own processing path, for replays. */
  readonly processor: EventProcessor;
  readonly replayer: EventReplayer;
  getStripe(): Promise<Stripe>;
  /** A reconciler stamping its writes with `syncId`. */
  makeReconciler(syncId: string): CustomerReconciler;
  /** The customer ids a sync covers. */
  resolveTargets(target: SyncTarget): Promise<string[]>;
  /** Releases the clients' connections. */
  close(): void;
}

/**
 * Wires the operations services from the same configuration as the
 * deployed functions: the customers table, the event ledger and the
 * webhook's processor (`makeWebhookService`), and a Stripe client created
 * once the secret key is read.
 */
export function makeOpsServices(options: OpsServicesOptions): OpsServices {
  const { config, secrets } = options;
  const now = options.now ?? Date.now;
  const documents = makeDocumentClient({
    region: config.aws.region,
    endpoint: config.aws.dynamodbEndpoint,
  });
  const store = new DynamoCustomerStore(documents, config.tables.customers);
  const getStripe = makeStripeGetter(config, secrets);
  const reader = new SdkStripeStateReader(getStripe, config.plans);
  const { processor } = makeWebhookService({
    config,
    secrets,
    customerStore: store,
    now,
  });

  return {
    config,
    documents,
    store,
    reader,
    processor,
    replayer: new EventReplayer(getStripe, processor),
    getStripe,
    makeReconciler: (syncId) =>
      new CustomerReconciler({ store, reader, syncId, now }),
    resolveTargets: (target) =>
      resolveSyncTargets(target, {
        store,
        reader,
        listStoredIds: () =>
          listStoredCustomerIds(documents, config.tables.customers),
      }),
    close: () => documents.destroy(),
  };
}

function makeStripeGetter(
  config: AppConfig,
  secrets: StripeSecretsSource,
): () => Promise<Stripe> {
  let cached: { readonly key: string; readonly client: Stripe } | undefined;
  return async () => {
    const { secretKey } = await secrets.getSecrets();
    if (cached?.key !== secretKey) {
      cached = {
        key: secretKey,
        client: makeStripeClient({
          secretKey,
          apiBase: config.stripe.apiBase,
        }),
      };
    }
    return cached.client;
  };
}
