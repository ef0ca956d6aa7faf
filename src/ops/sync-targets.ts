import type { CustomerStore } from '../domain/customer-store.js';
import type { StripeStateReader } from './customer-truth.js';
import { UnknownUserError } from './errors.js';

/** Which customers a sync covers. */
export type SyncTarget =
  | { readonly kind: 'all' }
  | { readonly kind: 'customer'; readonly customerId: string }
  | { readonly kind: 'user'; readonly userId: string };

/** Where the customer ids of a sync for everyone come from. */
export interface SyncTargetSources {
  readonly store: CustomerStore;
  readonly reader: StripeStateReader;
  /** Ids of the stored customers. */
  readonly listStoredIds: () => AsyncIterable<string>;
}

/**
 * The customer ids a sync covers, sorted: for everyone, the union of the
 * customers Stripe lists and those stored (a stored customer Stripe no
 * longer lists is still checked); for a user, the customers linked to it.
 */
export async function resolveSyncTargets(
  target: SyncTarget,
  sources: SyncTargetSources,
): Promise<string[]> {
  if (target.kind === 'customer') return [target.customerId];
  if (target.kind === 'user') {
    const linked = await sources.store.findCustomersByUserId(target.userId);
    if (linked.length === 0) throw new UnknownUserError(target.userId);
    return linked.map((customer) => customer.customerId).sort();
  }

  const ids = new Set<string>();
  for await (const id of sources.reader.listCustomerIds()) ids.add(id);
  for await (const id of sources.listStoredIds()) ids.add(id);
  return [...ids].sort();
}
