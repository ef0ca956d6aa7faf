import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

import type { RecordedOutcome, WebhookMetrics } from './webhook-metrics.js';

/** CloudWatch namespace of the project's metrics. */
export const METRICS_NAMESPACE = 'StripeBilling';

/**
 * {@link WebhookMetrics} on Powertools Metrics (CloudWatch embedded metric
 * format, written to stdout). Each event is one metric set with the
 * dimensions `eventType` and `outcome`; {@link flush} runs after each
 * request.
 */
export class PowertoolsWebhookMetrics implements WebhookMetrics {
  readonly #metrics: Metrics;
  #hasStored = false;

  constructor(metrics?: Metrics) {
    this.#metrics =
      metrics ??
      new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'webhook' });
  }

  recordEvent(type: string, outcome: RecordedOutcome): void {
    const single = this.#metrics.singleMetric();
    single.addDimensions({ eventType: type, outcome });
    single.addMetric('WebhookEvents', MetricUnit.Count, 1);
  }

  recordSignatureFailure(): void {
    this.#hasStored = true;
    this.#metrics.addMetric('SignatureFailures', MetricUnit.Count, 1);
  }

  recordLatency(milliseconds: number): void {
    this.#hasStored = true;
    this.#metrics.addMetric(
      'ProcessingLatency',
      MetricUnit.Milliseconds,
      milliseconds,
    );
  }

  flush(): void {
    // Publishing nothing would make Powertools warn on every such request.
    if (!this.#hasStored) return;
    this.#hasStored = false;
    this.#metrics.publishStoredMetrics();
  }
}
