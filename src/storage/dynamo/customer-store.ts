import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';

import type { CustomerRecord } from '../../domain/customer-record.js';
import type { CustomerStore } from '../../domain/customer-store.js';
import { RevisionConflictError } from '../errors.js';
import { USER_ID_INDEX } from './table-definitions.js';
import { isConditionFailure, translateStoreError } from './translate-error.js';

/**
 * Customer records in the customers table, one item per Stripe customer
 * (key `customerId`). `userId` is written only when the customer is linked
 * to a user, so the `UserIdIndex` index holds linked customers only.
 */
export class DynamoCustomerStore implements CustomerStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async getCustomer(customerId: string): Promise<CustomerRecord | undefined> {
    try {
      const result = await this.#client.send(
        new GetCommand({
          TableName: this.#tableName,
          Key: { customerId },
          ConsistentRead: true,
        }),
      );
      return result.Item as CustomerRecord | undefined;
    } catch (error) {
      throw translateStoreError(error, `reading customer ${customerId}`);
    }
  }

  async saveCustomer(record: CustomerRecord): Promise<void> {
    const isNew = record.revision <= 1;
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: record,
          ConditionExpression: isNew
            ? 'attribute_not_exists(customerId)'
            : '#revision = :expected',
          ...(isNew
            ? {}
            : {
                ExpressionAttributeNames: { '#revision': 'revision' },
                ExpressionAttributeValues: { ':expected': record.revision - 1 },
              }),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new RevisionConflictError(`Customer ${record.customerId}`, {
          cause: error,
        });
      }
      throw translateStoreError(error, `writing customer ${record.customerId}`);
    }
  }

  async findCustomersByUserId(userId: string): Promise<CustomerRecord[]> {
    try {
      const result = await this.#client.send(
        new QueryCommand({
          TableName: this.#tableName,
          IndexName: USER_ID_INDEX,
          KeyConditionExpression: 'userId = :userId',
          ExpressionAttributeValues: { ':userId': userId },
        }),
      );
      return (result.Items ?? []) as CustomerRecord[];
    } catch (error) {
      throw translateStoreError(error, `finding customers of user ${userId}`);
    }
  }
}
