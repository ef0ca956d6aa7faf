import type { CustomerRecord } from './customer-record.js';

/**
 * Storage of customer records, with optimistic concurrency: a write names
 * the revision it read, and fails with a conflict when another write came
 * first. Implemented on DynamoDB in `src/storage/dynamo`.
 */
export interface CustomerStore {
  /** Reads one customer (strongly consistent); undefined when unknown. */
  getCustomer(customerId: string): Promise<CustomerRecord | undefined>;

  /**
   * Writes a customer record whose `revision` is one more than the revision
   * read: 1 for a new record, which must not exist yet. Throws
   * `RevisionConflictError` when the stored revision differs (another write
   * came first: re-read, decide again, retry).
   */
  saveCustomer(record: CustomerRecord): Promise<void>;

  /** The customers linked to a user (index `UserIdIndex`). */
  findCustomersByUserId(userId: string): Promise<CustomerRecord[]>;
}
