/** Outcomes of processing one verified event. */
export const EVENT_OUTCOMES = {
  /** The event's effect is written (or was already equal). */
  applied: 'applied',
  /** The event was processed before: no effect. */
  duplicate: 'duplicate',
  /** Another delivery of the event is being processed right now. */
  inFlight: 'in_flight',
  /** A type the service does not act on, or nothing to act on. */
  ignored: 'ignored',
  /** The stored state is newer than the event: discarded. */
  stale: 'stale',
  /**
   * The event's object has a field the webhook cannot use (Stripe never
   * sends such objects): recorded as done with a reason, nothing applied.
   */
  rejected: 'rejected',
} as const;

/** An outcome of {@link EVENT_OUTCOMES}. */
export type EventOutcome = (typeof EVENT_OUTCOMES)[keyof typeof EVENT_OUTCOMES];

/**
 * Counted when processing threw (store or Stripe unavailable): the delivery
 * is answered with an error and Stripe retries. Only a metric, never the
 * result of a handler, so it is not an {@link EventOutcome}.
 */
export const FAILED_OUTCOME = 'failed';

/** What {@link WebhookMetrics.recordEvent} counts: an outcome or a failure. */
export type RecordedOutcome = EventOutcome | typeof FAILED_OUTCOME;

/**
 * What the webhook counts: events by type and outcome (duplicates, stale
 * discards and failures are outcomes), signature failures, and processing
 * latency.
 */
export interface WebhookMetrics {
  recordEvent(type: string, outcome: RecordedOutcome): void;
  recordSignatureFailure(): void;
  /** Time spent on one verified event, in milliseconds. */
  recordLatency(milliseconds: number): void;
  /** Publishes what was recorded during the request. */
  flush(): void;
}

/** Metrics that go nowhere: the default in tests and local runs. */
export const NO_METRICS: WebhookMetrics = Object.freeze({
  recordEvent: () => undefined,
  recordSignatureFailure: () => undefined,
  recordLatency: () => undefined,
  flush: () => undefined,
});
