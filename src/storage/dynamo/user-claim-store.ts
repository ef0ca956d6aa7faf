import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
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
 */
export interface UserClaim {
  readonly userId: string;
  /** Who holds the lease: an id unique to one request. */
  readonly leaseOwner: string;
  /** End of the lease, in milliseconds since the epoch. */
  readonly leaseExpiresAt: number;
  /** The user's Stripe customer, once created. */
  readonly stripeCustomerId?: string | undefined;
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

/** Storage of per-user claims (see {@link UserClaim}). */
export interface UserClaimStore {
  /** Reads a user's claim (strongly consistent); undefined when none. */
  getClaim(userId: string): Promise<UserClaim | undefined>;

  /**
   * Takes the claim when there is none, or when its lease expired before a
   * customer was recorded. Returns false when someone else holds it or a
   * customer is already recorded.
   */
  acquireClaim(input: AcquireClaimInput): Promise<boolean>;

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

  async acquireClaim(input: AcquireClaimInput): Promise<boolean> {
    const item: ClaimItem = {
      customerId: claimKey(input.userId),
      claimUserId: input.userId,
      leaseOwner: input.leaseOwner,
      leaseExpiresAt: input.nowMs + input.leaseMs,
    };
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: item,
          ConditionExpression:
            'attribute_not_exists(customerId) OR ' +
            '(attribute_not_exists(stripeCustomerId) AND leaseExpiresAt <= :now)',
          ExpressionAttributeValues: { ':now': input.nowMs },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw translateStoreError(
        error,
        `claiming the customer of user ${input.userId}`,
      );
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
  };
}
