import {
  type CustomerReconciler,
  type CustomerSyncResult,
  SYNC_STATUSES,
} from './customer-reconciler.js';
import { mapWithConcurrency } from './map-with-concurrency.js';

/** Options of {@link runSync}. */
export interface SyncRunOptions {
  /** Report drift without writing; default false. */
  readonly isDryRun?: boolean;
  /** Customers synced at once; default 4 (well under Stripe's rate limit). */
  readonly concurrency?: number;
  /** Called after each customer, with how many are done out of the total. */
  readonly onProgress?: (
    done: number,
    total: number,
    result: CustomerSyncResult,
  ) => void;
}

/** The outcome of one sync run. */
export interface SyncSummary {
  readonly checked: number;
  readonly inSync: number;
  /** Customers whose stored state differed from Stripe's. */
  readonly driftFound: number;
  /** Of those, the ones rewritten. */
  readonly driftFixed: number;
  readonly failed: number;
  readonly results: readonly CustomerSyncResult[];
}

/**
 * Syncs the given customers. One customer's failure (Stripe or the store
 * unavailable, contention) is recorded as `failed` and the run goes on.
 */
export async function runSync(
  reconciler: CustomerReconciler,
  customerIds: readonly string[],
  options: SyncRunOptions = {},
): Promise<SyncSummary> {
  let done = 0;
  const results = await mapWithConcurrency(
    customerIds,
    options.concurrency ?? 4,
    async (customerId) => {
      const result = await reconcileSafely(
        reconciler,
        customerId,
        options.isDryRun ?? false,
      );
      done++;
      options.onProgress?.(done, customerIds.length, result);
      return result;
    },
  );
  return summarize(results);
}

async function reconcileSafely(
  reconciler: CustomerReconciler,
  customerId: string,
  isDryRun: boolean,
): Promise<CustomerSyncResult> {
  try {
    return await reconciler.reconcile(customerId, isDryRun);
  } catch (error) {
    return {
      customerId,
      status: SYNC_STATUSES.failed,
      changes: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

function summarize(results: readonly CustomerSyncResult[]): SyncSummary {
  const count = (status: string) =>
    results.filter((result) => result.status === status).length;
  const fixed = count(SYNC_STATUSES.fixed);
  return {
    checked: results.length,
    inSync: count(SYNC_STATUSES.inSync),
    driftFound: fixed + count(SYNC_STATUSES.drift),
    driftFixed: fixed,
    failed: count(SYNC_STATUSES.failed),
    results,
  };
}
