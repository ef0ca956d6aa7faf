/** One invoice to archive, with the event that reported it. */
export interface ArchivedInvoice {
  readonly customerId: string;
  readonly invoiceId: string;
  /** The invoice object exactly as the event carried it. */
  readonly invoice: unknown;
  readonly eventId: string;
  /** Stripe's `created` of the event, seconds since the epoch. */
  readonly eventCreated: number;
}

/**
 * Storage of invoice documents (S3 in `src/storage/s3`): one document per
 * invoice, replaced only by a report from a newer event, so redelivery and
 * reordering leave the newest report in place.
 */
export interface InvoiceArchive {
  /** Stores the invoice unless a newer report is already archived. */
  archiveInvoice(entry: ArchivedInvoice): Promise<'archived' | 'kept'>;
}
