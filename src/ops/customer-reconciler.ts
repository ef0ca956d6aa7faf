import type { CustomerStore } from '../domain/customer-store.js';
import { RevisionConflictError } from '../storage/errors.js';
import type { StripeStateReader } from './customer-truth.js';
import { SyncContentionError } from './errors.js';
import type { FieldChange } from './field-change.js';
import { planSync } from './plan-sync.js';
import { makeSyncPoint, SYNC_SAFETY_MARGIN_SECONDS } from './sync-point.js';

/** What a sync did to one customer. */
export const SYNC_STATUSES = {
  /** Stored state equals Stripe's: nothing written. */
  inSync: 'in_sync',
  /** Drift found and left as it is (dry run). */
  drift: 'drift',
  /** Drift found and the record rewritten from Stripe. */
  fixed: 'fixed',
  /** The customer could not be synced; `error` says why. */
  failed: 'failed',
} as const;

/** A status of {@link SYNC_STATUSES}. */
export type SyncStatus = (typeof SYNC_STATUSES)[keyof typeof SYNC_STATUSES];

/** The result of syncing one customer. */
export interface CustomerSyncResult {
  readonly customerId: string;
  readonly status: SyncStatus;
  readonly changes: readonly FieldChange[];
  /** For `failed`: the error's message. */
  readonly error?: string | undefined;
}

/** Dependencies of {@link CustomerReconciler}. */
export interface CustomerReconcilerDeps {
  readonly store: CustomerStore;
  readonly reader: StripeStateReader;
  /** Id stamped on rewritten state (`TimelinePoint.eventId`). */
  readonly syncId: string;
  /** The clock, milliseconds since the epoch; default `Date.now`. */
  readonly now?: () => number;
  /** Read-fetch-write rounds before giving up; default 5. */
  readonly maxAttempts?: number;
  /** See {@link SYNC_SAFETY_MARGIN_SECONDS}; in seconds. */
  readonly safetyMarginSeconds?: number;
}

/**
 * Brings one stored customer in line with Stripe while webhooks flow:
 * read the record, then fetch from Stripe (so the fetch is at least as new
 * as every event already applied), compare, and write conditionally on
 * the revision read. A conflict means a delivery wrote meanwhile: read and
 * fetch again.
 */
export class CustomerReconciler {
  readonly #deps: CustomerReconcilerDeps;
  readonly #now: () => number;

  constructor(deps: CustomerReconcilerDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  /** Syncs one customer; `isDryRun` reports drift without writing. */
  async reconcile(
    customerId: string,
    isDryRun: boolean,
  ): Promise<CustomerSyncResult> {
    const maxAttempts = this.#deps.maxAttempts ?? 5;
    let lastConflict: RevisionConflictError | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const stored = await this.#deps.store.getCustomer(customerId);
      const fetchStarted = Math.floor(this.#now() / 1000);
      const truth = await this.#deps.reader.readCustomer(customerId);
      const plan = planSync(
        stored,
        truth,
        (point) => this.#stamp(point, fetchStarted),
        new Date(this.#now()).toISOString(),
      );
      const { changes, record } = plan;
      if (record === undefined) {
        return { customerId, status: SYNC_STATUSES.inSync, changes };
      }
      if (isDryRun) return { customerId, status: SYNC_STATUSES.drift, changes };

      try {
        await this.#deps.store.saveCustomer(record);
        return { customerId, status: SYNC_STATUSES.fixed, changes };
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
        lastConflict = error;
      }
    }
    throw new SyncContentionError(customerId, maxAttempts, {
      cause: lastConflict,
    });
  }

  #stamp(stored: Parameters<typeof makeSyncPoint>[0], fetchStarted: number) {
    return makeSyncPoint(
      stored,
      fetchStarted,
      this.#deps.syncId,
      this.#deps.safetyMarginSeconds ?? SYNC_SAFETY_MARGIN_SECONDS,
    );
  }
}
