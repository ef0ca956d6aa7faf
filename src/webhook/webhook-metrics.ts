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
} as const;

/** An outcome of {@link EVENT_OUTCOMES}. */
export type EventOutcome = (typeof EVENT_OUTCOMES)[keyof typeof EVENT_OUTCOMES];

/**
 * What the webhook counts: events by type and outcome (duplicates and
 * stale discards are outcomes), signature failures, and processing latency.
 */
export interface WebhookMetrics {
  recordEvent(type: string, outcome: EventOutcome): void;
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
