import {
  type DynamoDBDocumentClient,
  paginateScan,
} from '@aws-sdk/lib-dynamodb';

import { translateStoreError } from '../storage/dynamo/translate-error.js';

/**
 * Ids of every customer stored in the customers table (a paged scan that
 * reads only the key). Bookkeeping items, whose key does not start with
 * `cus_`, are skipped.
 */
export async function* listStoredCustomerIds(
  client: DynamoDBDocumentClient,
  tableName: string,
): AsyncIterable<string> {
  const pages = paginateScan(
    { client, pageSize: 500 },
    {
      TableName: tableName,
      ProjectionExpression: 'customerId',
      FilterExpression: 'begins_with(customerId, :prefix)',
      ExpressionAttributeValues: { ':prefix': 'cus_' },
    },
  );
  try {
    for await (const page of pages) {
      for (const item of page.Items ?? []) yield String(item.customerId);
    }
  } catch (error) {
    throw translateStoreError(error, `scanning table ${tableName}`);
  }
}
