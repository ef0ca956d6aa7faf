import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** Name of the customers table's index on `userId`. */
export const USER_ID_INDEX = 'UserIdIndex';

/** TTL attribute of the events table (epoch seconds). */
export const EVENTS_TTL_ATTRIBUTE = 'expiresAt';

/**
 * The customers table as the embedded store creates it; the CDK stack
 * declares the same key and index for AWS.
 */
export function customersTableDefinition(
  tableName: string,
): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'customerId', AttributeType: 'S' },
      { AttributeName: 'userId', AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [
      {
        IndexName: USER_ID_INDEX,
        KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

/** The events table (event ledger) as the embedded store creates it. */
export function eventsTableDefinition(
  tableName: string,
): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'eventId', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'eventId', KeyType: 'HASH' }],
  };
}
