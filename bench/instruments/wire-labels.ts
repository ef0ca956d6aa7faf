import type { ObservedRequest } from './counting-proxy.js';

/** DynamoDB operations that write (a failed conditional write included). */
export const DYNAMO_WRITES: ReadonlySet<string> = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

/** DynamoDB operations that read. */
export const DYNAMO_READS: ReadonlySet<string> = new Set([
  'GetItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'TransactGetItems',
]);

/**
 * Labels a DynamoDB round trip `<Operation> <TableName>` from the
 * `X-Amz-Target` header and the JSON body the SDK sends.
 */
export function labelDynamoRequest(
  request: ObservedRequest,
): string | undefined {
  const target = String(request.headers['x-amz-target'] ?? '');
  const operation = target.split('.')[1];
  if (!operation) return undefined;
  return `${operation} ${tableOf(request.body)}`;
}

function tableOf(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { TableName?: string };
    return parsed.TableName ?? '-';
  } catch {
    return '-';
  }
}

/** Labels an S3 round trip by method: `HEAD`, `PUT`, `GET`. */
export function labelS3Request(request: ObservedRequest): string {
  return `S3 ${request.method}`;
}

/**
 * Labels a Stripe API call `GET /v1/subscriptions` (ids dropped), so calls
 * can be counted by resource.
 */
export function labelStripeRequest(request: ObservedRequest): string {
  const path = request.path.split('?')[0] ?? '';
  const resource = path.split('/').slice(0, 3).join('/');
  return `${request.method} ${resource}`;
}

/** Sums the counts whose DynamoDB operation is in `operations`. */
export function sumDynamo(
  counts: ReadonlyMap<string, number>,
  operations: ReadonlySet<string>,
): number {
  let total = 0;
  for (const [label, count] of counts) {
    if (operations.has(label.split(' ')[0] ?? '')) total += count;
  }
  return total;
}

/** Sums every count. */
export function sumAll(counts: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}
