import { randomUUID } from 'node:crypto';

import {
  type DynamoDBDocumentClient,
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';

import {
  type ClaimResult,
  type EventLedger,
  LEDGER_STATUSES,
  type LedgerEntry,
} from '../../webhook/event-ledger.js';
import { isConditionFailure, translateStoreError } from './translate-error.js';

/** Options of {@link DynamoEventLedgerStore}. */
export interface EventLedgerStoreOptions {
  /** How long a claim holds, in seconds; default 60 (over the timeout). */
  readonly leaseSeconds?: number;
  /** How long ledger items are kept (TTL), in days; default 90. */
  readonly retentionDays?: number;
  /** The clock, milliseconds since the epoch; default `Date.now`. */
  readonly now?: () => number;
}

const SECONDS_PER_DAY = 86_400;

/**
 * The event ledger in the events table, one item per event (key
 * `eventId`): type, status, attempts, lease (token and `leaseExpiresAt` in
 * epoch milliseconds), ISO timestamps and `expiresAt` (epoch seconds, the
 * table's TTL). Claims, completions and releases are single conditional
 * writes.
 */
export class DynamoEventLedgerStore implements EventLedger {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #leaseMs: number;
  readonly #retentionSeconds: number;
  readonly #now: () => number;

  constructor(
    client: DynamoDBDocumentClient,
    tableName: string,
    options: EventLedgerStoreOptions = {},
  ) {
    this.#client = client;
    this.#tableName = tableName;
    this.#leaseMs = (options.leaseSeconds ?? 60) * 1000;
    this.#retentionSeconds = (options.retentionDays ?? 90) * SECONDS_PER_DAY;
    this.#now = options.now ?? Date.now;
  }

  async claimEvent(entry: LedgerEntry): Promise<ClaimResult> {
    const now = this.#now();
    const leaseToken = randomUUID();
    try {
      const result = await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { eventId: entry.eventId },
          UpdateExpression:
            'SET #type = :type, #status = :processing, ' +
            'eventCreated = :created, leaseToken = :token, ' +
            'leaseExpiresAt = :leaseEnd, updatedAt = :nowIso, ' +
            'createdAt = if_not_exists(createdAt, :nowIso), ' +
            'expiresAt = :expiresAt ADD attempts :one',
          ConditionExpression:
            'attribute_not_exists(eventId) OR ' +
            '(#status <> :done AND leaseExpiresAt < :now)',
          ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
          ExpressionAttributeValues: {
            ':type': entry.type,
            ':processing': LEDGER_STATUSES.processing,
            ':done': LEDGER_STATUSES.done,
            ':created': entry.eventCreated,
            ':token': leaseToken,
            ':leaseEnd': now + this.#leaseMs,
            ':now': now,
            ':nowIso': new Date(now).toISOString(),
            ':expiresAt': Math.floor(now / 1000) + this.#retentionSeconds,
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const attempts = Number(result.Attributes?.attempts ?? 1);
      return { kind: 'claimed', leaseToken, attempts };
    } catch (error) {
      if (isConditionFailure(error)) return this.#describeHeld(entry.eventId);
      throw translateStoreError(error, `claiming event ${entry.eventId}`);
    }
  }

  async completeEvent(
    eventId: string,
    leaseToken: string,
    outcome: string,
    reason?: string,
  ): Promise<boolean> {
    const nowIso = new Date(this.#now()).toISOString();
    const setReason = reason === undefined ? '' : ', reason = :reason';
    return this.#updateHeld(eventId, leaseToken, 'completing', {
      UpdateExpression:
        'SET #status = :status, outcome = :outcome, completedAt = :nowIso, ' +
        `updatedAt = :nowIso${setReason} REMOVE leaseToken, leaseExpiresAt`,
      ExpressionAttributeValues: {
        ':status': LEDGER_STATUSES.done,
        ':outcome': outcome,
        ':nowIso': nowIso,
        ...(reason === undefined ? {} : { ':reason': reason }),
      },
    });
  }

  async releaseEvent(
    eventId: string,
    leaseToken: string,
    errorCode: string,
  ): Promise<boolean> {
    const nowIso = new Date(this.#now()).toISOString();
    return this.#updateHeld(eventId, leaseToken, 'releasing', {
      UpdateExpression:
        'SET #status = :status, lastError = :error, updatedAt = :nowIso, ' +
        'leaseExpiresAt = :expired REMOVE leaseToken',
      ExpressionAttributeValues: {
        ':status': LEDGER_STATUSES.failed,
        ':error': errorCode,
        ':nowIso': nowIso,
        ':expired': 0,
      },
    });
  }

  /** Reads an event whose claim failed: done, or held by another delivery. */
  async #describeHeld(eventId: string): Promise<ClaimResult> {
    try {
      const { Item } = await this.#client.send(
        new GetCommand({
          TableName: this.#tableName,
          Key: { eventId },
          ConsistentRead: true,
        }),
      );
      if (Item?.status === LEDGER_STATUSES.done) return { kind: 'done' };
      const remainingMs = Number(Item?.leaseExpiresAt ?? 0) - this.#now();
      return {
        kind: 'in_flight',
        retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)),
      };
    } catch (error) {
      throw translateStoreError(error, `reading event ${eventId}`);
    }
  }

  async #updateHeld(
    eventId: string,
    leaseToken: string,
    operation: string,
    update: {
      UpdateExpression: string;
      ExpressionAttributeValues: Record<string, unknown>;
    },
  ): Promise<boolean> {
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { eventId },
          UpdateExpression: update.UpdateExpression,
          ConditionExpression: 'leaseToken = :token',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ...update.ExpressionAttributeValues,
            ':token': leaseToken,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw translateStoreError(error, `${operation} event ${eventId}`);
    }
  }
}
