import {
  type DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';

import { RevisionConflictError } from '../errors.js';
import { isConditionFailure, translateStoreError } from './translate-error.js';

/** Key prefix of claim items in the customers table. */
export const USER_CLAIM_PREFIX = 'claim#user#';

/**
 * A user's claim on creating their Stripe customer. Exactly one request
 * holds the lease at a time; once the customer exists its id is recorded
 * here and every later request reads it (strongly consistent, by key).
 * When that customer is deleted in Stripe, the claim is reopened once
 * (see {@link UserClaimStore.replaceCustomer}) and names the customer it
 * replaces.
 */
export interface UserClaim {
  readonly userId: string;
  /** Who holds the lease: an id unique to one request. */
  readonly leaseOwner: string;
  /** End of the lease, in milliseconds since the epoch. */
  readonly leaseExpiresAt: number;
  /** The user's Stripe customer, once created. */
  readonly stripeCustomerId?: string | undefined;
  /** The deleted customer the next one replaces, when there was one. */
  readonly replacedCustomerId?: string | undefined;
}

/** What {@link UserClaimStore.acquireClaim} needs. */
export interface AcquireClaimInput {
  readonly userId: string;
  readonly leaseOwner: string;
  /** Now, in milliseconds since the epoch. */
  readonly nowMs: number;
  /** Length of the lease in milliseconds. */
  readonly leaseMs: number;
}

/** What {@link UserClaimStore.replaceCustomer} needs. */
export interface ReplaceCustomerInput extends AcquireClaimInput {
  /** The recorded customer, found deleted. */
  readonly deletedCustomerId: string;
}

/** Storage of per-user claims (see {@link UserClaim}). */
export interface UserClaimStore {
  /** Reads a user's claim (strongly consistent); undefined when none. */
  getClaim(userId: string): Promise<UserClaim | undefined>;

  /**
   * Takes the claim when there is none, or when its lease expired before a
   * customer was recorded, keeping the customer it replaces. Returns the
   * claim now held, or undefined when someone else holds it or a customer
   * is already recorded.
   */
  acquireClaim(input: AcquireClaimInput): Promise<UserClaim | undefined>;

  /**
   * Reopens a claim whose recorded customer was deleted: removes the
   * customer, remembers it as replaced and takes the lease, all in one
   * conditional write, so exactly one request replaces a given customer.
   * Returns the claim now held, or undefined when the claim no longer
   * records `deletedCustomerId` (another request got there first).
   */
  replaceCustomer(input: ReplaceCustomerInput): Promise<UserClaim | undefined>;

  /**
   * Records the user's Stripe customer on the claim. Recording the same id
   * twice is fine; a different id throws `RevisionConflictError`.
   */
  recordCustomer(userId: string, customerId: string): Promise<void>;

  /**
   * Ends a lease early (its holder failed), so the next request need not
   * wait for it to expire. Does nothing when the lease changed hands or a
   * customer is recorded.
   */
  releaseClaim(userId: string, leaseOwner: string): Promise<void>;
}

/** Shape of a claim item as stored. */
interface ClaimItem {
  readonly customerId: string;
  /** Not `userId`, so that claim items stay out of `UserIdIndex`. */
  readonly claimUserId: string;
  readonly leaseOwner: string;
  readonly leaseExpiresAt: number;
  readonly stripeCustomerId?: string;
  readonly replacedCustomerId?: string;
}

/**
 * Claim items in the customers table under the key
 * `claim#user#<userId>`. They carry no `userId` attribute, so the user
 * index holds real customers only.
 */
export class DynamoUserClaimStore implements UserClaimStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async getClaim(userId: string): Promise<UserClaim | undefined> {
    try {
      const result = await this.#client.send(
        new GetCommand({
          TableName: this.#tableName,
          Key: { customerId: claimKey(userId) },
          ConsistentRead: true,
        }),
      );
      const item = result.Item as ClaimItem | undefined;
      return item && toClaim(item);
    } catch (error) {
      throw translateStoreError(error, `reading the claim of user ${userId}`);
    }
  }

  async acquireClaim(input: AcquireClaimInput): Promise<UserClaim | undefined> {
    return this.#takeLease(input, {
      condition:
        'attribute_not_exists(customerId) OR ' +
        '(attribute_not_exists(stripeCustomerId) AND leaseExpiresAt <= :now)',
      values: { ':now': input.nowMs },
      operation: `claiming the customer of user ${input.userId}`,
    });
  }

  async replaceCustomer(
    input: ReplaceCustomerInput,
  ): Promise<UserClaim | undefined> {
    return this.#takeLease(input, {
      extraSet: ', replacedCustomerId = :deleted REMOVE stripeCustomerId',
      condition: 'stripeCustomerId = :deleted',
      values: { ':deleted': input.deletedCustomerId },
      operation:
        `replacing customer ${input.deletedCustomerId} ` +
        `of user ${input.userId}`,
    });
  }

  /** Sets the lease under a condition; undefined when the condition fails. */
  async #takeLease(
    input: AcquireClaimInput,
    write: {
      readonly extraSet?: string;
      readonly condition: string;
      readonly values: Record<string, unknown>;
      readonly operation: string;
    },
  ): Promise<UserClaim | undefined> {
    try {
      const result = await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { customerId: claimKey(input.userId) },
          UpdateExpression:
            'SET claimUserId = :user, leaseOwner = :owner, ' +
            `leaseExpiresAt = :expires${write.extraSet ?? ''}`,
          ConditionExpression: write.condition,
          ExpressionAttributeValues: {
            ':user': input.userId,
            ':owner': input.leaseOwner,
            ':expires': input.nowMs + input.leaseMs,
            ...write.values,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toClaim(result.Attributes as ClaimItem);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw translateStoreError(error, write.operation);
    }
  }

  async recordCustomer(userId: string, customerId: string): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { customerId: claimKey(userId) },
          UpdateExpression: 'SET stripeCustomerId = :customer',
          ConditionExpression:
            'attribute_exists(customerId) AND ' +
            '(attribute_not_exists(stripeCustomerId) OR ' +
            'stripeCustomerId = :customer)',
          ExpressionAttributeValues: { ':customer': customerId },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new RevisionConflictError(`The claim of user ${userId}`, {
          cause: error,
        });
      }
      throw translateStoreError(
        error,
        `recording customer ${customerId} for user ${userId}`,
      );
    }
  }

  async releaseClaim(userId: string, leaseOwner: string): Promise<void> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { customerId: claimKey(userId) },
          UpdateExpression: 'SET leaseExpiresAt = :expired',
          ConditionExpression:
            'leaseOwner = :owner AND attribute_not_exists(stripeCustomerId)',
          ExpressionAttributeValues: { ':expired': 0, ':owner': leaseOwner },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return;
      throw translateStoreError(error, `releasing the claim of user ${userId}`);
    }
  }
}

function claimKey(userId: string): string {
  return `${USER_CLAIM_PREFIX}${userId}`;
}

function toClaim(item: ClaimItem): UserClaim {
  return {
    userId: item.claimUserId,
    leaseOwner: item.leaseOwner,
    leaseExpiresAt: item.leaseExpiresAt,
    stripeCustomerId: item.stripeCustomerId,
    replacedCustomerId: item.replacedCustomerId,
  };
}
