import type {
  EventOutcome,
  WebhookMetrics,
} from '../../src/webhook/webhook-metrics.js';

/**
 * A metrics sink that counts outcomes by type. Every outcome other than
 * `duplicate` and `in_flight` means the event's handler ran once, so the
 * sum of those is the number of handler applications.
 */
export class OutcomeCounter implements WebhookMetrics {
  readonly outcomes = new Map<string, number>();
  signatureFailures = 0;

  recordEvent(type: string, outcome: EventOutcome): void {
    const key = `${type} ${outcome}`;
    this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
  }

  recordSignatureFailure(): void {
    this.signatureFailures++;
  }

  recordLatency(): void {}

  flush(): void {}

  /** Handler runs: outcomes other than duplicate and in flight. */
  get applications(): number {
    let total = 0;
    for (const [key, count] of this.outcomes) {
      const outcome = key.split(' ')[1];
      if (outcome !== 'duplicate' && outcome !== 'in_flight') total += count;
    }
    return total;
  }

  /** The count of one outcome over every type. */
  countOutcome(outcome: EventOutcome): number {
    let total = 0;
    for (const [key, count] of this.outcomes) {
      if (key.endsWith(` ${outcome}`)) total += count;
    }
    return total;
  }
}
