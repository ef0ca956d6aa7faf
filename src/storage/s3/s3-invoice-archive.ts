import {
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

import type {
  ArchivedInvoice,
  InvoiceArchive,
} from '../../domain/invoice-archive.js';
import { StoreUnavailableError } from '../errors.js';

/** Object metadata naming the event a document came from. */
const METADATA = { eventId: 'event-id', eventCreated: 'event-created' };

/** The key of an invoice document: `invoices/<customerId>/<invoiceId>.json`. */
export function invoiceKey(customerId: string, invoiceId: string): string {
  return `invoices/${customerId}/${invoiceId}.json`;
}

/**
 * Invoice documents in S3. Before writing, the stored document's event time
 * is read (object metadata): a report from an older event never replaces a
 * newer one, and a redelivered event writes the same bytes again.
 */
export class S3InvoiceArchive implements InvoiceArchive {
  readonly #client: S3Client;
  readonly #bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.#client = client;
    this.#bucket = bucket;
  }

  async archiveInvoice(entry: ArchivedInvoice): Promise<'archived' | 'kept'> {
    const key = invoiceKey(entry.customerId, entry.invoiceId);
    const storedCreated = await this.#readEventCreated(key);
    if (storedCreated !== undefined && storedCreated > entry.eventCreated) {
      return 'kept';
    }

    try {
      await this.#client.send(
        new PutObjectCommand({
          Bucket: this.#bucket,
          Key: key,
          Body: JSON.stringify(entry.invoice),
          ContentType: 'application/json',
          Metadata: {
            [METADATA.eventId]: entry.eventId,
            [METADATA.eventCreated]: String(entry.eventCreated),
          },
        }),
      );
      return 'archived';
    } catch (error) {
      throw new StoreUnavailableError(`archiving invoice ${key}`, {
        cause: error,
      });
    }
  }

  async #readEventCreated(key: string): Promise<number | undefined> {
    try {
      const head = await this.#client.send(
        new HeadObjectCommand({ Bucket: this.#bucket, Key: key }),
      );
      const created = Number(head.Metadata?.[METADATA.eventCreated]);
      return Number.isFinite(created) ? created : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw new StoreUnavailableError(`reading invoice ${key}`, {
        cause: error,
      });
    }
  }
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } })
    .$metadata?.httpStatusCode;
  return error.name === 'NotFound' || status === 404;
}
