/** Statuses of an event in the ledger, as stored. */
export const LEDGER_STATUSES = {
  /** Claimed by a delivery whose lease has not expired. */
  processing: 'processing',
  /** Its effect is durably written; later deliveries are duplicates. */
  done: 'done',
  /** Processing failed and the claim was released: the next delivery runs. */
  failed: 'failed',
} as const;

/** A status of {@link LEDGER_STATUSES}. */
export type LedgerStatus =
  (typeof LEDGER_STATUSES)[keyof typeof LEDGER_STATUSES];

/** The event being claimed. */
export interface LedgerEntry {
  readonly eventId: string;
  readonly type: string;
  /** Stripe's `created` of the event, seconds since the epoch. */
  readonly eventCreated: number;
}

/** What a claim found. */
export type ClaimResult =
  | {
      readonly kind: 'claimed';
      /** Proves ownership when completing or releasing the claim. */
      readonly leaseToken: string;
      /** How many deliveries claimed the event so far, this one included. */
      readonly attempts: number;
    }
  | { readonly kind: 'done' }
  | {
      readonly kind: 'in_flight';
      /** Seconds until the other delivery's lease expires (at least 1). */
      readonly retryAfterSeconds: number;
    };

/**
 * The event ledger: makes each Stripe event take effect once. A delivery
 * claims the event with a lease (a conditional write) before applying it,
 * marks it done after the effect is durable, and releases the claim when
 * processing fails, so that Stripe's next delivery processes it again. A
 * failed event is never treated as done.
 */
export interface EventLedger {
  /**
   * Claims an event that is new, failed, or whose lease expired (its
   * holder crashed). Reports `done` or `in_flight` otherwise.
   */
  claimEvent(entry: LedgerEntry): Promise<ClaimResult>;

  /**
   * Marks a claimed event done with its outcome and, for a `rejected`
   * event, the reason code. Returns false when the lease was lost to
   * another delivery (the effect is written either way).
   */
  completeEvent(
    eventId: string,
    leaseToken: string,
    outcome: string,
    reason?: string,
  ): Promise<boolean>;

  /**
   * Releases a claim after a failure, recording the error code. Returns
   * false when the lease was already lost.
   */
  releaseEvent(
    eventId: string,
    leaseToken: string,
    errorCode: string,
  ): Promise<boolean>;
}
