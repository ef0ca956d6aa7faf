import type {
  ArchivedInvoice,
  InvoiceArchive,
} from '../../src/domain/invoice-archive.js';

/**
 * A bench-only invoice archive in memory, with the decision the S3 archive
 * makes (an older event's report never replaces a newer one) and the
 * document's serialization, so both stay charged to the product.
 */
export class InMemoryInvoiceArchive implements InvoiceArchive {
  readonly #documents = new Map<string, { body: string; created: number }>();

  async archiveInvoice(entry: ArchivedInvoice): Promise<'archived' | 'kept'> {
    const key = `${entry.customerId}/${entry.invoiceId}`;
    const stored = this.#documents.get(key);
    if (stored && stored.created > entry.eventCreated) return 'kept';
    const body = JSON.stringify(entry.invoice);
    this.#documents.set(key, { body, created: entry.eventCreated });
    return 'archived';
  }
}
