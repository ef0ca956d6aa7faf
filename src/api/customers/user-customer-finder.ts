import type { CustomerRecord } from '../../domain/customer-record.js';
import type { CustomerStore } from '../../domain/customer-store.js';
import type { UserClaimStore } from '../../storage/dynamo/user-claim-store.js';

/** A user's Stripe customers, as far as the store knows them. */
export interface UserCustomers {
  /**
   * The customer to act on (portal, invoices): the one recorded on the
   * user's claim unless Stripe deleted it, else the newest one linked
   * through `UserIdIndex`.
   */
  readonly primaryCustomerId?: string | undefined;
  /** Every known, not deleted customer record of the user. */
  readonly customers: readonly CustomerRecord[];
}

/**
 * Finds a user's customers: first through the user's claim item (a
 * strongly consistent read by key, so a customer created a moment ago is
 * seen), then through `UserIdIndex` (customers the webhook linked from
 * their `metadata.userId`; the index is eventually consistent).
 */
export class UserCustomerFinder {
  readonly #claims: UserClaimStore;
  readonly #customers: CustomerStore;

  constructor(claims: UserClaimStore, customers: CustomerStore) {
    this.#claims = claims;
    this.#customers = customers;
  }

  async findCustomers(userId: string): Promise<UserCustomers> {
    const [claim, linked] = await Promise.all([
      this.#claims.getClaim(userId),
      this.#customers.findCustomersByUserId(userId),
    ]);
    const claimedId = claim?.stripeCustomerId;
    const claimed = claimedId
      ? await this.#customers.getCustomer(claimedId)
      : undefined;

    const byId = new Map<string, CustomerRecord>();
    for (const record of [claimed, ...newestFirst(linked)]) {
      if (record === undefined || !isUsable(record, userId)) continue;
      byId.set(record.customerId, record);
    }
    const customers = [...byId.values()];
    const isClaimedUsable = claimed === undefined || isUsable(claimed, userId);
    return {
      primaryCustomerId:
        (isClaimedUsable ? claimedId : undefined) ?? customers[0]?.customerId,
      customers,
    };
  }
}

/** Not deleted in Stripe, and not linked to someone else. */
function isUsable(record: CustomerRecord, userId: string): boolean {
  if (record.deleted === true) return false;
  return record.userId === undefined || record.userId === userId;
}

function newestFirst(records: readonly CustomerRecord[]): CustomerRecord[] {
  return [...records].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
