import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';

import type { AppConfig } from '../../config/app-config.js';
import { USER_ID_INDEX } from '../../storage/dynamo/table-definitions.js';
import { makeS3Client } from '../../storage/s3/make-s3-client.js';
import { type CheckResult, fail, pass } from './check-result.js';

/**
 * Checks that the customers and events tables answer `DescribeTable` (the
 * customers table with its `UserIdIndex`) and that the invoices bucket
 * answers `HeadBucket`, with the credentials this process runs under.
 */
export async function checkAwsResources(
  config: AppConfig,
): Promise<CheckResult[]> {
  const dynamo = makeDynamoClient(config);
  const s3 = makeS3Client({
    region: config.aws.region,
    endpoint: config.aws.s3Endpoint,
  });
  try {
    return [
      await checkTable(dynamo, config.tables.customers, 'CUSTOMERS_TABLE', [
        USER_ID_INDEX,
      ]),
      await checkTable(dynamo, config.tables.events, 'EVENTS_TABLE', []),
      await checkBucket(s3, config.invoicesBucket),
    ];
  } finally {
    dynamo.destroy();
    s3.destroy();
  }
}

/** The plain DynamoDB client (DescribeTable is not a document command). */
function makeDynamoClient(config: AppConfig): DynamoDBClient {
  const endpoint = config.aws.dynamodbEndpoint;
  return new DynamoDBClient({
    region: config.aws.region,
    maxAttempts: 2,
    ...(endpoint
      ? {
          endpoint,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
}

async function checkTable(
  client: DynamoDBClient,
  tableName: string,
  setting: string,
  indexes: readonly string[],
): Promise<CheckResult> {
  const label = `Table ${tableName} reachable`;
  try {
    const { Table } = await client.send(
      new DescribeTableCommand({ TableName: tableName }),
    );
    const present = (Table?.GlobalSecondaryIndexes ?? []).map(
      (index) => index.IndexName,
    );
    const missing = indexes.filter((index) => !present.includes(index));
    if (missing.length > 0) {
      return fail(
        label,
        `index ${missing.join(', ')} is missing`,
        'Deploy the stacks (npm run deploy), which declare the index.',
      );
    }
    return pass(label, Table?.TableStatus);
  } catch (error) {
    return fail(
      label,
      describeAwsError(error),
      `Set ${setting} to the deployed table's name, and allow ` +
        'dynamodb:DescribeTable to these credentials.',
    );
  }
}

async function checkBucket(
  client: ReturnType<typeof makeS3Client>,
  bucket: string,
): Promise<CheckResult> {
  const label = `Bucket ${bucket} reachable`;
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return pass(label);
  } catch (error) {
    return fail(
      label,
      describeAwsError(error),
      'Set INVOICES_BUCKET to the deployed bucket, and allow ' +
        's3:ListBucket on it to these credentials.',
    );
  }
}

function describeAwsError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } })
    .$metadata?.httpStatusCode;
  return status ? `${error.name} (HTTP ${status})` : error.name;
}
