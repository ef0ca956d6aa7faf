import { Logger } from '@aws-lambda-powertools/logger';
import { type CryptoKey, generateKeyPair, SignJWT } from 'jose';
import { EnvironmentSecretsSource } from '../../config/stripe-secrets.js';
import type { SubscriptionRecord } from '../../domain/customer-record.js';
import { DynamoCustomerStore } from '../../storage/dynamo/customer-store.js';
import { makeDocumentClient } from '../../storage/dynamo/make-document-client.js';
import { DynamoUserClaimStore } from '../../storage/dynamo/user-claim-store.js';
import {
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../../storage/embedded/embedded-dynamo.js';
import { JwtAuthenticator } from '../auth/jwt-authenticator.js';
import { createBillingApiApp } from '../billing-api-app.js';
import type { BillingApiConfig, BillingApp } from '../billing-api-deps.js';
import type { ClaimWaitOptions } from '../customers/customer-provisioner.js';
import type { BillingStripeGateway } from '../stripe/billing-stripe-gateway.js';
import { RecordingStripeGateway } from './recording-stripe-gateway.js';

/** Test issuer and audience of the harness's tokens. */
export const TEST_ISSUER = 'https://auth.test.example';
export const TEST_AUDIENCE = 'billing-api-test';
/** Start time of the harness clock: 2026-12-03T10:00:00Z. */
export const TEST_NOW_MS = Date.parse('2026-12-03T10:00:00.000Z');
export const TEST_ORIGIN = 'https://app.example.com';
export const TEST_PUBLISHABLE_KEY = 'pk_test_harness';

/** The billing configuration of the tests. */
export const TEST_CONFIG: BillingApiConfig = {
  plans: [
    {
      key: 'starter',
      name: 'Starter',
      entitlements: ['projects:3'],
      prices: {
        month: { id: 'price_starter_month', amount: 900, currency: 'usd' },
      },
    },
    {
      key: 'pro',
      name: 'Pro',
      entitlements: ['projects:unlimited', 'export:csv'],
      trialDays: 14,
      prices: {
        month: { id: 'price_pro_month', amount: 2900, currency: 'usd' },
        year: { id: 'price_pro_year', amount: 29000, currency: 'usd' },
      },
    },
  ],
  urls: {
    checkoutSuccess: 'https://app.example.com/done?s={CHECKOUT_SESSION_ID}',
    checkoutCancel: 'https://app.example.com/pricing',
    portalReturn: 'https://app.example.com/account',
  },
  allowedOrigins: [TEST_ORIGIN],
  access: {
    grantingStatuses: ['active', 'trialing', 'past_due'],
    pastDueGraceDays: 7,
  },
  checkout: { allowPromotionCodes: true, automaticTax: false },
};

/** A running billing API over the embedded store and a recording Stripe. */
export interface BillingApiHarness {
  readonly app: BillingApp;
  /** The recording Stripe (unused when another port was given). */
  readonly stripe: RecordingStripeGateway;
  readonly customers: DynamoCustomerStore;
  readonly claims: DynamoUserClaimStore;
  /** The issuer's private key, to sign tokens of one's own. */
  readonly privateKey: CryptoKey;
  /** Moves the app's clock (and the token checks') to `ms`. */
  setNow(ms: number): void;
  /** A valid token of the harness issuer for a user. */
  tokenFor(userId: string, email?: string): Promise<string>;
  /** Headers of a JSON request of that user. */
  authHeaders(userId: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/** Options of {@link startBillingApiHarness}. */
export interface HarnessOptions {
  readonly claimWait?: ClaimWaitOptions;
  /** Stripe port to use instead of the recording one. */
  readonly stripe?: BillingStripeGateway;
}

let tableCounter = 0;

/** Starts dynalite and builds the app on it, with a controlled clock. */
export async function startBillingApiHarness(
  options: HarnessOptions = {},
): Promise<BillingApiHarness> {
  tableCounter += 1;
  const tables = {
    customers: `customers-api-${tableCounter}`,
    events: `events-api-${tableCounter}`,
  };
  const dynamo: EmbeddedDynamo = await startEmbeddedDynamo({ tables });
  const client = makeDocumentClient({
    region: 'us-east-1',
    endpoint: dynamo.endpoint,
  });
  const customers = new DynamoCustomerStore(client, tables.customers);
  const claims = new DynamoUserClaimStore(client, tables.customers);
  const stripe = new RecordingStripeGateway();
  const { privateKey, publicKey } = await generateKeyPair('ES256');

  let nowMs = TEST_NOW_MS;
  const clock = () => nowMs;
  const app = createBillingApiApp({
    config: TEST_CONFIG,
    secrets: new EnvironmentSecretsSource(testSecretsEnv()),
    customers,
    claims,
    stripe: options.stripe ?? stripe,
    clock,
    logger: new Logger({ logLevel: 'SILENT' }),
    authenticator: new JwtAuthenticator({
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      key: publicKey,
      clock,
    }),
    claimWait: options.claimWait ?? {
      retries: 200,
      delay: () => new Promise((resolve) => setImmediate(resolve)),
    },
  });

  const tokenFor = (userId: string, email = `${userId}@example.com`) =>
    new SignJWT({ email })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(userId)
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setIssuedAt(Math.floor(nowMs / 1000))
      .setExpirationTime(Math.floor(nowMs / 1000) + 3600)
      .sign(privateKey);

  return {
    app,
    stripe,
    customers,
    claims,
    privateKey,
    setNow: (ms) => {
      nowMs = ms;
    },
    tokenFor,
    authHeaders: async (userId) => ({
      authorization: `Bearer ${await tokenFor(userId)}`,
      'content-type': 'application/json',
    }),
    stop: () => dynamo.stop(),
  };
}

/** Environment holding the test Stripe secrets. */
export function testSecretsEnv(): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: 'sk_test_harness',
    STRIPE_PUBLISHABLE_KEY: TEST_PUBLISHABLE_KEY,
    STRIPE_WEBHOOK_SECRET: 'whsec_harness',
  };
}

/** A stored subscription, with test defaults, in epoch seconds. */
export function subscriptionRecord(
  overrides: Partial<SubscriptionRecord> = {},
): SubscriptionRecord {
  const now = Math.floor(TEST_NOW_MS / 1000);
  return {
    subscriptionId: 'sub_1',
    status: 'active',
    priceId: 'price_pro_month',
    planKey: 'pro',
    interval: 'month',
    quantity: 1,
    currentPeriodStart: now - 86_400,
    currentPeriodEnd: now + 29 * 86_400,
    cancelAtPeriodEnd: false,
    cancelAt: null,
    trialEnd: null,
    created: now - 86_400,
    asOf: { eventCreated: now - 86_400, eventId: 'evt_1', source: 'event' },
    ...overrides,
  };
}

/** Stores a customer linked to a user with the given subscriptions. */
export async function saveLinkedCustomer(
  harness: BillingApiHarness,
  customerId: string,
  userId: string,
  subscriptions: readonly SubscriptionRecord[],
): Promise<void> {
  await harness.customers.saveCustomer({
    customerId,
    userId,
    email: `${userId}@example.com`,
    subscriptions: Object.fromEntries(
      subscriptions.map((record) => [record.subscriptionId, record]),
    ),
    revision: 1,
    createdAt: new Date(TEST_NOW_MS).toISOString(),
    updatedAt: new Date(TEST_NOW_MS).toISOString(),
  });
}
