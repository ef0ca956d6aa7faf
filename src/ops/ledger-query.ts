import {
  type DynamoDBDocumentClient,
  paginateScan,
} from '@aws-sdk/lib-dynamodb';

import { translateStoreError } from '../storage/dynamo/translate-error.js';
import type { LedgerStatus } from '../webhook/event-ledger.js';

/** One event of the ledger, as the operations tools show it. */
export interface LedgerItem {
  readonly eventId: string;
  readonly type: string;
  readonly status: LedgerStatus;
  /** How many deliveries (or replays) claimed it. */
  readonly attempts: number;
  /** Stripe's `created` of the event, seconds since the epoch. */
  readonly eventCreated: number;
  /** ISO 8601: first claim, last change, completion. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly completedAt?: string | undefined;
  /** What processing came to (`applied`, `stale`, ...), once done. */
  readonly outcome?: string | undefined;
  /** Error code of the last failure, when it failed. */
  readonly lastError?: string | undefined;
}

/** Filters of {@link queryLedger}; all optional. */
export interface LedgerFilter {
  readonly status?: LedgerStatus | undefined;
  /** Exact event type, e.g. `invoice.paid`. */
  readonly type?: string | undefined;
  /** Only events Stripe created at or after this time (epoch seconds). */
  readonly sinceSeconds?: number | undefined;
  /** At most this many, newest first; default all. */
  readonly limit?: number | undefined;
}

/**
 * Reads ledger entries matching the filter, newest event first. The
 * events table has no index on status, so this is a paged scan of the
 * table (90 days of events at most, by its TTL): fine for an operator,
 * not for a request path.
 */
export async function queryLedger(
  client: DynamoDBDocumentClient,
  tableName: string,
  filter: LedgerFilter,
): Promise<LedgerItem[]> {
  const items: LedgerItem[] = [];
  try {
    for await (const page of paginateScan(
      { client, pageSize: 500 },
      { TableName: tableName, ...toScanFilter(filter) },
    )) {
      items.push(...((page.Items ?? []) as LedgerItem[]));
    }
  } catch (error) {
    throw translateStoreError(error, `scanning table ${tableName}`);
  }
  items.sort(
    (a, b) =>
      b.eventCreated - a.eventCreated || b.eventId.localeCompare(a.eventId),
  );
  return filter.limit === undefined ? items : items.slice(0, filter.limit);
}

function toScanFilter(filter: LedgerFilter) {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.status !== undefined) {
    conditions.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = filter.status;
  }
  if (filter.type !== undefined) {
    conditions.push('#type = :type');
    names['#type'] = 'type';
    values[':type'] = filter.type;
  }
  if (filter.sinceSeconds !== undefined) {
    conditions.push('eventCreated >= :since');
    values[':since'] = filter.sinceSeconds;
  }
  if (conditions.length === 0) return {};
  return {
    FilterExpression: conditions.join(' AND '),
    ...(Object.keys(names).length > 0
      ? { ExpressionAttributeNames: names }
      : {}),
    ExpressionAttributeValues: values,
  };
}
