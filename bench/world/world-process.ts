/**
 * The world outside the product, in its own process so that its CPU is not
 * counted as the product's: the embedded DynamoDB (dynalite), the embedded
 * S3 (s3rver) and the offline Stripe sandbox, seeded with the bench plans.
 * Tells its parent the endpoints over IPC and stops when the parent leaves.
 */
import { startSandbox } from '../../src/sandbox/index.js';
import { startEmbeddedDynamo } from '../../src/storage/embedded/embedded-dynamo.js';
import { startEmbeddedS3 } from '../../src/storage/embedded/embedded-s3.js';
import {
  BENCH_BUCKET,
  BENCH_SEED_PLANS,
  BENCH_TABLES,
} from '../bench-config.js';
import type { WorldEndpoints } from './start-world.js';

const dynamo = await startEmbeddedDynamo({ tables: BENCH_TABLES });
const s3 = await startEmbeddedS3({ bucket: BENCH_BUCKET });
const sandbox = await startSandbox({ port: 0 });
sandbox.seedCatalog(BENCH_SEED_PLANS);

const endpoints: WorldEndpoints = {
  dynamodbEndpoint: dynamo.endpoint,
  s3Endpoint: s3.endpoint,
  sandboxPort: sandbox.port,
};
process.send?.(endpoints);

process.once('disconnect', () => {
  void Promise.allSettled([dynamo.stop(), s3.stop(), sandbox.stop()]).then(() =>
    process.exit(0),
  );
});
