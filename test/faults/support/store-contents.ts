import {
  GetObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  type DynamoDBDocumentClient,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';

/** An archived document: its key, event metadata and parsed body. */
export interface ArchivedObject {
  readonly key: string;
  readonly eventId: string | undefined;
  readonly body: unknown;
}

/** Everything stored: both tables' items and the bucket's keys and ETags. */
export interface StoreContents {
  readonly customers: readonly Record<string, unknown>[];
  readonly events: readonly Record<string, unknown>[];
  readonly objects: readonly { key: string; etag: string }[];
}

/**
 * Reads the stores straight from the embedded servers (not through the
 * fault proxies): scans both tables with consistent reads and lists the
 * bucket, sorted, so two readings compare equal when nothing was written.
 */
export class StoreContentsReader {
  readonly #documents: DynamoDBDocumentClient;
  readonly #s3: S3Client;
  readonly #tables: { readonly customers: string; readonly events: string };
  readonly #bucket: string;

  constructor(deps: {
    documents: DynamoDBDocumentClient;
    s3: S3Client;
    tables: { readonly customers: string; readonly events: string };
    bucket: string;
  }) {
    this.#documents = deps.documents;
    this.#s3 = deps.s3;
    this.#tables = deps.tables;
    this.#bucket = deps.bucket;
  }

  async readAll(): Promise<StoreContents> {
    const [customers, events, objects] = await Promise.all([
      this.#scan(this.#tables.customers, 'customerId'),
      this.#scan(this.#tables.events, 'eventId'),
      this.#list(''),
    ]);
    return { customers, events, objects };
  }

  /** The invoice documents archived for one customer. */
  async readArchive(customerId: string): Promise<ArchivedObject[]> {
    const listed = await this.#list(`invoices/${customerId}/`);
    return Promise.all(
      listed.map(async ({ key }) => {
        const object = await this.#s3.send(
          new GetObjectCommand({ Bucket: this.#bucket, Key: key }),
        );
        const text = (await object.Body?.transformToString()) ?? 'null';
        return {
          key,
          eventId: object.Metadata?.['event-id'],
          body: JSON.parse(text),
        };
      }),
    );
  }

  async #scan(table: string, key: string) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.#documents.send(
        new ScanCommand({
          TableName: table,
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    return items.sort((a, b) => String(a[key]).localeCompare(String(b[key])));
  }

  async #list(prefix: string) {
    const listed = await this.#s3.send(
      new ListObjectsV2Command({ Bucket: this.#bucket, Prefix: prefix }),
    );
    return (listed.Contents ?? [])
      .map((object) => ({
        key: object.Key ?? '',
        etag: object.ETag ?? '',
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }
}
