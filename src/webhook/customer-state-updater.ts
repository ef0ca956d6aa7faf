import type { CustomerRecord } from '../domain/customer-record.js';
import type { CustomerStore } from '../domain/customer-store.js';
import {
  type ChangeDecision,
  type ChangeOutcome,
  decideCustomerChange,
  decideInvoiceChange,
  decideSubscriptionChange,
  isUserConflict,
} from '../domain/decide-change.js';
import type { Plan } from '../domain/plan.js';
import type {
  CustomerSnapshot,
  InvoiceSnapshot,
  SubscriptionSnapshot,
} from '../domain/state-snapshot.js';
import type { EventRef } from '../domain/timeline.js';
import type { AppLogger } from '../shared/logger.js';
import { RevisionConflictError } from '../storage/errors.js';
import { CustomerContentionError } from './errors.js';
import { toInvoiceSnapshot } from './snapshots/to-invoice-snapshot.js';
import { toSubscriptionSnapshot } from './snapshots/to-subscription-snapshot.js';
import type { StripeObjectReader } from './stripe-object-reader.js';

/** Dependencies of {@link CustomerStateUpdater}. */
export interface CustomerStateUpdaterDeps {
  readonly store: CustomerStore;
  readonly reader: StripeObjectReader;
  readonly plans: readonly Plan[];
  readonly logger: AppLogger;
  /** The clock, milliseconds since the epoch; default `Date.now`. */
  readonly now?: () => number;
  /** Read-decide-write rounds before giving up; default 5. */
  readonly maxAttempts?: number;
}

type Decide = (stored: CustomerRecord | undefined) => Promise<ChangeDecision>;

/**
 * Applies snapshots to customer records: read the record (consistent),
 * decide with the timeline rules of `src/domain/decide-change.ts`, re-fetch
 * the object from Stripe when the event ties with the stored state, then
 * write conditionally on the revision read. A lost race re-reads and
 * decides again; no sleep is needed since the winner's write is visible.
 */
export class CustomerStateUpdater {
  readonly #deps: CustomerStateUpdaterDeps;
  readonly #now: () => number;
  readonly #maxAttempts: number;

  constructor(deps: CustomerStateUpdaterDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    this.#maxAttempts = deps.maxAttempts ?? 5;
  }

  /** Applies a subscription snapshot taken from an event. */
  applySubscription(
    snapshot: SubscriptionSnapshot,
    event: EventRef,
  ): Promise<ChangeOutcome> {
    return this.#update(
      snapshot.customerId,
      snapshot.userId,
      async (stored) => {
        const nowIso = this.#nowIso();
        const decision = decideSubscriptionChange(
          stored,
          snapshot,
          event,
          'event',
          nowIso,
        );
        if (decision.kind !== 'fetch') return decision;
        const fetched = toSubscriptionSnapshot(
          await this.#deps.reader.retrieveSubscription(snapshot.subscriptionId),
          this.#deps.plans,
        );
        return decideSubscriptionChange(
          stored,
          fetched,
          event,
          'fetch',
          nowIso,
        );
      },
    );
  }

  /** Applies an invoice snapshot taken from an event. */
  applyInvoice(
    snapshot: InvoiceSnapshot,
    event: EventRef,
  ): Promise<ChangeOutcome> {
    return this.#update(
      snapshot.customerId,
      snapshot.userId,
      async (stored) => {
        const nowIso = this.#nowIso();
        const decision = decideInvoiceChange(
          stored,
          snapshot,
          event,
          'event',
          nowIso,
        );
        if (decision.kind !== 'fetch') return decision;
        const fetched = toInvoiceSnapshot(
          await this.#deps.reader.retrieveInvoice(snapshot.invoiceId),
        );
        return decideInvoiceChange(stored, fetched, event, 'fetch', nowIso);
      },
    );
  }

  /** Applies customer-level facts (user link, email, deletion). */
  applyCustomer(snapshot: CustomerSnapshot): Promise<ChangeOutcome> {
    return this.#update(snapshot.customerId, snapshot.userId, async (stored) =>
      decideCustomerChange(stored, snapshot, this.#nowIso()),
    );
  }

  async #update(
    customerId: string,
    offeredUserId: string | undefined,
    decide: Decide,
  ): Promise<ChangeOutcome> {
    let lastConflict: RevisionConflictError | undefined;
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt++) {
      const stored = await this.#deps.store.getCustomer(customerId);
      this.#warnOnUserConflict(stored, offeredUserId);
      const decision = await decide(stored);
      if (decision.kind === 'skip') return decision.outcome;
      if (decision.kind === 'fetch') {
        throw new Error(
          'A fetched snapshot must be decided, not fetched again',
        );
      }

      try {
        await this.#deps.store.saveCustomer(decision.record);
        this.#logWrite(decision.record, stored);
        return 'applied';
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
        lastConflict = error;
      }
    }
    throw new CustomerContentionError(customerId, this.#maxAttempts, {
      cause: lastConflict,
    });
  }

  #warnOnUserConflict(
    stored: CustomerRecord | undefined,
    offeredUserId: string | undefined,
  ): void {
    if (!isUserConflict(stored, offeredUserId)) return;
    this.#deps.logger.warn('customer already linked to another user', {
      customerId: stored?.customerId,
      userId: stored?.userId,
      offeredUserId,
    });
  }

  #logWrite(record: CustomerRecord, stored: CustomerRecord | undefined): void {
    if (stored === undefined && record.userId === undefined) {
      this.#deps.logger.info('customer stored without a user link', {
        customerId: record.customerId,
      });
    }
  }

  #nowIso(): string {
    return new Date(this.#now()).toISOString();
  }
}
