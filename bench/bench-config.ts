import type { AppConfig } from '../src/config/app-config.js';
import type { SeedPlan } from '../src/sandbox/index.js';
import {
  makeTestConfig,
  TEST_PLANS,
} from '../src/webhook/testing/webhook-harness.js';

/** Table names of the bench (created by the embedded DynamoDB). */
export const BENCH_TABLES = {
  customers: 'customers-webhook',
  events: 'events-webhook',
} as const;

/** Invoice bucket of the bench. */
export const BENCH_BUCKET = 'invoices-webhook';

/** Secret values of the bench, test mode (the sandbox takes any `sk_test_`). */
export const BENCH_SECRETS = {
  STRIPE_SECRET_KEY: 'sk_test_benchSecretKey0001',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_benchPublishable0001',
  STRIPE_WEBHOOK_SECRET: 'whsec_benchSigningSecret0001',
} as const;

/** The product catalogue of the bench, as seeded into the sandbox. */
export const BENCH_SEED_PLANS: SeedPlan[] = TEST_PLANS.map((plan) => ({
  key: plan.key,
  name: plan.name,
  prices: plan.prices,
}));

/** Where the product under measurement finds the outside world. */
export interface BenchEndpoints {
  readonly dynamodbEndpoint: string;
  readonly s3Endpoint: string;
  /** Port of the Stripe API (the sandbox, or a proxy in front of it). */
  readonly stripePort: number;
}

/**
 * The webhook configuration of the bench: the harness's catalogue and
 * names, pointed at the given DynamoDB, S3 and Stripe endpoints.
 */
export function makeBenchConfig(endpoints: BenchEndpoints): AppConfig {
  const base = makeTestConfig(endpoints.dynamodbEndpoint, endpoints.s3Endpoint);
  return {
    ...base,
    tables: BENCH_TABLES,
    invoicesBucket: BENCH_BUCKET,
    stripe: {
      ...base.stripe,
      apiBase: {
        host: '127.0.0.1',
        port: endpoints.stripePort,
        protocol: 'http',
      },
    },
  };
}
