/**
 * The world outside the product, in its own process so that its CPU is not
 * counted as the product's: the embedded DynamoDB (dynalite), the embedded
 * S3 (s3rver) and the offline Stripe sandbox, seeded with the bench plans.
 * It also runs the local stack (`startLocalStack`, what `npm start` runs)
 * with the bench's keys, pointed at this sandbox as its Stripe API, for the
 * storm. Tells its parent the endpoints over IPC and stops when the parent
 * leaves.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startLocalStack } from '../../src/entry/local/local-stack.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { startEmbeddedDynamo } from '../../src/storage/embedded/embedded-dynamo.js';
import { startEmbeddedS3 } from '../../src/storage/embedded/embedded-s3.js';
import {
  BENCH_BUCKET,
  BENCH_SECRETS,
  BENCH_SEED_PLANS,
  BENCH_TABLES,
  makeBenchConfig,
} from '../bench-config.js';
import type { WorldEndpoints } from './start-world.js';

const dynamo = await startEmbeddedDynamo({ tables: BENCH_TABLES });
const s3 = await startEmbeddedS3({ bucket: BENCH_BUCKET });
const sandbox = await startSandbox({ port: 0 });
sandbox.seedCatalog(BENCH_SEED_PLANS);

const config = makeBenchConfig({
  dynamodbEndpoint: dynamo.endpoint,
  s3Endpoint: s3.endpoint,
  stripePort: sandbox.port,
});
const stack = await startLocalStack({
  port: 0,
  sandboxPort: 0,
  dataDir: mkdtempSync(join(tmpdir(), 'bench-stack-')),
  quiet: true,
  env: {
    PATH: process.env.PATH,
    LOG_LEVEL: process.env.LOG_LEVEL,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    BILLING_CONFIG: JSON.stringify({
      plans: config.plans,
      urls: config.urls,
      access: config.access,
      checkout: config.checkout,
    }),
    // Real-Stripe mode with the bench's keys: the stack starts no sandbox
    // of its own and reads Stripe from this one.
    ...BENCH_SECRETS,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(sandbox.port),
    STRIPE_API_PROTOCOL: 'http',
  },
});

const endpoints: WorldEndpoints = {
  dynamodbEndpoint: dynamo.endpoint,
  s3Endpoint: s3.endpoint,
  sandboxPort: sandbox.port,
  stack: {
    url: stack.url,
    dynamodbEndpoint: stack.config.aws.dynamodbEndpoint ?? '',
    eventsTable: stack.config.tables.events,
    customersTable: stack.config.tables.customers,
  },
};
process.send?.(endpoints);

process.once('disconnect', () => {
  void Promise.allSettled([
    stack.stop(),
    dynamo.stop(),
    s3.stop(),
    sandbox.stop(),
  ]).then(() => process.exit(0));
});
