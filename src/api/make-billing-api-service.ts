import type { AppConfig } from '../config/app-config.js';
import type { StripeSecretsSource } from '../config/stripe-secrets.js';
import type { AppLogger } from '../shared/logger.js';
import { DynamoCustomerStore } from '../storage/dynamo/customer-store.js';
import { makeDocumentClient } from '../storage/dynamo/make-document-client.js';
import { DynamoUserClaimStore } from '../storage/dynamo/user-claim-store.js';
import type { Authenticator } from './auth/authenticator.js';
import { createBillingApiApp } from './billing-api-app.js';
import type { BillingApp } from './billing-api-deps.js';
import type { Clock } from './clock.js';
import { StripeSdkGateway } from './stripe/stripe-sdk-gateway.js';

/** What {@link makeBillingApiService} wires the billing API from. */
export interface BillingApiServiceOptions {
  readonly config: AppConfig;
  readonly secrets: StripeSecretsSource;
  /**
   * Who the caller is: `LambdaAuthorizerAuthenticator` in AWS, a
   * `JwtAuthenticator` on the local server.
   */
  readonly authenticator: Authenticator;
  readonly clock?: Clock;
  readonly logger?: AppLogger;
}

/**
 * Builds the billing API from the configuration: the DynamoDB stores of the
 * customers table (AWS, or the embedded store when `DYNAMODB_ENDPOINT` is
 * set) and Stripe through the official SDK (the sandbox when
 * `STRIPE_API_HOST` is set). Used by the Lambda entry point and the local
 * server alike.
 */
export function makeBillingApiService(
  options: BillingApiServiceOptions,
): BillingApp {
  const { config } = options;
  const client = makeDocumentClient({
    region: config.aws.region,
    endpoint: config.aws.dynamodbEndpoint,
  });
  return createBillingApiApp({
    config,
    secrets: options.secrets,
    customers: new DynamoCustomerStore(client, config.tables.customers),
    claims: new DynamoUserClaimStore(client, config.tables.customers),
    stripe: new StripeSdkGateway({
      secrets: options.secrets,
      apiBase: config.stripe.apiBase,
    }),
    authenticator: options.authenticator,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
